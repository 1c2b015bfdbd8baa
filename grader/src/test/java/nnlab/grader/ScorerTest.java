package nnlab.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Scoring rules on hand-written evaluator results (the contract's JSON), without running a JVM. */
class ScorerTest {

    private static CellResult ok(int cell, Double number) {
        return new CellResult(cell, "ok", number == null ? null : number.toString(), number, "", "", null, null,
                List.of(), 5);
    }

    private static CellResult bad(int cell, String status, String ename, String evalue) {
        return new CellResult(cell, status, null, null, "", "", ename, evalue, List.of(), 5);
    }

    private static List<StudentResult.CellGrade> score(List<CellResult> results, List<String> issues)
            throws IOException {
        Assignment a = Assignment.load(MergeTest.FIXTURE.resolve("source/fixture.ipynb"));
        Merge.Plan plan = Merge.plan(a, Notebook.read(MergeTest.FIXTURE.resolve("submitted/alice/fixture.ipynb")));
        boolean complete = results.size() == plan.codeCells().size();
        return Scorer.score(a, plan, new Runner.Outcome(results, complete, complete ? null : "died", 10, 0), 3, issues);
    }

    @Test
    void passingCellsEarnTheirPointsAndANumberIsPartialCredit() throws IOException {
        List<CellResult> r = List.of(ok(0, null), ok(1, null), ok(2, null), ok(3, null), ok(4, 1.5), ok(5, null),
                ok(6, null));
        List<StudentResult.CellGrade> g = score(r, new ArrayList<>());
        assertEquals(2.0, g.get(0).points());
        assertEquals("passed", g.get(0).message());
        assertEquals(1.5, g.get(1).points());
        assertEquals("partial credit: 1.5 of 3 points", g.get(1).message());
        assertEquals(2.0, g.get(2).points());
        assertNull(g.get(3).points(), "a written answer waits for a hand grade");
        assertEquals("to be graded by hand", g.get(3).message());
    }

    @Test
    void numbersOutsideTheRangeAreClampedLikeNbgrader() throws IOException {
        List<CellResult> r = List.of(ok(0, null), ok(1, null), ok(2, 7.0), ok(3, null), ok(4, -2.0), ok(5, null),
                ok(6, null));
        List<StudentResult.CellGrade> g = score(r, new ArrayList<>());
        assertEquals(2.0, g.get(0).points());
        assertEquals(0.0, g.get(1).points());
    }

    @Test
    void failuresEarnZeroWithAMessageSayingWhy() throws IOException {
        List<String> issues = new ArrayList<>();
        List<CellResult> r = List.of(ok(0, null), bad(1, "timeout", null, null),
                bad(2, "error", "java.lang.UnsupportedOperationException", "not implemented yet"), ok(3, null),
                bad(4, "exit", null, "System.exit(0)"), ok(5, null), bad(6, "crash", null, "exit code 137"));
        List<StudentResult.CellGrade> g = score(r, issues);
        assertEquals("java.lang.UnsupportedOperationException: not implemented yet", g.get(0).message());
        assertEquals(0.0, g.get(0).points());
        assertEquals("the code called System.exit (System.exit(0))", g.get(1).message());
        assertEquals("the JVM running the code crashed: exit code 137", g.get(2).message());
        assertEquals(List.of("cell square failed: timed out after 3 s (an infinite loop?)"), issues);
    }

    @Test
    void compileErrorsNameTheMissingSymbolAndNaNCreditEarnsNothing() throws IOException {
        CellResult compile = new CellResult(2, "error", null, null, "", "", "CompilationException",
                "cannot find symbol", List.of("Compile error at cell line 1:", "    square(3)", "    ^",
                "cannot find symbol", "  symbol:   method square(int)", "  location: class "), 5);
        List<CellResult> r = List.of(ok(0, null), ok(1, null), compile, ok(3, null), ok(4, Double.NaN), ok(5, null),
                ok(6, null));
        List<StudentResult.CellGrade> g = score(r, new ArrayList<>());
        assertEquals("CompilationException: cannot find symbol (symbol: method square(int))", g.get(0).message());
        assertEquals(0.0, g.get(1).points());
    }

    @Test
    void cellsThatNeverReportedEarnZeroNamingTheFailure() throws IOException {
        List<StudentResult.CellGrade> g = score(List.of(ok(0, null), ok(1, null), ok(2, null)), new ArrayList<>());
        assertEquals(2.0, g.get(0).points());
        assertEquals(0.0, g.get(1).points());
        assertEquals("not run: died", g.get(1).message());
        assertEquals("not run", g.get(1).status());
    }

    @Test
    void parsesTheEvaluatorsJsonLine() {
        CellResult r = CellResult.parse(com.google.gson.JsonParser.parseString("{\"cell\": 4, \"status\": \"ok\", "
                + "\"value\": \"1.5\", \"number\": 1.5, \"stdout\": \"hi\\n\", \"stderr\": \"\", \"ename\": null, "
                + "\"evalue\": null, \"traceback\": [], \"millis\": 12}").getAsJsonObject());
        assertEquals(new CellResult(4, "ok", "1.5", 1.5, "hi\n", "", null, null, List.of(), 12), r);
    }

    @Test
    void unansweredWrittenAnswerEarnsZero() throws IOException {
        Assignment a = Assignment.load(MergeTest.FIXTURE.resolve("source/fixture.ipynb"));
        Merge.Plan plan = Merge.plan(a, Notebook.read(MergeTest.FIXTURE.resolve("submitted/carol.ipynb")));
        List<StudentResult.CellGrade> g = Scorer.score(a, plan, new Runner.Outcome(List.of(), false, "x", 0, 0), 3,
                new ArrayList<>());
        assertEquals(0.0, g.get(3).points());
        assertEquals("no answer written", g.get(3).message());
    }
}
