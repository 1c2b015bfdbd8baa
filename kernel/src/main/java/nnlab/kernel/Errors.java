package nnlab.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShellException;
import jdk.jshell.UnresolvedReferenceException;

/**
 * Formats compile errors and exceptions the way a student can act on them.
 *
 * <p>A compile error names the cell line and points at the column with a caret:
 * <pre>
 * Compile error at cell line 2:
 *     double y = x * ;
 *                    ^
 * illegal start of expression
 * </pre>
 * A runtime exception shows its class, message and the stack trimmed to the student's code (JShell
 * already cuts the frames below the snippet); every snippet frame names its cell and line the same way,
 * {@code at half(cell 2, line 3)}, whether the code came from this cell or an earlier one.
 *
 * <pre>{@code
 * CellFailure f = Errors.compile(diags, source, 2);
 * f.traceback();     // the lines above
 * }</pre>
 */
final class Errors {
    /** Where a snippet came from: the run number of its cell and its first line in that cell (1-based). */
    record Place(int cell, int line) {
    }

    private static final int MAX_FRAMES = 40;

    private Errors() {
    }

    /** A compile error of {@code source}, which starts at 1-based line {@code firstLine} of the cell. */
    static CellFailure compile(List<Diag> diags, String source, int firstLine) {
        List<String> lines = new ArrayList<>();
        String first = null;
        for (Diag d : diags) {
            if (!d.isError()) {
                continue;
            }
            int pos = (int) Math.max(0, Math.min(source.length(), d.getPosition() < 0 ? d.getStartPosition() : d.getPosition()));
            int lineStart = source.lastIndexOf('\n', pos - 1) + 1;
            int lineEnd = source.indexOf('\n', pos);
            String text = source.substring(lineStart, lineEnd < 0 ? source.length() : lineEnd);
            int line = firstLine + (int) source.substring(0, lineStart).chars().filter(c -> c == '\n').count();
            // JShell's wrapper class has no name: javac's "location: class " line would say nothing
            String message = d.getMessage(Locale.ROOT).replaceAll("\\n\\s*location: class\\s*(?=\\n|$)", "");
            lines.add("Compile error at cell line " + line + ":");
            lines.add("    " + text.stripTrailing());
            lines.add("    " + " ".repeat(pos - lineStart) + "^");
            lines.addAll(List.of(message.split("\n")));
            if (first == null) {
                first = message.split("\n")[0];
            }
        }
        if (first == null) {
            first = "the code does not compile";
            lines.add(first);
        }
        return new CellFailure(CellResult.Status.ERROR, "CompilationException", first, lines);
    }

    /** Code that stops in the middle of a statement (an unclosed brace, parenthesis or string). */
    static CellFailure incomplete(String source, int line) {
        String first = source.strip().lines().findFirst().orElse("");
        return new CellFailure(CellResult.Status.ERROR, "CompilationException",
                "incomplete code: a statement starting at cell line " + line + " is not finished (missing '}', ')' or ';'?)",
                List.of("Compile error at cell line " + line + ":", "    " + first,
                        "the cell ends before this statement is complete (missing '}', ')' or ';'?)"));
    }

    /** A runtime exception from the student JVM, stack trimmed to snippet code. */
    static CellFailure runtime(JShellException ex, Map<String, Place> places, int currentCell) {
        List<String> lines = new ArrayList<>();
        String ename = className(ex);
        String evalue = ex.getMessage() == null ? "" : ex.getMessage();
        for (Throwable t = ex; t != null; t = t.getCause()) {
            String msg = t.getMessage();
            String head = className(t) + (msg == null ? "" : ": " + msg);
            lines.add(t == ex ? head : "Caused by: " + head);
            frames(t.getStackTrace(), places, currentCell, lines);
        }
        return new CellFailure(CellResult.Status.ERROR, ename, evalue, lines);
    }

    /** Adds the frames; a run of identical frames (deep recursion) is shown 3 times and counted. */
    private static void frames(StackTraceElement[] stack, Map<String, Place> places, int currentCell, List<String> lines) {
        int shown = 0;
        for (int i = 0; i < stack.length; i++) {
            int same = 0;
            while (same < 3 && i - same - 1 >= 0 && stack[i - same - 1].equals(stack[i])) {
                same++;
            }
            if (same == 3) {
                int j = i;
                while (j < stack.length && stack[j].equals(stack[i])) {
                    j++;
                }
                lines.add("\t... " + (j - i) + " more calls of the same line");
                i = j - 1;
                continue;
            }
            if (++shown > MAX_FRAMES) {
                lines.add("\t... " + (stack.length - i) + " more frames");
                return;
            }
            lines.add("\tat " + frame(stack[i], places, currentCell));
        }
    }

    private static String className(Throwable t) {
        if (t instanceof EvalException ee) {
            return ee.getExceptionClassName();
        }
        if (t instanceof UnresolvedReferenceException ure) {
            return "UnresolvedReferenceException(" + ure.getSnippet().source().strip().lines().findFirst().orElse("") + ")";
        }
        return t.getClass().getName();
    }

    /** One stack frame; snippet frames point at the cell line. */
    static String frame(StackTraceElement e, Map<String, Place> places, int currentCell) {
        String file = e.getFileName();
        if (file != null && file.startsWith("#")) {
            Place p = places.get(file.substring(1));
            String cls = e.getClassName().isEmpty() ? "" : e.getClassName() + ".";
            String method = e.getMethodName().isEmpty() ? "<cell>" : e.getMethodName();
            if (p == null) {
                return cls + method + "(snippet " + file + ", line " + e.getLineNumber() + ")";
            }
            int line = p.line() + e.getLineNumber() - 1;
            return cls + method + "(cell " + p.cell() + ", line " + line + ")";     // one wording for every cell
        }
        return e.toString();
    }
}
