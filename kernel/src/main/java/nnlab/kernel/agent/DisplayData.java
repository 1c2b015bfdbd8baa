package nnlab.kernel.agent;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A value already rendered: MIME type to content, as IJava's {@code render(obj, types...)} returns it.
 * Shown as a cell's value or by {@code display(data)}, it is exactly these types.
 *
 * <pre>{@code
 * DisplayData d = render("<b>Bold</b>", "text/html");   // d.getData(): {text/html=<b>Bold</b>}
 * d.putText("Bold");                                     // adds text/plain
 * display(d);
 * }</pre>
 */
public final class DisplayData {
    private final Map<String, String> data = new LinkedHashMap<>();

    /** The bundle {@code data} (copied); binary content (a PNG) is base64 text. */
    public DisplayData(Map<String, String> data) {
        this.data.putAll(data);
    }

    /** MIME type to content, in the order they were put. */
    public Map<String, String> getData() {
        return Collections.unmodifiableMap(data);
    }

    /** Adds or replaces the content of {@code mimeType}. */
    public void putData(String mimeType, String content) {
        data.put(mimeType, content);
    }

    /** Adds {@code text/plain}. */
    public void putText(String text) {
        putData("text/plain", text);
    }

    /** Adds {@code text/html}. */
    public void putHTML(String html) {
        putData("text/html", html);
    }

    /** Adds {@code text/markdown}. */
    public void putMarkdown(String markdown) {
        putData("text/markdown", markdown);
    }

    /** Adds {@code text/latex}. */
    public void putLatex(String latex) {
        putData("text/latex", latex);
    }

    @Override
    public String toString() {
        return data.getOrDefault("text/plain", "DisplayData" + data.keySet());
    }
}
