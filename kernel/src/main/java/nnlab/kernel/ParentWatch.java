package nnlab.kernel;

import java.time.Instant;
import java.util.Optional;

/**
 * Ends the kernel when the notebook server that started it is gone: Jupyter's convention (ipykernel
 * does the same), so a server killed with {@code kill -9} leaves no kernel and no student JVM behind.
 *
 * <p>Jupyter puts the server's process id in {@code JPY_PARENT_PID}. A daemon thread looks at that
 * process every {@value #POLL_MILLIS} ms; once it has ended, or its id now belongs to a process started
 * later (an id the OS reused), {@code onGone} runs (the kernel closes its session, which kills the
 * student JVM, and exits). Without the variable, or with an id that is not a live process at start
 * (the kernel was started by hand), nothing is watched.
 *
 * <pre>{@code
 * ParentWatch.start(System.getenv("JPY_PARENT_PID"), () -> { kernel.onShutdown(false); System.exit(0); });
 * }</pre>
 */
final class ParentWatch {
    static final long POLL_MILLIS = 1000;

    private ParentWatch() {
    }

    /**
     * Watches the process {@code pid} (the text of {@code JPY_PARENT_PID}; null, blank or not a number:
     * nothing to watch) and runs {@code onGone} once it has ended; returns the watching thread, or null.
     */
    static Thread start(String pid, Runnable onGone) {
        Optional<ProcessHandle> parent = parse(pid).flatMap(ProcessHandle::of);
        if (parent.isEmpty() || parent.get().pid() == ProcessHandle.current().pid()) {
            return null;
        }
        ProcessHandle p = parent.get();
        Optional<Instant> started = p.info().startInstant();
        Thread t = new Thread(() -> {
            while (alive(p, started)) {
                try {
                    Thread.sleep(POLL_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
            onGone.run();
        }, "nnlab-parent-watch");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static boolean alive(ProcessHandle p, Optional<Instant> started) {
        Optional<ProcessHandle> now = ProcessHandle.of(p.pid());
        return now.isPresent() && now.get().isAlive() && now.get().info().startInstant().equals(started);
    }

    private static Optional<Long> parse(String pid) {
        if (pid == null || pid.isBlank()) {
            return Optional.empty();
        }
        try {
            long n = Long.parseLong(pid.strip());
            return n > 1 ? Optional.of(n) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
