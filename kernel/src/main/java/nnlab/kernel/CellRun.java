package nnlab.kernel;

/**
 * One cell (or internal evaluation) while it runs: its number, its output and why it was stopped.
 *
 * <p>The stop flags are set from other threads (the stop button, the timeout watchdog) and read by
 * the thread running the cell.
 *
 * <pre>{@code
 * CellRun r = new CellRun(3, new CellOutput(listener, 200_000));
 * r.interrupted = true;    // the stop button
 * r.stopped();             // true
 * }</pre>
 */
final class CellRun {
    final int number;
    final CellOutput out;
    volatile boolean running = true;
    volatile boolean interrupted;
    volatile boolean timedOut;
    volatile boolean killed;
    /** True while a magic works in the kernel ({@code %maven}): a stop ends the cell there, no JVM to stop or kill. */
    volatile boolean inKernel;
    /** True when a stop ended the cell's kernel-side work, which then said what was stopped. */
    volatile boolean stoppedInKernel;

    CellRun(int number, CellOutput out) {
        this.number = number;
        this.out = out;
    }

    /** True once the stop button, the timeout or the kill has hit this run. */
    boolean stopped() {
        return interrupted || timedOut || killed;
    }

    /**
     * Runs a magic's kernel-side {@code work} (a Maven download) on a thread of its own, so that the stop
     * button or the timeout ends the cell at once with "{@code what} was stopped ..."; the abandoned work
     * finishes in the background.
     */
    <T> T inKernel(String what, Magics.Work<T> work) throws CellFailure, Maven.Failure {
        java.util.concurrent.CompletableFuture<T> done = new java.util.concurrent.CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                done.complete(work.call());
            } catch (Throwable e) {
                done.completeExceptionally(e);
            }
        }, "nnlab-magic");
        t.setDaemon(true);
        inKernel = true;
        t.start();
        try {
            while (true) {
                try {
                    return done.get(20, java.util.concurrent.TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.TimeoutException e) {
                    if (stopped()) {
                        t.interrupt();
                        stoppedInKernel = true;
                        throw CellFailure.simple(CellResult.Status.INTERRUPTED, "InterruptedException", what + " was stopped"
                                + (timedOut ? " by the cell time limit (NNLAB_CELL_TIMEOUT)" : "")
                                + " before it finished; nothing was added to the class path; earlier variables are kept");
                    }
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof Maven.Failure f) {
                        throw f;
                    }
                    throw CellFailure.simple(CellResult.Status.ERROR, "MagicError", what + " failed in the kernel: " + e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw CellFailure.simple(CellResult.Status.INTERRUPTED, "InterruptedException", what + " was stopped");
                }
            }
        } finally {
            inKernel = false;
        }
    }
}
