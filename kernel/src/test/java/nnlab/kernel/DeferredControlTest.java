package nnlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import jdk.jshell.spi.ExecutionControl;
import org.junit.jupiter.api.Test;

/** JShell's control while the student JVM starts: class path kept and replayed, calls wait, a failed launch says why. */
class DeferredControlTest {

    /** Records what JShell asked of the real control. */
    static final class Recording implements ExecutionControl {
        final List<String> calls = new ArrayList<>();

        @Override
        public void load(ClassBytecodes[] cbcs) {
            calls.add("load " + cbcs.length);
        }

        @Override
        public void redefine(ClassBytecodes[] cbcs) {
            calls.add("redefine");
        }

        @Override
        public String invoke(String className, String methodName) {
            calls.add("invoke " + className + "." + methodName);
            return "42";
        }

        @Override
        public String varValue(String className, String varName) {
            return "v";
        }

        @Override
        public void addToClasspath(String path) {
            calls.add("classpath " + path);
        }

        @Override
        public Object extensionCommand(String command, Object arg) {
            return null;
        }

        @Override
        public void stop() {
            calls.add("stop");
        }

        @Override
        public void close() {
            calls.add("close");
        }
    }

    @Test
    void classPathAddedWhileStartingIsReplayedInOrderBeforeTheFirstCall() throws Exception {
        CompletableFuture<ExecutionControl> launch = new CompletableFuture<>();
        DeferredControl c = new DeferredControl(launch);
        c.addToClasspath("a.jar");
        c.addToClasspath("b.jar");
        c.stop();                                  // nothing runs yet: nothing to stop, and no wait
        Recording real = new Recording();
        launch.complete(real);
        assertEquals("42", c.invoke("REPL.$JShell$1", "do_it$"));
        c.addToClasspath("c.jar");
        c.close();
        assertEquals(List.of("classpath a.jar", "classpath b.jar", "invoke REPL.$JShell$1.do_it$", "classpath c.jar", "close"),
                real.calls);
    }

    @Test
    void aCallWaitsForTheStudentJvm() throws Exception {
        CompletableFuture<ExecutionControl> launch = new CompletableFuture<>();
        DeferredControl c = new DeferredControl(launch);
        Recording real = new Recording();
        CompletableFuture.delayedExecutor(200, java.util.concurrent.TimeUnit.MILLISECONDS).execute(() -> launch.complete(real));
        long t0 = System.nanoTime();
        c.load(new ExecutionControl.ClassBytecodes[0]);
        assertTrue(System.nanoTime() - t0 >= 150_000_000L, "load returned before the JVM was there");
        assertEquals(List.of("load 0"), real.calls);
    }

    @Test
    void aFailedLaunchSaysWhyAsJShellsOwnLaunchWould() {
        CompletableFuture<ExecutionControl> launch = new CompletableFuture<>();
        DeferredControl c = new DeferredControl(launch);
        launch.completeExceptionally(new IOException("the sandboxed student JVM did not connect (timeout)"));
        IllegalStateException e = assertThrows(IllegalStateException.class, c::await);
        assertEquals("Launching JShell execution engine threw: the sandboxed student JVM did not connect (timeout)", e.getMessage());
        assertThrows(ExecutionControl.EngineTerminationException.class, () -> c.invoke("X", "do_it$"));
        c.close();                                 // closing a control that never came is quiet
    }
}
