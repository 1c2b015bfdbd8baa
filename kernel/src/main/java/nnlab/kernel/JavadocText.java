package nnlab.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A whole Javadoc comment (its text without the leading {@code *}s) as Markdown or as plain text, for the
 * inspector (Shift-Tab): paragraphs, {@code <pre>{@code ...}}</pre>} examples as Java code blocks,
 * inline code, lists, and the block tags as Parameters / Returns / Throws sections.
 *
 * <pre>{@code
 * JavadocText.markdown(" Adds {@code b}.\n <p>Shapes: [N].\n @param b the other");
 * // "Adds `b`.\n\nShapes: [N].\n\n**Parameters**\n- `b`: the other"
 * }</pre>
 */
final class JavadocText {
    private static final Pattern PRE = Pattern.compile("<pre>\\s*(?:\\{@code)?(.*?)}?\\s*</pre>", Pattern.DOTALL);
    private static final Pattern INLINE = Pattern.compile("\\{@(code|literal|link|linkplain|value)\\s*([^{}]*(?:\\{[^{}]*}[^{}]*)*)}");
    private static final Pattern TAG = Pattern.compile("(?m)^\\s*@(\\w+)\\s+");

    private JavadocText() {
    }

    /** The comment as Markdown. */
    static String markdown(String raw) {
        return format(raw, true);
    }

    /** The comment as plain text (examples indented by four spaces). */
    static String plain(String raw) {
        return format(raw, false);
    }

    private static String format(String raw, boolean md) {
        Matcher tag = TAG.matcher(raw);
        int end = tag.find() ? tag.start() : raw.length();
        StringBuilder out = new StringBuilder(description(raw.substring(0, end), md));
        List<String[]> tags = new ArrayList<>();
        while (end < raw.length()) {
            String name = tag.group(1);
            int from = tag.end();
            end = tag.find() ? tag.start() : raw.length();
            tags.add(new String[] {name, inline(raw.substring(from, end), md).replaceAll("\\s+", " ").strip()});
        }
        String section = null;
        for (String[] t : tags) {
            String title = switch (t[0]) {
                case "param" -> "Parameters";
                case "return" -> "Returns";
                case "throws", "exception" -> "Throws";
                case "see" -> "See also";
                default -> t[0];
            };
            if (!title.equals(section)) {
                out.append("\n\n").append(md ? "**" + title + "**" : title + ":");
                section = title;
            }
            boolean named = t[0].equals("param") || t[0].equals("throws") || t[0].equals("exception");
            String[] words = t[1].split(" ", 2);
            String item = named && words.length == 2 ? (md ? "`" + words[0] + "`" : words[0]) + ": " + words[1] : t[1];
            out.append("\n- ").append(item);
        }
        return out.toString().strip();
    }

    private static String description(String text, boolean md) {
        StringBuilder out = new StringBuilder();
        Matcher pre = PRE.matcher(text);
        int at = 0;
        while (pre.find()) {
            out.append(prose(text.substring(at, pre.start()), md));
            String code = dedent(pre.group(1));
            out.append(md ? "\n\n```java\n" + code + "\n```\n\n" : "\n\n" + code.replaceAll("(?m)^", "    ") + "\n\n");
            at = pre.end();
        }
        out.append(prose(text.substring(at), md));
        return out.toString().replaceAll("\n{3,}", "\n\n");
    }

    private static String prose(String text, boolean md) {
        String s = inline(text, md).replaceAll("(?i)<p>", "\n\n").replaceAll("(?i)<li>", "\n- ")
                .replaceAll("(?i)</?(ul|ol|li|p)>", "\n");
        if (md) {
            s = s.replaceAll("(?i)</?(b|strong)>", "**").replaceAll("(?i)</?(i|em)>", "*");
        }
        s = s.replaceAll("<[^>]+>", "").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
        StringBuilder out = new StringBuilder();
        for (String para : s.split("\n\\s*\n")) {
            String joined = String.join("\n", para.strip().lines().map(String::strip).toList());
            if (!joined.isEmpty()) {
                out.append(out.length() == 0 ? "" : "\n\n").append(joined);
            }
        }
        return out.length() == 0 ? "" : "\n\n" + out;
    }

    /** {@code {@code x}} as {@code `x`}, {@code {@link Type#m label}} as its label or {@code Type.m}. */
    private static String inline(String text, boolean md) {
        Matcher m = INLINE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String body = m.group(2).strip();
            if (m.group(1).startsWith("link")) {
                String[] parts = body.split("\\s+", 2);
                body = parts.length == 2 ? parts[1] : parts[0].startsWith("#") ? parts[0].substring(1) : parts[0].replace('#', '.');
            }
            boolean code = !m.group(1).equals("literal") && !m.group(1).equals("linkplain");
            m.appendReplacement(out, Matcher.quoteReplacement(md && code ? "`" + body + "`" : body));
        }
        return m.appendTail(out).toString();
    }

    private static String dedent(String code) {
        List<String> lines = new ArrayList<>(code.stripTrailing().lines().toList());
        while (!lines.isEmpty() && lines.get(0).isBlank()) {
            lines.remove(0);
        }
        int indent = lines.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        return String.join("\n", lines.stream().map(l -> l.length() >= indent ? l.substring(indent) : l.strip()).toList());
    }
}
