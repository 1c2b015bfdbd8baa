package nnlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The per-cell timeout stops a cell; a cell that ignores the stop gets a fresh session. */
class TimeoutTest {
    @Test
    void timeoutStopsTheCellAndLaterCellsRun() {
        try (Evaluator ev = new Evaluator(new Evaluator.Options(Classpath.userClasspath(), List.of(), 2, 10_000))) {
            assertTrue(ev.run("int kept = 1;", Listener.NONE).ok());
            CellResult r = ev.run("while (true) { }", Listener.NONE);
            assertEquals(CellResult.Status.TIMEOUT, r.status());
            assertTrue(r.evalue().contains("earlier variables are kept"), r.evalue());
            assertEquals("2", ev.run("kept + 1", Listener.NONE).text());

            r = ev.run("while (true) { try { Thread.sleep(5); } catch (Throwable t) { } }", Listener.NONE);
            assertEquals(CellResult.Status.TIMEOUT, r.status());
            assertTrue(r.evalue().contains("a new Java session was started"), r.evalue());
            assertEquals("CompilationException", ev.run("kept", Listener.NONE).ename(), "the new session has no old variables");
            assertEquals("3", ev.run("1 + 2", Listener.NONE).text());
        }
    }
}
