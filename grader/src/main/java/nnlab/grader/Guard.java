package nnlab.grader;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Watches an evaluator process while it runs one submission: deadline, peak memory, left-over processes
 * and the texts that say why a run failed.
 *
 * <p>The deadline is cells x timeout + margin from the start. Every {@link #sample()} records the
 * process tree's resident memory and the processes in it; when the submission ends
 * ({@link #outcome}), those that are still alive (a student's detached {@code sleep}) are killed.
 *
 * <pre>{@code
 * Guard g = new Guard(process, cells.size(), options);
 * while (!done) { if (g.sample()) { g.kill(); failure = g.deadlineFailure(got.size()); } }
 * return g.outcome(got, failure);
 * }</pre>
 */
final class Guard {
    private final Process process;
    private final int cells;
    private final long limitSeconds;
    private final long start = System.nanoTime();
    private final long deadline;
    private final Set<ProcessHandle> seen = new HashSet<>();
    private long peak;

    /** Starts the clock for {@code cells} cells under {@code options}' timeout and margin. */
    Guard(Process process, int cells, Runner.Options options) {
        this.process = process;
        this.cells = cells;
        this.limitSeconds = (long) cells * options.timeoutSeconds() + options.marginSeconds();
        this.deadline = start + TimeUnit.SECONDS.toNanos(limitSeconds);
    }

    /** Records the tree's memory and processes; true once the deadline has passed. */
    boolean sample() {
        process.toHandle().descendants().forEach(seen::add);
        peak = Math.max(peak, Memory.treeRss(process.toHandle()));
        return System.nanoTime() > deadline;
    }

    /** Kills the evaluator and every process under it. */
    void kill() {
        Memory.killTree(process);
    }

    /** Why a run that passed its deadline failed, after {@code got} cells reported. */
    String deadlineFailure(int got) {
        return "the evaluator did not finish within " + limitSeconds + " s (cells x timeout + margin) and was killed"
                + " after " + got + " of " + cells + " cells";
    }

    /** Why a run that ended early failed; {@code why} is appended (exit code, stderr), may be empty. */
    String stoppedFailure(int got, String why) {
        return "the evaluator stopped after " + got + " of " + cells + " cells" + why;
    }

    /** " (exit code N): last stderr" for an evaluator that has ended (or "none" while it lives). */
    String exitReason(StringBuilder stderr) {
        return " (exit code " + (process.isAlive() ? "none" : Integer.toString(process.exitValue())) + ")" + tail(stderr);
    }

    /** Kills what the submission left running and sums the run up. */
    Runner.Outcome outcome(List<CellResult> got, String failure) {
        seen.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        return new Runner.Outcome(List.copyOf(got), failure == null, failure, millis, peak);
    }

    /** ": " and the last 500 characters of {@code stderr}, or "" when it is empty. */
    static String tail(StringBuilder stderr) {
        synchronized (stderr) {
            String s = stderr.toString().strip();
            return s.isEmpty() ? "" : ": " + (s.length() > 500 ? "..." + s.substring(s.length() - 500) : s);
        }
    }
}
