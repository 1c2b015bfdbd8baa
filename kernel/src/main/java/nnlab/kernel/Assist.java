package nnlab.kernel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.VarSnippet;
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
 * <p>Shift-Tab inside an argument list, where no name is under the cursor, shows the signatures of the
 * enclosing call ({@link CallSite}). Tab also knows the variables declared earlier in the same cell
 * before it has run ({@code Tensor t = ...; t.}): those declarations are handed to JShell as locals of
 * a block around the snippet. Each match carries a kind (method, class, variable, field, package,
 * keyword) and, for variables, their type: Jupyter's {@code _jupyter_types_experimental}.
 *
 * <pre>{@code
 * Assist a = new Assist(shell);
 * a.isComplete("for (int i = 0; i < 3; i++) {");   // "incomplete"
 * a.complete("Math.ma", 7);                        // replace [5, 7) with max, ...
 * }</pre>
 */
public final class Assist {
    /** Completion result: replace {@code [start, end)} of the cell with one of {@code matches}. */
    public record Completion(List<String> matches, int start, int end, List<Item> items) {
        Completion(List<String> matches, int start, int end) {
            this(matches, start, end, List.of());
        }
    }

    /** One match's kind ("method", "class", "variable", ...) and type (a variable's type, or ""). */
    public record Item(String text, String kind, String type) {
    }

    private static final Set<String> KEYWORDS = Set.of("abstract", "boolean", "break", "byte", "case", "catch", "char",
            "class", "continue", "default", "do", "double", "else", "enum", "extends", "final", "finally", "float", "for",
            "if", "implements", "import", "instanceof", "int", "interface", "long", "new", "null", "private", "protected",
            "public", "record", "return", "short", "static", "super", "switch", "this", "throw", "throws", "true", "false",
            "try", "var", "void", "while", "yield");

    private static final int MAX_OVERLOADS = 6;
    /** A period and a space end a sentence, except after "e.g" and "i.e". */
    private static final Pattern SENTENCE_END = Pattern.compile("(?<!\\be\\.g|\\bi\\.e)\\. ");

    private final JShell shell;
    private final SourceCodeAnalysis sca;

