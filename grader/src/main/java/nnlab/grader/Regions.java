package nnlab.grader;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The marked regions of a cell: {@code // BEGIN SOLUTION} ... {@code // END SOLUTION} and
 * {@code // BEGIN HIDDEN TESTS} ... {@code // END HIDDEN TESTS} in Java cells, {@code BEGIN SOLUTION} ...
 * {@code END SOLUTION} in markdown answer cells. Markers sit on lines of their own.
 *
 * <p>Release replaces a Java solution region with {@code // YOUR CODE HERE} plus a stub that still compiles
 * (see {@link JavaContext}), a markdown one with {@code YOUR ANSWER HERE}, and deletes hidden tests.
 *
 * <pre>{@code
 * List<String> problems = Regions.check(cell.source(), cell.isCode());   // unbalanced markers
 * String student = Regions.release(cell.source(), cell.isCode());
 * }</pre>
 */
public final class Regions {

    /** The statement release puts where a value is needed. */
    public static final String STUB = "throw new UnsupportedOperationException(\"not implemented yet\");";
    static final String YOUR_CODE = "// YOUR CODE HERE";
    static final String YOUR_ANSWER = "YOUR ANSWER HERE";

    private static final Pattern CODE_BEGIN_SOL = Pattern.compile("\\s*//\\s*BEGIN SOLUTION\\s*");
    private static final Pattern CODE_END_SOL = Pattern.compile("\\s*//\\s*END SOLUTION\\s*");
    private static final Pattern MD_BEGIN_SOL = Pattern.compile("\\s*BEGIN SOLUTION\\s*");
    private static final Pattern MD_END_SOL = Pattern.compile("\\s*END SOLUTION\\s*");
    private static final Pattern BEGIN_HIDDEN = Pattern.compile("\\s*//\\s*BEGIN HIDDEN TESTS\\s*");
    private static final Pattern END_HIDDEN = Pattern.compile("\\s*//\\s*END HIDDEN TESTS\\s*");

    private Regions() {
    }

    private enum Marker { NONE, BEGIN_SOLUTION, END_SOLUTION, BEGIN_HIDDEN, END_HIDDEN }

    private static Marker marker(String line, boolean code) {
        String l = stripNewline(line);
        if (code ? CODE_BEGIN_SOL.matcher(l).matches() : MD_BEGIN_SOL.matcher(l).matches()) {
            return Marker.BEGIN_SOLUTION;
        }
        if (code ? CODE_END_SOL.matcher(l).matches() : MD_END_SOL.matcher(l).matches()) {
            return Marker.END_SOLUTION;
        }
        if (code && BEGIN_HIDDEN.matcher(l).matches()) {
            return Marker.BEGIN_HIDDEN;
        }
        if (code && END_HIDDEN.matcher(l).matches()) {
            return Marker.END_HIDDEN;
        }
        return Marker.NONE;
    }

    /** Problems with the markers as "line N: ..." strings (lines from 1); empty when balanced. */
    public static List<String> check(String source, boolean code) {
        List<String> problems = new ArrayList<>();
        List<String> lines = lines(source);
        Marker open = Marker.NONE;
        int openLine = 0;
        for (int i = 0; i < lines.size(); i++) {
            Marker m = marker(lines.get(i), code);
            if (m == Marker.BEGIN_SOLUTION || m == Marker.BEGIN_HIDDEN) {
                if (open != Marker.NONE) {
                    problems.add("line " + (i + 1) + ": " + name(m) + " inside " + name(open) + " opened at line " + openLine);
                    continue;
                }
                open = m;
                openLine = i + 1;
            } else if (m == Marker.END_SOLUTION || m == Marker.END_HIDDEN) {
                Marker expected = m == Marker.END_SOLUTION ? Marker.BEGIN_SOLUTION : Marker.BEGIN_HIDDEN;
                if (open != expected) {
                    problems.add("line " + (i + 1) + ": " + name(m) + " without " + name(expected)
                            + (open == Marker.NONE ? "" : " (" + name(open) + " opened at line " + openLine + " is still open)"));
                    continue;
                }
                open = Marker.NONE;
            }
        }
        if (open != Marker.NONE) {
            Marker close = open == Marker.BEGIN_SOLUTION ? Marker.END_SOLUTION : Marker.END_HIDDEN;
            problems.add("line " + openLine + ": " + name(open) + " without " + name(close));
        }
        return problems;
    }

    /** True when the source has a solution region. */
    public static boolean hasSolution(String source, boolean code) {
        return lines(source).stream().anyMatch(l -> marker(l, code) == Marker.BEGIN_SOLUTION);
    }

    /** True when the source has a hidden-tests region. */
    public static boolean hasHiddenTests(String source) {
        return lines(source).stream().anyMatch(l -> marker(l, true) == Marker.BEGIN_HIDDEN);
    }

    /** The student version of a (balanced) cell source: solutions stubbed, hidden tests removed. */
    public static String release(String source, boolean code) {
        List<String> lines = lines(source);
        StringBuilder out = new StringBuilder();
        StringBuilder before = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            Marker m = marker(lines.get(i), code);
            if (m == Marker.BEGIN_SOLUTION || m == Marker.BEGIN_HIDDEN) {
                Marker end = m == Marker.BEGIN_SOLUTION ? Marker.END_SOLUTION : Marker.END_HIDDEN;
                int j = i + 1;
                while (j < lines.size() && marker(lines.get(j), code) != end) {
                    j++;
                }
                if (m == Marker.BEGIN_SOLUTION) {
                    String after = String.join("", lines.subList(Math.min(j + 1, lines.size()), lines.size()));
                    out.append(stub(lines.get(i), code, before.toString(), after));
                }
                i = j;
                continue;
            }
            out.append(lines.get(i));
            before.append(lines.get(i));
        }
        return out.toString();
    }

    private static String stub(String beginLine, boolean code, String before, String after) {
        String indent = beginLine.substring(0, beginLine.length() - beginLine.stripLeading().length());
        if (!code) {
            return indent + YOUR_ANSWER + "\n";
        }
        String stub = switch (JavaContext.at(before)) {
            case CLASS_BODY -> "";
            case TOP_LEVEL -> indent + STUB + "\n";
            case CODE_BLOCK -> indent + (JavaContext.blockEndsAt(after) ? "" : "if (true) ") + STUB + "\n";
        };
        return indent + YOUR_CODE + "\n" + stub;
    }

    static List<String> lines(String source) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < source.length()) {
            int nl = source.indexOf('\n', start);
            int end = nl < 0 ? source.length() : nl + 1;
            lines.add(source.substring(start, end));
            start = end;
        }
        return lines;
    }

    private static String stripNewline(String line) {
        return line.endsWith("\n") ? line.substring(0, line.length() - 1) : line;
    }

    private static String name(Marker m) {
        return m.name().replace('_', ' ').replace("HIDDEN", "HIDDEN TESTS");
    }
}
