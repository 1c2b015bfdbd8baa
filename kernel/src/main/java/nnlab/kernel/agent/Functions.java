package nnlab.kernel.agent;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nnlab.display.Display;

/**
 * The functions every notebook cell can call without a class name, IJava's {@code display},
 * {@code updateDisplay}, {@code render}, {@code eval}, {@code lineMagic}, {@code cellMagic} and
 * {@code printf}, with IJava's signatures: the kernel imports them statically at session start
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
 * DisplayData d = render(table, "text/html");  // the value rendered as HTML only, shown when displayed
 * Object two = eval("1 + 1");                  // runs code in this session, returns its value (an Integer)
 * List<String> jars = lineMagic("jars", List.of("lib/*.jar"));   // what %jars lib/*.jar returns
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

    /** IJava's {@code render(obj)}: the value's whole rendering (a chart as PNG and text, ...), to show later. */
    public static DisplayData render(Object value) {
        return render(value, new String[0]);
    }

    /**
     * IJava's {@code render(obj, "text/html", ...)}: the value rendered as the listed MIME types only, as
     * {@code display(obj, types...)} would show it; a cell's value or {@code display(data)} shows it so.
     */
    public static DisplayData render(Object value, String... mimeTypes) {
        Map<String, String> data = new LinkedHashMap<>(Agent.renderAs(value, mimeTypes));
        data.remove(Render.NUMBER);
        return new DisplayData(data);
    }

    /**
     * IJava's {@code eval(code)}: runs {@code code} (statements, declarations, an expression) in this
     * session, as if it were a cell, and returns the value of its last expression or variable (a
     * primitive boxed), or null. What the code throws is thrown; a compile error is an
     * {@link IllegalArgumentException} naming the line. Declarations stay in the session.
     */
    public static Object eval(String code) throws Exception {
        Map<String, Object> call = new LinkedHashMap<>();
        call.put("call", "eval");
        call.put("code", code);
        return KernelCalls.call(call);
    }

    /**
     * IJava's {@code lineMagic(name, args)}: runs {@code %name args...} and returns its value, e.g.
     * the added paths of {@code %jars} and {@code %classpath} (a {@code List<String>}). An unknown name
     * is an {@link IllegalArgumentException} listing the magics.
     */
    @SuppressWarnings("unchecked")
    public static <T> T lineMagic(String name, List<String> args) {
        Map<String, Object> call = new LinkedHashMap<>();
        call.put("call", "line");
        call.put("name", name);
        call.put("args", indexed(args));
        return (T) KernelCalls.call(call);
    }

    /** IJava's {@code cellMagic(name, args, body)}: runs {@code %%name args...} over {@code body}, e.g. {@code loadFromPOM}. */
    @SuppressWarnings("unchecked")
    public static <T> T cellMagic(String name, List<String> args, String body) {
        Map<String, Object> call = new LinkedHashMap<>();
        call.put("call", "cell");
        call.put("name", name);
        call.put("args", indexed(args));
        call.put("body", body);
        return (T) KernelCalls.call(call);
    }

    private static Map<String, String> indexed(List<String> args) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            m.put(Integer.toString(i), String.valueOf(args.get(i)));
        }
        return m;
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
