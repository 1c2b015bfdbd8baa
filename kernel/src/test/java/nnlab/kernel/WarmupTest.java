package nnlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The student JVM's start-up warm-up: it runs cleanly, prints nothing, defines nothing and delays no cell. */
class WarmupTest {

    @Test
    void studentJvmWarmupRunsCleanlyAndSilently() throws Exception {
        PrintStream out = System.out, err = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(printed, true));
            System.setErr(new PrintStream(printed, true));
            Thread t = nnlab.kernel.agent.WarmupAccess.start();
            assertTrue(t.isDaemon(), "the warm-up must never keep the student JVM alive");
            t.join(60_000);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        assertNull(nnlab.kernel.agent.WarmupAccess.failure());
        assertEquals("", printed.toString());
        assertEquals(6, nnlab.kernel.agent.WarmupAccess.done(), "every warm-up chart was drawn");
    }

    @Test
    void chartsAfterTheFirstWaitUntilNoCellRunsAndTheKernelIsQuiet() throws Exception {
        nnlab.kernel.agent.WarmupAccess.activity(true);      // as if a cell were running in the student JVM
        Thread t = nnlab.kernel.agent.WarmupAccess.start();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!(t.getState() == Thread.State.WAITING && nnlab.kernel.agent.WarmupAccess.done() == 1) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(1, nnlab.kernel.agent.WarmupAccess.done(), "the first chart is drawn at once");
        Thread.sleep(1500);
        assertEquals(1, nnlab.kernel.agent.WarmupAccess.done(), "no further chart while the cell runs");
        assertTrue(t.isAlive());
        long end = System.nanoTime();
        nnlab.kernel.agent.WarmupAccess.activity(false);     // the cell ended: the rest follow after a quiet half second
        t.join(60_000);
        assertTrue((System.nanoTime() - end) / 1_000_000 >= 500, "the warm-up waited for a quiet spell");
        assertEquals(6, nnlab.kernel.agent.WarmupAccess.done());
        assertTrue(nnlab.kernel.agent.WarmupAccess.collected(), "the warm-up ends with a collection");
        assertNull(nnlab.kernel.agent.WarmupAccess.failure());
    }

    @Test
    void theStudentsFirstCellEndsTheWarmup() throws Exception {
        Thread t = nnlab.kernel.agent.WarmupAccess.start();
        nnlab.kernel.agent.WarmupAccess.activity(true);      // the student's first cell starts while the first chart is drawn
        nnlab.kernel.agent.WarmupAccess.activity(false);
        t.join(60_000);
        assertEquals(1, nnlab.kernel.agent.WarmupAccess.done(), "no chart after the first once the student's cells run");
        assertFalse(nnlab.kernel.agent.WarmupAccess.collected(), "nor the collection");
        assertNull(nnlab.kernel.agent.WarmupAccess.failure());
    }

    @Test
    void aCellSentAtOnceDoesNotWaitForTheWarmupsAndSeesNothingOfThem() {
        // The warm-up is held back for a minute: the first cells must still answer at once.
        Evaluator.Options o = new Evaluator.Options(Classpath.userClasspath(),
                List.of("-Xmx256m", "-Dnnlab.warmup.delayMillis=60000"), 0, 10_000);
        try (Evaluator ev = new Evaluator(o)) {
            EvaluatorTest.Recorder rec = new EvaluatorTest.Recorder();
            CellResult first = ev.run("1 + 1", rec);
            assertEquals("2", first.text());
            assertEquals("", rec.out.toString() + rec.err);
            CellResult pending = ev.run("Thread.getAllStackTraces().keySet().stream()"
                    + ".anyMatch(t -> t.getName().equals(\"nnlab-warmup\") && t.isAlive())", rec);
            assertEquals("true", pending.text(), "the cells ran while the warm-up was still waiting");
            // The warm-up declares nothing in the student's session.
            assertEquals("CompilationException", ev.run("Warmup.class", rec).ename());
        }
    }
}
