package nnlab.kernel;

import java.util.Map;
import nnlab.kernel.agent.Frame;

/**
 * Output on its way to one {@link Listener}: text capped at {@code maxChars}, frames dispatched by kind.
 *
 * <p>Each cell gets one, and so does each stretch of time between cells (the evaluator's kernel-level
 * listener). Text past the cap is dropped and counted; {@link #finish()} says how much. A
 * {@link Frame.Kind#RESULT} frame is kept as {@link #result} for the cell's value instead of being shown.
 *
 * <pre>{@code
 * CellOutput out = new CellOutput(listener, 200_000);
 * out.text("hello\n", false);
 * out.finish();   // "[output truncated: ...]" if anything was dropped
 * }</pre>
 */
final class CellOutput {
    private final Listener listener;
    private final int maxChars;
    private volatile Map<String, String> result;
    private long shown;
    private long droppedChars;
    private long droppedLines;

    CellOutput(Listener listener, int maxChars) {
        this.listener = listener;
        this.maxChars = maxChars;
    }

    /** Passes on what fits under the cap; counts the rest. */
    synchronized void text(String t, boolean err) {
        long room = Math.max(0, maxChars - shown);
        String keep = t.length() <= room ? t : t.substring(0, (int) room);
        if (keep.length() < t.length()) {
            String drop = t.substring(keep.length());
            droppedChars += drop.length();
            droppedLines += drop.chars().filter(ch -> ch == '\n').count();
        }
        shown += keep.length();
        if (!keep.isEmpty()) {
            if (err) {
                listener.stderr(keep);
            } else {
                listener.stdout(keep);
            }
        }
    }

    /** A display, update, comm message or clear goes to the listener; a result is kept for {@link #takeResult()}. */
    void frame(Frame f) {
        switch (f.kind()) {
            case RESULT -> result = f.data();
            case UPDATE -> listener.update(f.id(), f.data());
            case DISPLAY -> listener.display(f.id(), f.data());
            case COMM -> listener.comm(f.data().get("method"), f.id(), f.data().get("target"), f.data().getOrDefault("data", "{}"));
            case CLEAR -> listener.clear(Boolean.parseBoolean(f.data().get("wait")));
        }
    }

    /** The last result frame's bundle since the previous call, or null. */
    Map<String, String> takeResult() {
        Map<String, String> r = result;
        result = null;
        return r;
    }

    /** Prints how much output was dropped, if any. */
    synchronized void finish() {
        if (droppedChars > 0) {
            listener.stdout(String.format("%n... [output truncated: %,d more lines (%,d characters) not shown;"
                    + " the limit is %,d characters per cell, NNLAB_MAX_OUTPUT_CHARS]%n", droppedLines, droppedChars, maxChars));
        }
    }
}
