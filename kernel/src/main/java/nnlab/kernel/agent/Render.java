package nnlab.kernel.agent;

import java.awt.image.RenderedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Array;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import nnlab.display.HtmlDisplayable;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import tech.tablesaw.table.Relation;

/**
 * Turns a value into a Jupyter MIME bundle: charts and images become PNG, tables HTML, the rest text.
 *
 * <p>Rules, first match wins: an XChart chart (any type) and a {@link RenderedImage} such as
 * {@code BufferedImage} give {@code image/png}; a Tablesaw table and an {@link HtmlDisplayable}
 * (History, ConfusionMatrix) give {@code text/html}; every value also gets {@code text/plain}
 * ({@code toString()}, arrays element-wise, a {@code String} without quotes). A {@link Number}
 * also carries {@code application/x.nnlab.number} for the headless runner, which starts the JVM with
 * {@code -Dnnlab.render=text}: then only the {@code text/plain} (and number) entries are made.
 *
 * <pre>{@code
 * Map<String, String> b = Render.bundle(chart);
 * b.get("image/png");        // base64 PNG
 * b.get("text/plain");       // "XYChart (600x400)"
 * }</pre>
 */
public final class Render {
    /** Bundle key carrying a numeric value; the kernel removes it before publishing. */
    public static final String NUMBER = "application/x.nnlab.number";

    private static final int MAX_HTML_ROWS = 200;
    private static final Map<String, String> SHORT_TYPES = Map.of("html", "text/html", "markdown", "text/markdown",
            "latex", "text/latex", "plain", "text/plain", "svg", "image/svg+xml", "json", "application/json",
            "javascript", "application/javascript", "js", "application/javascript");
    /**
     * {@code -Dnnlab.render=text}: only {@code text/plain} (and the number); the headless runner keeps
     * nothing else, and encoding PNGs costs it about a tenth of a grading run.
     */
    private static final boolean TEXT_ONLY = "text".equals(System.getProperty("nnlab.render"));

    private Render() {
    }

    /** True in a text-only session ({@code -Dnnlab.render=text}): no PNG or HTML is made. */
    static boolean textOnly() {
        return TEXT_ONLY;
    }

    /** The MIME bundle (type to content; binary content base64) for {@code value}. */
    public static Map<String, String> bundle(Object value) {
        if (value instanceof nnlab.widgets.Widget w) {
            return w.bundle();
        }
        if (value instanceof DisplayData d) {
            return d.getData();
        }
        Map<String, String> b = new LinkedHashMap<>();
        if (value instanceof Chart<?, ?> chart) {
            if (!TEXT_ONLY) {
                b.put("image/png", png(chart));
            }
            b.put("text/plain", chart.getClass().getSimpleName() + " (" + chart.getWidth() + "x" + chart.getHeight() + ")");
            return b;
        }
        if (value instanceof RenderedImage img) {
            if (!TEXT_ONLY) {
                b.put("image/png", png(img));
            }
            b.put("text/plain", "image (" + img.getWidth() + "x" + img.getHeight() + ")");
            return b;
        }
        if (value instanceof Relation table) {
            if (!TEXT_ONLY) {
                b.put("text/html", html(table));
            }
            b.put("text/plain", table.print());
            return b;
        }
        if (value instanceof HtmlDisplayable h && !TEXT_ONLY) {
            b.put("text/html", h.toHtml());
        }
        b.put("text/plain", text(value));
        if (value instanceof Number n) {
            b.put(NUMBER, Double.toString(n.doubleValue()));
        }
        return b;
    }

    /**
     * A string as each text-like type of {@code mimeTypes} (short names allowed: {@code html},
     * {@code markdown}, {@code latex}, {@code svg}, {@code json}, {@code javascript}, {@code plain}):
     * the string is the content; types a string cannot be (an {@code image/png}) are left out, and
     * when none is left the string is {@code text/plain}.
     */
    static Map<String, String> asTypes(String s, String... mimeTypes) {
        Map<String, String> b = new LinkedHashMap<>();
        for (String m : mimeTypes) {
            String type = SHORT_TYPES.getOrDefault(m, m);
            if (type.startsWith("text/") || type.equals("image/svg+xml") || type.equals("application/json")
                    || type.equals("application/javascript")) {
                b.put(type, s);
            }
        }
        if (b.isEmpty()) {
            b.put("text/plain", s);
        }
        return b;
    }

    /** Plain text for a value: strings as they are, arrays element by element, else toString. */
    static String text(Object value) {
        if (value == null) {
            return "null";
        }
        if (value.getClass().isArray()) {
            if (value instanceof Object[] arr) {
                return Arrays.deepToString(arr);
            }
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0, n = Array.getLength(value); i < n; i++) {
                sb.append(i == 0 ? "" : ", ").append(Array.get(value, i));
            }
            return sb.append(']').toString();
        }
        return String.valueOf(value);
    }

    /** PNG bytes of a chart, base64. */
    public static String png(Chart<?, ?> chart) {
        try {
            return Base64.getEncoder().encodeToString(BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
        } catch (IOException e) {
            throw new UncheckedIOException("could not render the chart as PNG", e);
        }
    }

    static String png(RenderedImage img) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode the image as PNG", e);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    /** An HTML table of the first rows of a Tablesaw table. */
    static String html(Relation t) {
        StringBuilder sb = new StringBuilder("<table class=\"dataframe\">");
        if (t.name() != null && !t.name().isEmpty()) {
            sb.append("<caption>").append(escape(t.name())).append("</caption>");
        }
        sb.append("<thead><tr>");
        for (String c : t.columnNames()) {
            sb.append("<th>").append(escape(c)).append("</th>");
        }
        sb.append("</tr></thead><tbody>");
        int rows = Math.min(t.rowCount(), MAX_HTML_ROWS);
        for (int r = 0; r < rows; r++) {
            sb.append("<tr>");
            for (int c = 0; c < t.columnCount(); c++) {
                sb.append("<td>").append(escape(t.getString(r, c))).append("</td>");
            }
            sb.append("</tr>");
        }
        sb.append("</tbody></table>");
        if (t.rowCount() > rows) {
            sb.append("<p>").append(t.rowCount() - rows).append(" more rows not shown</p>");
        }
        return sb.toString();
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
