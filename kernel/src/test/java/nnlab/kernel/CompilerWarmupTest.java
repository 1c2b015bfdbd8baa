package nnlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import org.junit.jupiter.api.Test;

/**
 * The kernel JVM's compiler warm-up ({@link CompilerWarmup}): it compiles its cells and runs none of them, leaves
 * nothing in the student's session, prints nothing, waits for a quiet spell and gives way to a request.
 */
class CompilerWarmupTest {
    private static Evaluator.Options options() {
        return new Evaluator.Options(Classpath.userClasspath(), List.of("-Xmx256m", "-Dnnlab.warmup=false"), 0, 10_000);
    }

    private static Set<String> active(JShell shell) {
        // declarations the student could refer to (statements are run once and leave no name behind)
        return shell.snippets().filter(s -> s instanceof jdk.jshell.PersistentSnippet && shell.status(s).isActive()
                        && s.kind() != Snippet.Kind.IMPORT)
                .map(Snippet::source).collect(Collectors.toSet());
    }

    @Test
    void theWarmupCellsCompileAndRunCleanlyAsCells() {
        // they are meant to be course-shaped cells that compile: run for real here, none may fail
        List<String> cells = CompilerWarmup.cells();
        assertTrue(cells.size() >= 3, "warm-up cells: " + cells.size());
        try (Evaluator ev = new Evaluator(options())) {
            EvaluatorTest.Recorder rec = new EvaluatorTest.Recorder();
            for (String cell : cells) {
                CellResult r = ev.run(cell, rec);
                assertTrue(r.ok(), () -> "warm-up cell failed: " + r.ename() + ": " + r.evalue() + "\n" + cell);
            }
        }
    }

    @Test
    void warmingCompilesEveryCellSendsNothingToTheStudentJvmAndLeavesNothingBehind() {
        try (Evaluator ev = new Evaluator(options())) {
            EvaluatorTest.Recorder idle = new EvaluatorTest.Recorder();
            ev.setIdleListener(idle);
            EvaluatorTest.Recorder rec = new EvaluatorTest.Recorder();
            JShell shell = ev.session().shell();
            Set<String> before = active(shell);
            long sent = ev.session().control().sent();
            for (String cell : CompilerWarmup.cells()) {
                assertTrue(ev.warmCompiler(cell, 0), () -> "did not compile:\n" + cell);
            }
            assertEquals(sent, ev.session().control().sent(), "nothing may reach the student JVM while warming");
            assertEquals(before, active(shell), "the warm-up's declarations must all be dropped");
            assertEquals("", idle.out.toString() + idle.err, "the warm-up prints nothing");
            // its names mean nothing to the student, who may declare them afresh; the student's own are intact
            assertEquals("CompilationException", ev.run("nnlabWarmupF(1, 2)", rec).ename());
            assertEquals("CompilationException", ev.run("new NnlabWarmupRun(1, 2, List.of())", rec).ename());
            assertEquals("3.0", ev.run("double nnlabWarmupF(double x, double y) { return x + y; } nnlabWarmupF(1, 2)", rec).text());
            assertEquals("43", ev.run("int answer = 42; answer + 1", rec).text());
            assertEquals("", rec.out.toString() + rec.err);
            assertFalse(ev.warmCompiler(CompilerWarmup.cells().get(0), 0), "once the student's cells have begun it declines");
        }
    }

    @Test
    void aCellSentAtOnceMeetsNoWarmupAndEndsIt() throws Exception {
        try (Evaluator ev = new Evaluator(options())) {
            EvaluatorTest.Recorder rec = new EvaluatorTest.Recorder();
            Thread t = CompilerWarmup.start(ev, CompilerWarmup.cells(), 1500);
            // sent at once: the warm-up waits for a quiet spell, so this cell meets no warm-up at all
            assertEquals("2", ev.run("1 + 1", rec).text());
            assertTrue(ev.warming() == null);
            // and once the student's cells have begun, the warm-up has no more business: it ends without compiling
            t.join(10_000);
            assertFalse(t.isAlive(), "the warm-up ends after the student's first cell");
            assertTrue(ev.warming() == null);
            assertEquals("CompilationException", ev.run("nnlabWarmupGrad(0, 0)", rec).ename());
        }
    }

    @Test
    void aRequestStopsTheWarmupBetweenTwoSnippetsAndItCarriesOnLater() throws Exception {
        try (Evaluator ev = new Evaluator(options())) {
            EvaluatorTest.Recorder rec = new EvaluatorTest.Recorder();
            Thread t = CompilerWarmup.start(ev, CompilerWarmup.cells(), 300);
            CellRun[] seen = new CellRun[1];
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (System.nanoTime() < deadline && seen[0] == null) {
                seen[0] = ev.warming();
                Thread.onSpinWait();
            }
            assertTrue(seen[0] != null, "the warm-up started after the quiet spell");
            ev.touch();     // a completion request, say: not a cell
            assertTrue(seen[0].stopped(), "a request stops the warm-up's cell");
            t.join(60_000);
            assertFalse(t.isAlive(), "after another quiet spell the warm-up compiled the rest and ended");
            assertEquals("CompilationException", ev.run("nnlabWarmupGrad(0, 0)", rec).ename(), "and dropped it all");
            assertEquals("6", ev.run("2 * 3", rec).text());
        }
    }
}
