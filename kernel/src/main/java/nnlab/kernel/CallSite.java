package nnlab.kernel;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Where the method call around a cursor opens: for {@code Plots.contour((x, y) -> x * y, -1, 1, |} the
 * index of the {@code (} after {@code contour}, so Shift-Tab inside an argument list can show that
 * call's signatures, as IJava and ipykernel do.
 *
 * <p>A forward scan of the code before the cursor keeps a stack of the open parentheses, skipping
 * string and character literals and comments. From the innermost outwards, the first one that follows
 * a name (a method, or a constructor after {@code new}) is the call; parentheses of casts, groups and
 * lambda parameters do not follow a name and are passed over.
 *
 * <pre>{@code
 * CallSite.openParen("Math.max(1, ", 12);          // 8
 * CallSite.openParen("f((x) -> x, ", 12);          // 1: the lambda's "(x)" is closed, "(" of f is open
 * CallSite.openParen("int x = 1; ", 11);           // -1: not in a call
 * }</pre>
 */
final class CallSite {
    /** Stack entry for an open {@code {}: a block (or array initialiser) boundary. */
    private static final int BLOCK = -2;

    private CallSite() {
    }

    /** Index of the "(" of the innermost call still open at {@code cursor}, or -1. */
    static int openParen(String code, int cursor) {
        Deque<Integer> open = new ArrayDeque<>();
        int end = Math.min(cursor, code.length());
        for (int i = 0; i < end; i++) {
            char c = code.charAt(i);
            if (c == '"' || c == '\'') {
                i = skipLiteral(code, i, end);
            } else if (c == '/' && i + 1 < end && code.charAt(i + 1) == '/') {
                i = Math.max(i, code.indexOf('\n', i) < 0 ? end : code.indexOf('\n', i));
            } else if (c == '/' && i + 1 < end && code.charAt(i + 1) == '*') {
                int close = code.indexOf("*/", i + 2);
                i = close < 0 ? end : close + 1;
            } else if (c == '(' || c == '{') {
                open.push(c == '(' ? i : BLOCK);
            } else if (c == ')' || c == '}') {
                popTo(open, c == ')' ? -1 : BLOCK);
            } else if (c == ';') {
                while (!open.isEmpty() && open.peek() != BLOCK) {   // a new statement: its calls are closed
                    open.pop();
                }
            }
        }
        for (int p : open) {                        // innermost first, not beyond the enclosing block
            if (p == BLOCK) {
                return -1;
            }
            if (followsName(code, p)) {
                return p;
            }
        }
        return -1;
    }

    /** Pops one ")" (kind -1: the innermost paren) or one "}" (kind BLOCK: up to and including its block). */
    private static void popTo(Deque<Integer> open, int kind) {
        if (kind != BLOCK) {
            if (!open.isEmpty() && open.peek() != BLOCK) {
                open.pop();
            }
            return;
        }
        while (!open.isEmpty() && open.pop() != BLOCK) {
            // drop parens left open inside the block
        }
    }

    private static int skipLiteral(String code, int start, int end) {
        char quote = code.charAt(start);
        for (int i = start + 1; i < end; i++) {
            char c = code.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == quote || c == '\n') {
                return i;
            }
        }
        return end;
    }

    /** True when a Java name (not a keyword such as if, for, while) ends right before {@code paren}. */
    private static boolean followsName(String code, int paren) {
        int i = paren - 1;
        while (i >= 0 && Character.isWhitespace(code.charAt(i))) {
            i--;
        }
        int nameEnd = i + 1;
        while (i >= 0 && Character.isJavaIdentifierPart(code.charAt(i))) {
            i--;
        }
        String name = code.substring(i + 1, nameEnd);
        return !name.isEmpty() && Character.isJavaIdentifierStart(name.charAt(0))
                && !java.util.Set.of("if", "for", "while", "switch", "catch", "synchronized", "return", "try").contains(name);
    }
}
