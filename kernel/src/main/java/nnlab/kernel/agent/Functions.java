package nnlab.kernel.agent;

import nnlab.display.Display;

/**
 * The functions every notebook cell can call without a class name, IJava's {@code display},
 * {@code updateDisplay} and {@code printf}: the kernel imports them statically at session start
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
 * display("<b>bold</b>", "text/html");        // a string shown as the listed MIME types
 * printf("%.3f%n", Math.PI);                  // System.out.printf
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

    /**
     * IJava's {@code display(value, "text/html", ...)}: shows only the listed MIME types (or their short
     * names: {@code html}, {@code markdown}, ...); a string is shown as each listed text type, its
     * content taken as that type ({@code display("<b>Bold</b>", "text/html")} shows bold).
     */
    public static String display(Object value, String... mimeTypes) {
        return Agent.display(value, mimeTypes);
    }

    /** IJava's {@code updateDisplay(id, value, "image/png", ...)}. */
    public static void updateDisplay(String id, Object value, String... mimeTypes) {
        Agent.update(id, value, mimeTypes);
    }

    /** IJava's top-level {@code printf}: {@code System.out.printf(format, args)}. */
    public static void printf(String format, Object... args) {
        System.out.printf(format, args);
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
