package nnlab.display;

import java.util.Objects;

/**
 * Where rich output goes: a notebook cell when the Java kernel is running, plain text otherwise.
 *
 * <p>The kernel installs a {@link Backend} at start-up; code in {@code nnlab} (live learning
 * curves, {@code Plots.show}) and students call {@link #display(Object)} and
 * {@link #update(String, Object)} without knowing which front end they run in. Without a backend
 * (plain JShell, JUnit) {@link #display} prints the object's {@code toString()} to standard output
 * unless a fallback has been installed with {@link #setFallback(Backend)}.
 *
 * <pre>{@code
 * String id = Display.display(chart);   // shows the chart in the notebook
 * Display.update(id, chart);            // redraws the same output in place
 * }</pre>
 */
public final class Display {

    /** A front end that can show objects and replace what it showed. */
    public interface Backend {
        /** Shows {@code value} as a new output; returns an id for {@link #update}. */
        String display(Object value);

        /** Replaces the output with this id by a rendering of {@code value}. */
        void update(String id, Object value);

        /** Clears the output shown so far; with {@code wait}, only when the next output arrives. */
        default void clear(boolean wait) {
        }
    }

    private static volatile Backend backend;
    private static volatile Backend fallback = new TextBackend();
    private static final ThreadLocal<Backend> CAPTURE = new ThreadLocal<>();

    private Display() {
    }

    /** Installs the notebook front end (the kernel does this); {@code null} removes it. */
    public static void setBackend(Backend b) {
        backend = b;
    }

    /** Installs what is used when no notebook front end is present (plain JShell, tests). */
    public static void setFallback(Backend b) {
        fallback = Objects.requireNonNull(b, "fallback");
    }

    /** True when a notebook front end is installed. */
    public static boolean inNotebook() {
        return backend != null;
    }

    /** Shows {@code value} and returns an id that {@link #update} can redraw. */
    public static String display(Object value) {
        return current().display(value);
    }

    /** Redraws the output {@code id} (from {@link #display}) with {@code value}. */
    public static void update(String id, Object value) {
        Objects.requireNonNull(id, "id");
        current().update(id, value);
    }

    /**
     * Jupyter's {@code clear_output}: clears the cell's (or the capturing output widget's) output; with
     * {@code wait} it is cleared when the next output arrives, so a redraw does not flicker.
     */
    public static void clear(boolean wait) {
        current().clear(wait);
    }

    /** Runs {@code body} with this thread's display, update and clear going to {@code b} (an output widget's capture). */
    public static void capture(Backend b, Runnable body) {
        Backend before = CAPTURE.get();
        CAPTURE.set(Objects.requireNonNull(b, "backend"));
        try {
            body.run();
        } finally {
            if (before == null) {
                CAPTURE.remove();
            } else {
                CAPTURE.set(before);
            }
        }
    }

    private static Backend current() {
        Backend c = CAPTURE.get();
        if (c != null) {
            return c;
        }
        Backend b = backend;
        return b != null ? b : fallback;
    }

    /** Plain-text fallback: prints {@code toString()}; an update prints again. */
    static final class TextBackend implements Backend {
        private int next;

        @Override
        public synchronized String display(Object value) {
            System.out.println(value);
            return "text-" + (next++);
        }

        @Override
        public void update(String id, Object value) {
            System.out.println(value);
        }
    }
}
