package nnlab.kernel.agent;

import nnlab.display.Display;

/**
 * The functions every notebook cell can call without a class name, IJava's {@code display} and
 * {@code updateDisplay}: the kernel imports them statically at session start
 * ({@code import static nnlab.kernel.agent.Functions.*;}).
 *
 * <p>One static import compiles once, where four method snippets took four compilations at every
 * session start. A cell that declares its own {@code display(...)} shadows these, as it replaced
 * the old snippets.
 *
 * <pre>{@code
 * String id = display(chart);                 // shows the chart now; returns its display id
 * updateDisplay(id, chart);                   // redraws it in place
 * clearOutput(true);                          // clear_output(wait=True): cleared when the next output comes
 * display("<b>bold</b>", "text/html");        // only the listed MIME types
 * }</pre>
 */
public final class Functions {
    private Functions() {
    }

    /** Shows {@code value} in the notebook now (a chart as PNG, a table as HTML, else text); returns its id. */
    public static String display(Object value) {
        return Display.display(value);
    }

    /** Replaces what display id {@code id} shows with {@code value}. */
    public static void updateDisplay(String id, Object value) {
        Display.update(id, value);
    }

    /** IJava's {@code display(value, "text/html", ...)}: shows only the listed MIME types (or their short names). */
    public static String display(Object value, String... mimeTypes) {
        return Agent.display(value, mimeTypes);
    }

    /** IJava's {@code updateDisplay(id, value, "image/png", ...)}. */
    public static void updateDisplay(String id, Object value, String... mimeTypes) {
        Agent.update(id, value, mimeTypes);
    }

    /** Jupyter's {@code clear_output}: clears the cell's output; with {@code wait}, when the next output arrives. */
    public static void clearOutput(boolean wait) {
        Display.clear(wait);
    }

    /** Clears the cell's output now. */
    public static void clearOutput() {
        Display.clear(false);
    }
}
