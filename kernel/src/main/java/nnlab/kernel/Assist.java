package nnlab.kernel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jshell.JShell;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.SourceCodeAnalysis.Documentation;

/**
 * Editor help for a cell: is it complete (Enter in a console), completion (Tab), inspection (Shift-Tab).
 *
 * <p>A cell may hold many snippets and magic lines; each request first finds the snippet under the
 * cursor (magic lines are blanked out, keeping offsets) and asks JShell's source analysis about it.
 * JShell finds Javadoc only for the JDK (and only with its src.zip); nnlab's own comes from {@link SourceDocs}.
 *
 * <pre>{@code
 * Assist a = new Assist(shell);
 * a.isComplete("for (int i = 0; i < 3; i++) {");   // "incomplete"
 * a.complete("Math.ma", 7);                        // replace [5, 7) with max, ...
 * }</pre>
 */
public final class Assist {
    /** Completion result: replace {@code [start, end)} of the cell with one of {@code matches}. */
    public record Completion(List<String> matches, int start, int end) {
    }

    private static final int MAX_OVERLOADS = 6;
    /** A period and a space end a sentence, except after "e.g" and "i.e". */
    private static final Pattern SENTENCE_END = Pattern.compile("(?<!\\be\\.g|\\bi\\.e)\\. ");

    private final SourceCodeAnalysis sca;

    Assist(JShell shell) {
        this.sca = shell.sourceCodeAnalysis();
    }

    /** "complete", "incomplete", or "invalid" for a cell, as Jupyter's is_complete_request wants. */
    String isComplete(String cell) {
        String rest = blankMagics(cell);
        while (!rest.isBlank()) {
            CompletionInfo ci = sca.analyzeCompletion(rest);
            switch (ci.completeness()) {
                case DEFINITELY_INCOMPLETE, CONSIDERED_INCOMPLETE:
                    return "incomplete";
                case UNKNOWN:
                    return "invalid";
                case EMPTY:
                    return "complete";
                default:
                    rest = ci.remaining();
            }
        }
        return "complete";
    }

    /** Completions at {@code cursor}; magic lines get none. */
    Completion complete(String cell, int cursor) {
        int[] seg = segment(cell, cursor);
        if (seg == null) {
            return new Completion(List.of(), cursor, cursor);
        }
        String code = blankMagics(cell).substring(seg[0], seg[1]);
        int[] anchor = new int[1];
        Set<String> matches = new LinkedHashSet<>();
        for (SourceCodeAnalysis.Suggestion s : sca.completionSuggestions(code, cursor - seg[0], anchor)) {
            matches.add(s.continuation());
        }
        return new Completion(new ArrayList<>(matches), seg[0] + anchor[0], cursor);
    }

    /** Signature and first Javadoc sentence of what is under the cursor, or null. */
    String inspect(String cell, int cursor) {
        int[] seg = segment(cell, cursor);
        if (seg == null) {
            return null;
        }
        String code = blankMagics(cell).substring(seg[0], seg[1]);
        int at = cursor - seg[0];
        while (at < code.length() && Character.isJavaIdentifierPart(code.charAt(at))) {
            at++;
        }
        List<Documentation> docs = sca.documentation(code.substring(0, at), at, true);
        if (docs.isEmpty()) {
            docs = sca.documentation(code.substring(0, at) + "(", at + 1, true);
        }
        if (docs.isEmpty()) {
            return null;
        }
        Map<String, String> qualified = new HashMap<>();
        StringBuilder sb = new StringBuilder();
        for (Documentation d : docs.subList(0, Math.min(docs.size(), MAX_OVERLOADS))) {
            sb.append(d.signature()).append('\n');
            String javadoc = d.javadoc() != null ? d.javadoc()
                    : SourceDocs.javadoc(d.signature(), t -> qualified.computeIfAbsent(t, this::qualify));
            String first = firstSentence(javadoc);
            if (!first.isEmpty()) {
                sb.append("    ").append(first).append('\n');
            }
        }
        if (docs.size() > MAX_OVERLOADS) {
            sb.append("... ").append(docs.size() - MAX_OVERLOADS).append(" more overloads\n");
        }
        return sb.toString().stripTrailing();
    }

    /** The qualified name of a type as written in a signature ("Tensor" gives "nnlab.tensor.Tensor"), or null. */
    private String qualify(String type) {
        List<Documentation> docs = sca.documentation(type, type.length(), false);
        return docs.isEmpty() ? null : docs.get(0).signature();
    }

    static String firstSentence(String javadoc) {
        if (javadoc == null) {
            return "";
        }
        String text = javadoc.replaceAll("\\{@\\w+\\s+#?([^}]*)}", "$1").replaceAll("<[^>]+>", "")
                .replaceAll("\\s+", " ").strip();
        Matcher end = SENTENCE_END.matcher(text);
        return end.find() ? text.substring(0, end.start() + 1) : text;
    }

    /** [start, end) of the snippet containing the cursor, or null on a magic line. */
    private int[] segment(String cell, int cursor) {
        int lineStart = cell.lastIndexOf('\n', Math.max(0, cursor - 1)) + 1;
        if (cell.substring(lineStart).stripLeading().startsWith("%")) {
            return null;
        }
        String code = blankMagics(cell);
        int start = 0;
        String rest = code;
        while (true) {
            CompletionInfo ci = sca.analyzeCompletion(rest);
            int end = code.length() - ci.remaining().length();
            if (ci.completeness() != Completeness.COMPLETE && ci.completeness() != Completeness.COMPLETE_WITH_SEMI
                    || end >= cursor || ci.remaining().isBlank() || end <= start) {
                return new int[] {start, code.length()};
            }
            start = end;
            rest = ci.remaining();
        }
    }

    /** The cell with magic lines replaced by spaces (offsets unchanged). */
    static String blankMagics(String cell) {
        StringBuilder sb = new StringBuilder(cell.length());
        for (String line : cell.split("\n", -1)) {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(line.stripLeading().startsWith("%") ? " ".repeat(line.length()) : line);
        }
        return sb.toString();
    }
}
