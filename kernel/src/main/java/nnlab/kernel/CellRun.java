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
}
