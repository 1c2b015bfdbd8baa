package nnlab.kernel;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** JPY_PARENT_PID: the watch fires once that process has ended, and only then; nothing to watch without it. */
class ParentWatchTest {
    @Test
    void firesOnceTheParentProcessHasEnded() throws Exception {
        Process parent = new ProcessBuilder("sleep", "60").start();
        CountDownLatch gone = new CountDownLatch(1);
        Thread watch = ParentWatch.start(Long.toString(parent.pid()), gone::countDown);
        assertNotNull(watch);
        assertFalse(gone.await(1500, TimeUnit.MILLISECONDS), "fired while the parent still runs");
        parent.destroyForcibly();
        parent.waitFor();
        assertTrue(gone.await(3, TimeUnit.SECONDS), "did not notice the parent's end");
    }

    @Test
    void watchesNothingWithoutALiveParent() {
        assertNull(ParentWatch.start(null, () -> { }));
        assertNull(ParentWatch.start(" ", () -> { }));
        assertNull(ParentWatch.start("not-a-pid", () -> { }));
        assertNull(ParentWatch.start("1", () -> { }));
        assertNull(ParentWatch.start(Long.toString(ProcessHandle.current().pid()), () -> { }));
    }
}
