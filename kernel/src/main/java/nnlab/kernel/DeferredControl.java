package nnlab.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import jdk.jshell.spi.ExecutionControl;

/**
 * JShell's execution control while the student JVM is still starting: the session's first compiles need no JVM.
 *
 * <p>A student JVM takes 0.5-1 s to start and connect, and the session's 18 start-up imports take as long to
 * compile in this JVM; with this stand-in they overlap, on two cores, instead of following each other (the
 * first cell of a Run All waits for both). Every call waits for the real control except
 * {@link #addToClasspath}, which is kept and replayed in order once the JVM is there, and {@link #stop}, which
 * has nothing to stop before. {@link #await} is where the session learns whether the launch failed.
 *
 * <pre>{@code
 * DeferredControl c = new DeferredControl(CompletableFuture.supplyAsync(launch));
 * c.addToClasspath("a.jar");   // kept
 * c.await();                   // the real control, or IllegalStateException saying why the JVM did not start
 * }</pre>
 */
final class DeferredControl implements ExecutionControl {
    private final CompletableFuture<ExecutionControl> launch;
    private final List<String> pendingClasspath = new ArrayList<>();
    private boolean replayed;
    /**
     * True while the compiler warms up ({@link CompilerWarmup}): classes are compiled and nothing reaches the student
     * JVM; loading is skipped, and running a snippet or reading a variable gives an empty value.
     */
    private volatile boolean dry;
    /** Commands passed on to the student JVM (tests count them). */
    private final java.util.concurrent.atomic.AtomicLong sent = new java.util.concurrent.atomic.AtomicLong();

    DeferredControl(CompletableFuture<ExecutionControl> launch) {
        this.launch = launch;
    }

    /** Waits for the student JVM; throws what JShell's own launch would have: "Launching JShell execution engine threw: ...". */
    ExecutionControl await() {
        try {
            return real();
        } catch (EngineTerminationException e) {
            throw new IllegalStateException("Launching JShell execution engine threw: " + e.getMessage(), e.getCause());
        }
    }

    private ExecutionControl real() throws EngineTerminationException {
        ExecutionControl ec;
        try {
            ec = launch.get();
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            EngineTerminationException t = new EngineTerminationException(String.valueOf(cause.getMessage()));
            t.initCause(cause);
            throw t;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineTerminationException("interrupted while the student JVM was starting");
        }
        synchronized (this) {
            if (!replayed) {
                replayed = true;
                for (String path : pendingClasspath) {
                    try {
                        ec.addToClasspath(path);
                    } catch (InternalException e) {
                        throw new EngineTerminationException("could not add " + path + " to the student JVM's class path: " + e.getMessage());
                    }
                }
                pendingClasspath.clear();
            }
        }
        return ec;
    }

    /** Dry (true) while the compiler warms up: nothing is sent to the student JVM until it is set back. */
    void dry(boolean on) {
        dry = on;
    }

    /** How many load, redefine, invoke, varValue and extension commands went to the student JVM. */
    long sent() {
        return sent.get();
    }

    /** False while dry (the command is dropped); else counts the command, which goes on to the student JVM. */
    private boolean passOn() {
        if (dry) {
            return false;
        }
        sent.incrementAndGet();
        return true;
    }

    @Override
    public void load(ClassBytecodes[] cbcs) throws ClassInstallException, NotImplementedException, EngineTerminationException {
        if (passOn()) {
            real().load(cbcs);
        }
    }

    @Override
    public void redefine(ClassBytecodes[] cbcs) throws ClassInstallException, NotImplementedException, EngineTerminationException {
        if (passOn()) {
            real().redefine(cbcs);
        }
    }

    @Override
    public String invoke(String className, String methodName) throws RunException, EngineTerminationException, InternalException {
        return passOn() ? real().invoke(className, methodName) : "";
    }

    @Override
    public String varValue(String className, String varName) throws RunException, EngineTerminationException, InternalException {
        return passOn() ? real().varValue(className, varName) : "";
    }

    @Override
    public void addToClasspath(String path) throws EngineTerminationException, InternalException {
        synchronized (this) {
            if (!replayed) {
                pendingClasspath.add(path);
                return;
            }
        }
        real().addToClasspath(path);
    }

    @Override
    public Object extensionCommand(String command, Object arg) throws RunException, EngineTerminationException, InternalException {
        return passOn() ? real().extensionCommand(command, arg) : null;
    }

    @Override
    public void stop() throws EngineTerminationException, InternalException {
        if (launch.isDone() && !launch.isCompletedExceptionally()) {
            real().stop();
        }
    }

    @Override
    public void close() {
        launch.thenAccept(ExecutionControl::close);
    }
}
