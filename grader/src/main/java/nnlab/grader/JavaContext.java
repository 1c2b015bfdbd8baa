package nnlab.grader;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Pattern;

/**
 * Where a point in a Java (JShell) cell sits: at top level, in a class body, or in a block of statements.
 *
 * <p>Release uses it to pick a stub that compiles: a {@code throw} in statement blocks and at top level,
 * nothing in a class body. A light scanner: it skips comments, strings, chars and text blocks and classifies
 * each {@code {} by the code in front of it.
 *
 * <pre>{@code
 * JavaContext.at("double f(double x) {\n")   // CODE_BLOCK
 * JavaContext.at("class Net {\n")            // CLASS_BODY
 * JavaContext.blockEndsAt("    }\n")          // true: nothing follows in that block
 * }</pre>
 */
final class JavaContext {

    enum Kind { TOP_LEVEL, CLASS_BODY, CODE_BLOCK }

    private static final Pattern TYPE_HEADER = Pattern.compile(
            "(?s)(.*\\s)?(class|interface|enum|record)\\s+[A-Za-z_$][\\w$]*.*|(?s).*\\bnew\\s+[\\w.<>, ?]+\\s*\\(.*\\)\\s*");

    private JavaContext() {
    }

    /** The kind of block open at the end of {@code before}. */
    static Kind at(String before) {
        Deque<Kind> stack = new ArrayDeque<>();
        StringBuilder header = new StringBuilder();
        String code = stripNonCode(before);
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '{') {
                String h = header.toString().strip();
                boolean isType = TYPE_HEADER.matcher(h).matches();
                boolean isArray = h.endsWith("=") || h.endsWith("]") || h.endsWith(",") || h.endsWith("{");
                stack.push(isType || isArray ? Kind.CLASS_BODY : Kind.CODE_BLOCK);
                header.setLength(0);
            } else if (c == '}') {
                if (!stack.isEmpty()) {
                    stack.pop();
                }
                header.setLength(0);
            } else if (c == ';') {
                header.setLength(0);
            } else {
                header.append(c);
            }
        }
        return stack.isEmpty() ? Kind.TOP_LEVEL : stack.peek();
    }

    /** True when the first code in {@code after} closes the current block (or there is none). */
    static boolean blockEndsAt(String after) {
        String code = stripNonCode(after).strip();
        return code.isEmpty() || code.charAt(0) == '}';
    }

    /** The code with comments removed and string/char/text-block contents blanked. */
    static String stripNonCode(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (s.startsWith("//", i)) {
                int nl = s.indexOf('\n', i);
                i = nl < 0 ? s.length() : nl;
            } else if (s.startsWith("/*", i)) {
                int end = s.indexOf("*/", i + 2);
                i = end < 0 ? s.length() : end + 2;
                out.append(' ');
            } else if (s.startsWith("\"\"\"", i)) {
                int end = s.indexOf("\"\"\"", i + 3);
                i = end < 0 ? s.length() : end + 3;
                out.append("\"\"");
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < s.length() && s.charAt(j) != c && s.charAt(j) != '\n') {
                    j += s.charAt(j) == '\\' ? 2 : 1;
                }
                i = Math.min(j + 1, s.length());
                out.append(c).append(c);
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