    Assist(JShell shell) {
        this.shell = shell;
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

    /** Completions at {@code cursor}, also from variables declared earlier in the cell; magic lines get none. */
    Completion complete(String cell, int cursor) {
        int[] seg = segment(cell, cursor);
        if (seg == null) {
            return new Completion(List.of(), cursor, cursor);
        }
        String blank = blankMagics(cell);
        String code = blank.substring(seg[0], seg[1]);
        Map<String, String> locals = new LinkedHashMap<>();
        String declared = cellDeclarations(blank.substring(0, seg[0]), locals);
        int[] anchor = new int[1];
        Set<String> matches = new LinkedHashSet<>();
        for (SourceCodeAnalysis.Suggestion s : sca.completionSuggestions(code, cursor - seg[0], anchor)) {
            matches.add(s.continuation());
        }
        int start = seg[0] + anchor[0];
        if (!declared.isEmpty()) {
            String prefix = "{ " + declared;
            int[] at = new int[1];
            List<SourceCodeAnalysis.Suggestion> more = sca.completionSuggestions(prefix + code.substring(0, cursor - seg[0]),
                    prefix.length() + cursor - seg[0], at);
            if (matches.isEmpty() || at[0] - prefix.length() == anchor[0]) {
                start = seg[0] + at[0] - prefix.length();
                more.forEach(s -> matches.add(s.continuation()));
            }
        }
        int word = cursor;
        while (word > seg[0] && Character.isJavaIdentifierPart(blank.charAt(word - 1))) {
            word--;
        }
        if ((matches.isEmpty() || start == word) && (word == 0 || blank.charAt(word - 1) != '.')) {
            String typed = blank.substring(word, cursor);      // JShell completes no plain names in a block
            locals.keySet().stream().filter(n -> n.startsWith(typed)).forEach(matches::add);
            start = matches.isEmpty() ? start : word;
        }
        List<String> list = new ArrayList<>(matches);
        return new Completion(list, start, cursor, items(list, blank, start, locals));
    }

    /**
     * The variable declarations among the cell's snippets before {@code before} (not yet run, so JShell does
     * not know them), as source; fills {@code locals} with name to declared type.
     */
    private String cellDeclarations(String before, Map<String, String> locals) {
        StringBuilder sb = new StringBuilder();
        String rest = before;
        while (!rest.isBlank()) {
            CompletionInfo ci = sca.analyzeCompletion(rest);
            if (ci.completeness() != Completeness.COMPLETE && ci.completeness() != Completeness.COMPLETE_WITH_SEMI) {
                break;
            }
            for (Snippet snip : sca.sourceToSnippets(ci.source())) {
                if (snip instanceof VarSnippet v) {
                    sb.append(v.source().strip()).append(v.source().strip().endsWith(";") ? "\n" : ";\n");
                    locals.put(v.name(), v.typeName());
                }
            }
            rest = ci.remaining();
        }
        return sb.toString();
    }

    /** Kind and type of each match: a variable's type from the shell or the cell, else guessed from its form. */
    private List<Item> items(List<String> matches, String code, int start, Map<String, String> locals) {
        Map<String, String> vars = new HashMap<>();
        shell.variables().forEach(v -> vars.put(v.name(), v.typeName()));
        vars.putAll(locals);
        boolean member = start > 0 && code.charAt(start - 1) == '.';
        List<Item> items = new ArrayList<>();
        for (String m : matches) {
            String kind;
            String type = "";
            if (m.endsWith("(") || m.endsWith("()")) {
                kind = "method";
            } else if (!member && vars.containsKey(m)) {
                kind = "variable";
                type = vars.get(m);
            } else if (KEYWORDS.contains(m)) {
                kind = "keyword";
            } else if (Character.isUpperCase(m.charAt(0)) && !m.equals(m.toUpperCase(java.util.Locale.ROOT))) {
                kind = "class";
            } else {
                kind = member ? "field" : "package";
            }
            items.add(new Item(m, kind, type));
        }
        return items;
    }

    /** Signature and first Javadoc sentence of what is under the cursor, or null. */
    String inspect(String cell, int cursor) {
        List<Documentation> docs = documentation(cell, cursor);
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

    /**
     * What is under the cursor with its whole Javadoc (Shift-Tab in the inspector, Jupyter's
     * {@code inspect_request}): {@code text/markdown}, each signature as Java code and the comment as
     * Markdown, and the same as {@code text/plain}; null when nothing is there.
     */
    Map<String, String> inspectFully(String cell, int cursor) {
        List<Documentation> docs = documentation(cell, cursor);
        if (docs.isEmpty()) {
            return null;
        }
        Map<String, String> qualified = new HashMap<>();
        StringBuilder md = new StringBuilder();
        StringBuilder plain = new StringBuilder();
        for (Documentation d : docs.subList(0, Math.min(docs.size(), MAX_OVERLOADS))) {
            String comment = d.javadoc() != null ? d.javadoc()
                    : SourceDocs.full(d.signature(), t -> qualified.computeIfAbsent(t, this::qualify));
            md.append("```java\n").append(d.signature()).append("\n```\n\n");
            plain.append(d.signature()).append("\n\n");
            if (comment != null) {
                md.append(JavadocText.markdown(comment)).append("\n\n");
                plain.append(JavadocText.plain(comment).replaceAll("(?m)^(?=.)", "    ")).append("\n\n");
            }
        }
        if (docs.size() > MAX_OVERLOADS) {
            md.append("... ").append(docs.size() - MAX_OVERLOADS).append(" more overloads\n");
            plain.append("... ").append(docs.size() - MAX_OVERLOADS).append(" more overloads\n");
        }
        Map<String, String> bundle = new LinkedHashMap<>();
        bundle.put("text/plain", plain.toString().stripTrailing());
        bundle.put("text/markdown", md.toString().stripTrailing());
        return bundle;
    }

    /** JShell's documentation of the name (or enclosing call) at {@code cursor}; empty when none. */
    private List<Documentation> documentation(String cell, int cursor) {
        int[] seg = segment(cell, cursor);
        if (seg == null) {
            return List.of();
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
        int paren = docs.isEmpty() ? CallSite.openParen(code, at) : -1;
        if (paren >= 0) {                                   // inside an argument list: the enclosing call
            docs = sca.documentation(code.substring(0, paren + 1), paren + 1, true);
        }
        return docs;
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
