package nnlab.kernel;

import java.util.regex.Pattern;

/**
 * Which snippets of a cell may run together as one block: plain statements, told apart by their text alone.
 *
 * <p>javac costs the same for a snippet of one line as for ten, so a check cell of twelve {@code check(...);}
 * lines compiled once as {@code { ... }} takes a twelfth of the time. A snippet qualifies when it is a
 * statement that is valid inside a block and declares nothing: a {@code for}, {@code while}, {@code do},
 * {@code if}, {@code try}, {@code throw} or block statement, a method call, an assignment, or {@code ++}/{@code --}.
 * Declarations (variables, methods, classes), imports and bare values ({@code x;}) never do. The test is
 * textual and cheap (JShell's {@code sourceToSnippets} attributes the code: ~20 ms a snippet); what it lets
 * through that is not a statement fails to compile as a block, and {@link Snippets} then runs the snippets
 * one by one.
 *
 * <pre>{@code
 * StatementRuns.isStatement("check(\"a\", a == 3);")   // true
 * StatementRuns.isStatement("int a = 3;")              // false
 * }</pre>
 */
final class StatementRuns {
    private static final String NAME = "[A-Za-z_$][\\w$]*";
    /** A variable, field or array element: {@code x}, {@code p.x}, {@code w[i][j]}. */
    private static final String TARGET = NAME + "(?:\\s*\\.\\s*" + NAME + "|\\s*\\[[^\\]=;]*\\])*";
    private static final Pattern KEYWORD = Pattern.compile("(?:for|while|do|if|try|throw|synchronized)(?![\\w$]).*|\\{.*",
            Pattern.DOTALL);
    private static final Pattern CALL = Pattern.compile(NAME + "(?:\\s*\\.\\s*" + NAME + ")*\\s*\\(.*\\)\\s*;", Pattern.DOTALL);
    private static final Pattern ASSIGN = Pattern.compile(TARGET + "\\s*(?:[-+*/%&|^]|<<|>>>?)?=(?!=).*;", Pattern.DOTALL);
    private static final Pattern STEP = Pattern.compile("(?:(?:\\+\\+|--)\\s*" + TARGET + "|" + TARGET + "\\s*(?:\\+\\+|--))\\s*;");

    private static final Pattern LEADING_COMMENTS = Pattern.compile("^(?:\\s*(?://[^\\n]*(?:\\n|$)|/\\*.*?\\*/))+", Pattern.DOTALL);

    private StatementRuns() {
    }

    /** Whether the snippet {@code src} (JShell's source of one snippet) is a statement that may join a block. */
    static boolean isStatement(String src) {
        String s = code(src);
        return KEYWORD.matcher(s).matches() || CALL.matcher(s).matches() || ASSIGN.matcher(s).matches()
                || STEP.matcher(s).matches();
    }

    /** Whether the snippet {@code src} is a statement with no value to show, so it may end a block as a cell's last snippet. */
    static boolean isValueless(String src) {
        return KEYWORD.matcher(code(src)).matches();
    }

    /** {@code src} without the comments and blanks it starts and ends with. */
    private static String code(String src) {
        return LEADING_COMMENTS.matcher(src.strip()).replaceFirst("").strip();
    }
}
