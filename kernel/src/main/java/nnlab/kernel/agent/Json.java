package nnlab.kernel.agent;

import java.util.Map;

/**
 * Writes the small JSON objects the agent sends to the kernel (string values only).
 *
 * <p>The agent runs inside the student's JVM with only the library on its class path, so it
 * writes JSON by hand instead of pulling in a JSON library.
 *
 * <pre>{@code
 * Json.object(Map.of("kind", "display"));   // {"kind":"display"}
 * Json.quote("a\"b");                       // "a\"b"
 * }</pre>
 */
final class Json {
    private Json() {
    }

    /** A JSON object whose values are strings, or nested maps of strings. */
    static String object(Map<String, ?> map) {
        StringBuilder sb = new StringBuilder("{");
        for (Map.Entry<String, ?> e : map.entrySet()) {
            if (sb.length() > 1) {
                sb.append(',');
            }
            sb.append(quote(e.getKey())).append(':');
            Object v = e.getValue();
            if (v instanceof Map<?, ?> m) {
                @SuppressWarnings("unchecked")
                Map<String, ?> inner = (Map<String, ?>) m;
                sb.append(object(inner));
            } else {
                sb.append(v == null ? "null" : quote(v.toString()));
            }
        }
        return sb.append('}').toString();
    }

    /** {@code s} as a JSON string literal; control characters are escaped. */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
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
        return sb.append('"').toString();
    }
}
