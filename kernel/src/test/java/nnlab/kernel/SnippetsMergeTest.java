package nnlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs of plain statements are compiled as one block, and a cell prints and fails exactly as snippet by snippet. */
class SnippetsMergeTest {
    static Evaluator ev;

    @BeforeAll
    static void start() {
        ev = EvaluatorTest.newEvaluator();
    }

    @AfterAll
    static void stop() {
        ev.close();
    }

    /** What the cell printed and how it ended. */
    record Ran(CellResult result, String out, long snippets) {
    }

    static Ran run(String code) {
        EvaluatorTest.Recorder rec = new EvaluatorTest.Recorder();
        long before = ev.session().shell().snippets().count();
        CellResult r = ev.run(code, rec);
        // the kernel's own snippets (a flush after an exception) are not the cell's
        long cells = ev.session().shell().snippets().skip(before).filter(x -> !x.source().contains("nnlab.kernel.agent.")).count();
        return new Ran(r, rec.out.toString(), cells);
    }

    @Test
    void statementsRunAsOneBlockAndTheLastValueIsShown() {
        assertTrue(run("int n = 0;").result.ok());
        Ran r = run("System.out.println(\"a\");\nn += 1;\n// a comment between\nfor (int i = 0; i < 2; i++) {\n"
                + "    System.out.println(i);\n}\nif (n > 0) System.out.println(\"pos\");\nn++;\nn");
        assertEquals(CellResult.Status.OK, r.result.status());
        assertEquals("a\n0\n1\npos\n", r.out);
        assertEquals("2", r.result.text());
        assertEquals(2, r.snippets, "the five statements are one snippet, the value another");
        Ran loop = run("n = 0;\nfor (int i = 0; i < 3; i++) n += i;");
        assertEquals(1, loop.snippets, "a last statement with no value joins the block");
        assertNull(loop.result.value());
        assertEquals("3", run("n").result.text());
        assertEquals("7", run("n = 1;\nSystem.out.print(\"\");\nMath.max(n, 7)").result.text(), "a last call's value");
    }

    @Test
    void aCompileErrorInTheThirdStatementIsReportedAsSnippetBySnippetAfterTheFirstTwoRan() {
        Ran r = run("System.out.println(\"one\");\nSystem.out.println(\"two\");\n  System.out.println(missing);\n"
                + "System.out.println(\"four\");\nSystem.out.println(\"five\");\nint z = 1;");
        assertEquals("one\ntwo\n", r.out);
        assertEquals(CellResult.Status.ERROR, r.result.status());
        assertEquals(List.of("Compile error at cell line 3:", "    System.out.println(missing);", "                       ^",
                "cannot find symbol", "  symbol:   variable missing"), r.result.traceback());
        assertEquals("cannot find symbol", r.result.evalue());
    }

    @Test
    void anExpressionThatIsNoStatementFallsBackToSnippets() {
        // `Math.max(1, 2) + 1;` is a JShell snippet, not a Java statement: the block fails, the snippets run
        Ran r = run("System.out.println(\"p\");\nMath.max(1, 2) + 1;\nSystem.out.println(\"q\");\nint after = 3;");
        assertEquals(CellResult.Status.OK, r.result.status());
        assertEquals("p\nq\n", r.out);
        assertEquals("3", run("after").result.text());
    }

    @Test
    void anExceptionInABlockNamesItsCellLine() {
        Ran r = run("System.out.println(\"a\");\nint[] arr = new int[2];\nSystem.out.println(\"b\");\n"
                + "for (int i = 0; i < 2; i++) {\n    arr[i] = i;\n}\narr[5] = 2;\nSystem.out.println(\"c\");\nint after2 = 1;");
        assertEquals("a\nb\n", r.out);
        assertThrewAtLine(r, "java.lang.ArrayIndexOutOfBoundsException", 7);
        assertEquals(3, r.snippets, "a, the array, then b to c as one block");
    }

    @Test
    void aThrowEndingTheCellIsReportedAtItsLine() {
        Ran r = run("System.out.println(\"x\");\nif (1 > 0)\n    throw new IllegalStateException(\"boom\");");
        assertEquals("x\n", r.out);
        assertThrewAtLine(r, "java.lang.IllegalStateException", 3);
        assertEquals("boom", r.result.evalue());
        assertEquals(1, r.snippets, "the print and the if are one block");
    }

