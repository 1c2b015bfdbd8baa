package nnlab.kernel;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IJava's magic used as an expression: a magic after {@code =} takes the rest of the line and becomes a
 * call of {@code lineMagic}, which runs in the kernel while the cell runs and returns the magic's value.
 *
 * <pre>{@code
 * MagicExpression.asCall("List<String> added = %jars lib/*.jar;", 1);
 * // "List<String> added = lineMagic(\"jars\", java.util.List.of(\"lib/*.jar\"));"
 * }</pre>
 */
final class MagicExpression {
    private static final Pattern EXPRESSION_MAGIC = Pattern.compile("=\\s*%([A-Za-z]\\w*)");
    private static final Set<String> LINE_MAGICS = Set.of("classpath", "jars", "maven", "mavenRepo", "load", "time");

    private MagicExpression() {
    }

    /**
     * A line with a magic after {@code =} ({@code List<String> added = %jars lib/*.jar;}), IJava's magic in an
     * expression, as Java that calls {@code lineMagic("jars", List.of("lib/*.jar"))}; null when the line has
     * none (a {@code %} at the start of the line is a line magic; one in a string or comment is text).
     */
    static String asCall(String line, int cellLine) throws CellFailure {
        Matcher m = EXPRESSION_MAGIC.matcher(line);
        while (m.find()) {
            String before = line.substring(0, m.start());
            if (before.isBlank() || inStringOrComment(before)) {
                continue;
            }
            String name = m.group(1);
            if (!LINE_MAGICS.contains(name)) {
                throw Magics.unknown("%" + name, cellLine);
            }
            String args = line.substring(m.end()).strip();
            boolean semicolon = args.endsWith(";");
            args = semicolon ? args.substring(0, args.length() - 1).strip() : args;
            StringBuilder call = new StringBuilder(before).append("= lineMagic(").append(javaString(name)).append(", java.util.List.of(");
            String sep = "";
            for (String a : args.isEmpty() ? new String[0] : args.split("\\s+")) {
                call.append(sep).append(javaString(a));
                sep = ", ";
            }
            return call.append("))").append(semicolon ? ";" : "").toString();
        }
        return null;
    }


    private static boolean inStringOrComment(String before) {
        boolean inString = false;
        for (int i = 0; i < before.length(); i++) {
            char ch = before.charAt(i);
            if (ch == '\\' && inString) {
                i++;
            } else if (ch == '"') {
                inString = !inString;
            } else if (!inString && ch == '/' && i + 1 < before.length() && before.charAt(i + 1) == '/') {
                return true;
            }
        }
        return inString;
    }

    private static String javaString(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            if (ch == '"' || ch == '\\') {
                b.append('\\').append(ch);
            } else if (ch < 0x20) {
                b.append(String.format("\\u%04x", (int) ch));
            } else {
                b.append(ch);
            }
        }
        return b.append('"').toString();
    }
}
