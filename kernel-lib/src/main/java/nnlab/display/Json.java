package nnlab.display;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The small JSON that talks to the notebook: objects, arrays, strings, numbers, booleans and null.
 *
 * <p>Objects parse to {@code LinkedHashMap<String, Object>}, arrays to {@code List<Object>}, numbers to
 * {@code Long} when whole and written without a fraction or exponent, else {@code Double}. The widget
 * protocol ({@code nnlab.widgets}) reads and writes its messages with it, and the kernel's agent in the
 * student's JVM writes its output frames with it; neither may count on a JSON library there, hence this class.
 *
 * <pre>{@code
 * Map<String, Object> m = Json.parseObject("{\"value\":0.5,\"label\":\"lr\"}");
 * Json.write(m);                  // {"value":0.5,"label":"lr"}
 * Json.write(List.of(1, true));   // [1,true]
 * }</pre>
 */
public final class Json {
    private final String s;
    private int at;

    private Json(String s) {
        this.s = s;
    }

    /** Parses a JSON object; anything else is an error naming the position. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parseObject(String text) {
        Object v = parse(text);
        if (!(v instanceof Map)) {
            throw new IllegalArgumentException("expected a JSON object, got: " + abbreviate(text));
        }
        return (Map<String, Object>) v;
    }

    /** Parses one JSON value. */
    public static Object parse(String text) {
        Json p = new Json(text);
        Object v = p.value();
        p.space();
        if (p.at != text.length()) {
            throw p.error("end of input");
        }
        return v;
    }

    private Object value() {
        space();
        if (at >= s.length()) {
            throw error("a value");
        }
        char c = s.charAt(at);
        switch (c) {
            case '{': return object();
            case '[': return array();
            case '"': return string();
            case 't': return word("true", Boolean.TRUE);
            case 'f': return word("false", Boolean.FALSE);
            case 'n': return word("null", null);
            default: return number();
        }
    }

    private Map<String, Object> object() {
        Map<String, Object> m = new LinkedHashMap<>();
        at++;
        space();
        if (peek() == '}') {
            at++;
            return m;
        }
        do {
            space();
            if (peek() != '"') {
                throw error("a quoted key");
            }
            String key = string();
            space();
            expect(':');
            m.put(key, value());
            space();
        } while (next(','));
        expect('}');
        return m;
    }

    private List<Object> array() {
        List<Object> list = new ArrayList<>();
        at++;
        space();
        if (peek() == ']') {
            at++;
            return list;
        }
        do {
            list.add(value());
            space();
        } while (next(','));
        expect(']');
        return list;
    }

    private String string() {
        StringBuilder sb = new StringBuilder();
        at++;
        while (at < s.length()) {
            char c = s.charAt(at++);
            if (c == '"') {
                return sb.toString();
            }
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            char e = s.charAt(at++);
            switch (e) {
                case 'n' -> sb.append('\n');
                case 't' -> sb.append('\t');
                case 'r' -> sb.append('\r');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'u' -> {
                    sb.append((char) Integer.parseInt(s.substring(at, at + 4), 16));
                    at += 4;
                }
                default -> sb.append(e);
            }
        }
        throw error("a closing quote");
    }

    private Object number() {
        int start = at;
        while (at < s.length() && "+-0123456789.eE".indexOf(s.charAt(at)) >= 0) {
            at++;
        }
        String t = s.substring(start, at);
        try {
            return t.matches("-?\\d+") ? (Object) Long.valueOf(t) : (Object) Double.valueOf(t);
        } catch (NumberFormatException e) {
            at = start;
            throw error("a value");
        }
    }

    private Object word(String w, Object v) {
        if (!s.startsWith(w, at)) {
            throw error("a value");
        }
        at += w.length();
        return v;
    }

    private void space() {
        while (at < s.length() && Character.isWhitespace(s.charAt(at))) {
            at++;
        }
    }

    private char peek() {
        return at < s.length() ? s.charAt(at) : '\0';
    }

    private boolean next(char c) {
        if (peek() == c) {
            at++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        if (!next(c)) {
            throw error("'" + c + "'");
        }
    }

    private IllegalArgumentException error(String expected) {
        return new IllegalArgumentException("bad JSON at character " + at + ": expected " + expected + " in " + abbreviate(s));
    }

    private static String abbreviate(String t) {
        return t.length() <= 80 ? t : t.substring(0, 77) + "...";
    }

    /** {@code value} as JSON: maps, lists, strings, numbers (NaN and infinities as null), booleans, null. */
    public static String write(Object value) {
        StringBuilder sb = new StringBuilder();
        write(value, sb);
        return sb.toString();
    }

    private static void write(Object v, StringBuilder sb) {
        if (v == null || (v instanceof Double d && (d.isNaN() || d.isInfinite()))) {
            sb.append("null");
        } else if (v instanceof Map<?, ?> m) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                sb.append(first ? "" : ",");
                first = false;
                quote(String.valueOf(e.getKey()), sb);
                sb.append(':');
                write(e.getValue(), sb);
            }
            sb.append('}');
        } else if (v instanceof List<?> list) {
            sb.append('[');
            for (int i = 0; i < list.size(); i++) {
                sb.append(i == 0 ? "" : ",");
                write(list.get(i), sb);
            }
            sb.append(']');
        } else if (v instanceof Number || v instanceof Boolean) {
            sb.append(v);
        } else if (v instanceof Raw r) {
            sb.append(r.json());
        } else {
            quote(v.toString(), sb);
        }
    }

    /** Text that is already JSON, written as it is (a rendered MIME bundle's JSON content). */
    public record Raw(String json) {
    }

    private static void quote(String t, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