    private static void assertThrewAtLine(Ran r, String exception, int line) {
        assertEquals(exception, r.result.ename());
        assertTrue(r.result.traceback().get(1).matches("\tat <cell>\\(cell \\d+, line " + line + "\\)"), r.result.traceback().toString());
    }

    @Test
    void declarationsBetweenStatementsEndTheBlocks() {
        Ran r = run("int k = 0;\nk++;\nk++;\nint m = k * 10;\nm += 1;\nm += 1;\n"
                + "void show() { System.out.println(\"m=\" + m); }\nshow();\nshow();\nm");
        assertEquals("m=22\nm=22\n", r.out);
        assertEquals("22", r.result.text());
        assertEquals(7, r.snippets, "k, a block, m, a block, show, show(), m; the last show() may have a value");
        assertEquals("24", run("k + m").result.text(), "the declarations are the session's");
    }

    @Test
    void aCheckCellOfLoopsAndCallsPrintsWhatItPrintedBefore() {
        assertTrue(run("void check(String what, boolean ok) { System.out.println((ok ? \"ok: \" : \"FAIL: \") + what); }").result.ok());
        Ran r = run("double[] w = {1, 2, 3};\ndouble sum = 0;\nfor (double x : w) sum += x;\ncheck(\"sum\", sum == 6);\n"
                + "check(\"first\", w[0] == 1);\nw[0] = 5;\ncheck(\"changed\", w[0] == 5);\ncheck(\"last\", w[2] == 4);");
        assertEquals("ok: sum\nok: first\nok: changed\nFAIL: last\n", r.out);
        assertEquals(4, r.snippets, "w, sum, five statements, the last call");
    }

    @Test
    void theStopButtonEndsABlockAndSystemExitIsReported() throws Exception {
        CompletableFuture<Ran> running = CompletableFuture.supplyAsync(
                () -> run("System.out.println(\"started\");\nwhile (true) { }\nSystem.out.println(\"never\");\nint late = 1;"));
        Thread.sleep(1000);
        ev.interrupt();
        Ran r = running.get();
        assertEquals(CellResult.Status.INTERRUPTED, r.result.status());
        assertEquals("started\n", r.out);
        assertFalse(run("late").result.ok(), "nothing after the stop ran");
        Ran exit = run("System.out.println(\"bye\");\nSystem.exit(3);\nSystem.out.println(\"after\");\nint q = 1;");
        assertEquals(CellResult.Status.EXIT, exit.result.status());
        assertEquals("bye\n", exit.out);
    }

    @Test
    void evalRunsItsStatementsAsACellDoes() {
        Ran r = run("Object v = eval(\"System.out.println(1);\\nSystem.out.println(2);\\n40 + 2\");\nv");
        assertEquals("1\n2\n", r.out);
        assertEquals("42", r.result.text());
    }

    @Test
    void onlyStatementsThatDeclareNothingJoin() {
        for (String s : List.of("check(\"a\", () -> a == 3);", "System.out.println(1);", "x = 3;", "w[i][j] -= 0.1 * g;",
                "p.x *= 2;", "i++;", "--i;", "for (int i = 0; i < 3; i++) {}", "if (a) b();", "while (t) t = f();",
                "do { } while (false);", "try { f(); } catch (Exception e) { }", "throw new RuntimeException();",
                "{ int local = 1; }", "// note\ncheck(x);", "/* c */ x = 1;")) {
            assertTrue(StatementRuns.isStatement(s), s);
        }
        for (String s : List.of("int x = 3;", "var y = f();", "double[] w = {1, 2};", "List<String> l = List.of();",
                "void f() { }", "class A { }", "record R(int a) { }", "import java.util.*;", "x;", "1 + 2;",
                "x == 3;", "double d = x(1);", "String s = \"a=b\";", "doSomething = 1;".replace("doSomething", "dox"))) {
            assertEquals(s.equals("dox = 1;"), StatementRuns.isStatement(s), s);
        }
        assertTrue(StatementRuns.isValueless("for (;;) { }"));
        assertFalse(StatementRuns.isValueless("f(1);"), "a call may have a value to show");
    }
}
