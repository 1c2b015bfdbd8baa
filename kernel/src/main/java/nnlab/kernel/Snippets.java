package nnlab.kernel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.ImportSnippet;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.VarSnippet;
import nnlab.kernel.agent.Render;

/**
 * Java code of a cell, run snippet by snippet in the session's JShell, and its last value rendered.
 *
 * <p>A cell is cut into JShell snippets; each is evaluated and remembered with its cell and line (so
 * a stack frame of a method defined three cells ago says where it was written). A run of plain statements
 * ({@link StatementRuns}) is evaluated as one block of the cell's own text, {@code {...}}, which javac
 * compiles once; when the block does not compile, its snippets run one by one, so the output and the error
 * are those of snippet-by-snippet evaluation. A compile error, an exception or a stop ends the cell with a
 * {@link CellFailure}. The last expression's value becomes a
 * MIME bundle: primitives as text (numbers also carry {@link Render#NUMBER}), objects rendered in the
 * student JVM by {@code Agent.result}, which answers with a result frame.
 *
 * <pre>{@code
 * Snippets s = new Snippets(session);
 * Map<String, String> v = s.eval("int a = 6;\na * 7", 1, run);   // {text/plain=42, ...number=42}
 * }</pre>
 */
final class Snippets {
    private static final Set<String> NUMERIC = Set.of("int", "long", "double", "float", "short", "byte");
    private static final Set<String> PRINT_STREAM = Set.of("PrintStream", "java.io.PrintStream");
    private static final Set<String> STRING = Set.of("String", "java.lang.String");
    /** JShell cuts a value's text at 21,844 characters (its agent's writeUTF limit); shorter ones are whole. */
    private static final int JSHELL_VALUE_CHARS = 21_844;
    private static final Set<String> PRIMITIVE = Set.of("int", "long", "double", "float", "short", "byte", "char", "boolean");

    private final Session session;
    private final Map<String, Errors.Place> places = new ConcurrentHashMap<>();
    private final ImportPrecedence imports;

    Snippets(Session session) {
        this.session = session;
        this.imports = new ImportPrecedence(session);
    }

    /** Forgets where snippets were written (after a restart their ids mean nothing). */
    void forget() {
        places.clear();
    }

    /**
     * Runs Java code that starts at 1-based line {@code firstLine} of the cell, snippet by snippet;
     * returns the bundle of the last expression's value, or null.
     */
    Map<String, String> eval(String code, int firstLine, CellRun run) throws CellFailure {
        return eval(code, firstLine, run, true);
    }

    /**
     * IJava's {@code eval(code)} from a running cell: runs {@code code} as {@link #eval} does, without
     * rendering; returns the name of the variable holding its last value (e.g. {@code $12}), or null.
     */
    String evalRef(String code, CellRun run) throws CellFailure {
        Map<String, String> v = eval(code, 1, run, false);
        return v == null ? null : v.get(REF);
    }

    private static final String REF = "ref";

    private Map<String, String> eval(String code, int firstLine, CellRun run, boolean render) throws CellFailure {
        List<Piece> pieces = pieces(code, firstLine);
        SnippetEvent last = null;
        boolean rendering = false;     // the last snippet ran with its value rendered in the student JVM (Session#renderNext)
        for (int i = 0; i < pieces.size(); i++) {
            int end = runEnd(pieces, i);
            if (end > i + 1) {
                Piece a = pieces.get(i);
                Piece b = pieces.get(end - 1);
                // one block, the cell's own text with its newlines: javac once, and its lines are the cell's lines
                SnippetEvent merged = evalBlock("{" + code.substring(a.start, b.end) + "\n}", a.line, run);
                if (merged != null) {
                    last = merged;
                    i = end - 1;
                    continue;
                }
            }
            Piece p = pieces.get(i);
            if (p.incomplete != null) {
                throw p.incomplete;
            }
            // the cell's value: rendered in the student JVM as it is computed, with no second snippet to compile; the
            // student JVM renders only an expression's value (RemoteAgent#invoke), so a declaration costs nothing
            if (!render || i < pieces.size() - 1 || !session.renderNext(true)) {
                last = evalSnippet(p.src, p.line, run);
                continue;
            }
            rendering = true;
            SnippetEvent e = null;
            try {
                e = evalSnippet(p.src, p.line, run);
                last = e;
            } finally {
                if (e == null || e.status() != Snippet.Status.VALID || !runs(e.snippet())) {
                    // nothing ran that took the request (a method, a class, a compile error): take it back
                    rendering = false;
                    try {
                        session.renderNext(false);
                    } catch (IllegalStateException gone) {
                        // the student JVM is gone: the cell's own failure says so
                    }
                }
            }
        }
        // only the last snippet's value is shown: rendering the others (a display(...) call's id) cost a round trip each
        return last == null ? null : valueOf(last, run, render, rendering);
    }

    /** Whether evaluating {@code s} runs it in the student JVM: an expression, a statement or a variable (not a method, a class or an import). */
    private static boolean runs(Snippet s) {
        return s.kind() == Snippet.Kind.EXPRESSION || s.kind() == Snippet.Kind.STATEMENT || s.kind() == Snippet.Kind.VAR;
    }

    /**
     * One snippet of a cell: its source as JShell cut it (from its first non-blank character), its cell line,
     * where its text lies in the cell's code when JShell's source is that text exactly (else {@code start = -1}),
     * or the failure of a snippet the cell ends before finishing.
     */
    private record Piece(String src, int line, int start, int end, CellFailure incomplete) {
    }

    /** The cell's snippets, in order, up to the first that is not finished. */
    private List<Piece> pieces(String code, int firstLine) {
        SourceCodeAnalysis sca = session.shell().sourceCodeAnalysis();
        List<Piece> pieces = new ArrayList<>();
        String rest = code;
        while (!rest.isBlank()) {
            int start = code.length() - rest.length();
            CompletionInfo ci;
            try (var t = Trace.span("analyze")) {
                ci = sca.analyzeCompletion(rest);
            }
            if (ci.completeness() == Completeness.EMPTY) {
                break;
            }
            // JShell numbers a snippet's lines wrongly when its source starts with blank lines:
            // evaluate it from its first non-blank character and count lines from there
            String src = ci.source() == null ? rest : ci.source();
            int lead = src.length() - src.stripLeading().length();
            int from = start + rest.length() - rest.stripLeading().length();
            int line = firstLine + lineOf(code, from);
            if (ci.completeness() == Completeness.DEFINITELY_INCOMPLETE) {
                pieces.add(new Piece(rest, line, -1, -1, Errors.incomplete(rest, line)));
                break;
            }
            String own = src.substring(lead).stripTrailing();
            boolean exact = code.startsWith(own, from);
            pieces.add(new Piece(src.substring(lead), line, exact ? from : -1, exact ? from + own.length() : -1, null));
            rest = ci.source() == null ? "" : ci.remaining();
        }
        return pieces;
    }

    /**
     * The end (exclusive) of the run of plain statements that starts at piece {@code i}: each is cell text
     * JShell did not change, and the last piece of the cell joins only if it has no value to show.
     */
    private static int runEnd(List<Piece> pieces, int i) {
        int j = i;
        while (j < pieces.size() && joins(pieces.get(j), j == pieces.size() - 1)) {
            j++;
        }
        return j;
    }

    private static boolean joins(Piece p, boolean last) {
        return p.incomplete == null && p.start >= 0
                && (last ? StatementRuns.isValueless(p.src) : StatementRuns.isStatement(p.src));
    }

    /**
     * Runs the kernel's own {@code code} (one expression or statement) so that the student's session
     * keeps nothing of it ({@link Session#evalHidden}); returns its value as text, or null.
     */
    Map<String, String> internal(String code, CellRun run) throws CellFailure {
        List<SnippetEvent> events = session.evalHidden(code);
        checkStopped(run);
        Map<String, String> value = null;
        for (SnippetEvent e : events) {
            if (e.causeSnippet() == null) {
                failIfFailed(e, code, 1, run);
                value = e.value() == null ? null : Map.of("text/plain", e.value());
            }
        }
        return value;
    }

    private static int lineOf(String s, int pos) {
        return (int) s.substring(0, pos).chars().filter(ch -> ch == '\n').count();
    }

    private void checkStopped(CellRun run) throws CellFailure {
        if (run.stopped() || session.died()) {
            throw CellFailure.simple(CellResult.Status.INTERRUPTED, "InterruptedException", "stopped");
        }
    }

    /** Evaluates one snippet that starts at cell line {@code line}; returns its event (whose value may be shown). */
    private SnippetEvent evalSnippet(String src, int line, CellRun run) throws CellFailure {
        return handle(compile(src, run), src, line, run);
    }

    /**
     * Evaluates a block of statements that starts at cell line {@code line}; returns null, having run nothing,
     * when it does not compile (the caller then runs its snippets one by one, for the same errors and output).
     */
    private SnippetEvent evalBlock(String src, int line, CellRun run) throws CellFailure {
        List<SnippetEvent> events = compile(src, run);
        for (SnippetEvent e : events) {
            if (e.causeSnippet() == null && e.status() == Snippet.Status.REJECTED) {
                return null;
            }
        }
        return handle(events, src, line, run);
    }

    private List<SnippetEvent> compile(String src, CellRun run) throws CellFailure {
        List<SnippetEvent> events;
        try (var t = Trace.span("compile")) {
            events = session.shell().eval(src);
        }
        checkStopped(run);
        return events;
    }

    /** Records where the snippets of {@code events} were written, and fails as their compile error or exception does. */
    private SnippetEvent handle(List<SnippetEvent> events, String src, int line, CellRun run) throws CellFailure {
        JShell shell = session.shell();
        SnippetEvent main = null;
        for (SnippetEvent e : events) {
            if (e.causeSnippet() != null) {
                continue;
            }
            main = e;
            Snippet s = e.snippet();
            places.put(s.id(), new Errors.Place(run.number, line));
            failIfFailed(e, src, line, run);
            if (s instanceof ImportSnippet imp && e.status() == Snippet.Status.VALID) {
                String note;
                try (var t = Trace.span("imports")) {
                    note = imports.imported(imp);      // the notebook's import wins over the start-up ones
                }
                if (note != null) {
                    run.out.text(note, false);
                }
            }
            if (e.status() == Snippet.Status.RECOVERABLE_DEFINED || e.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
                // like jshell: a declaration may use something defined later; say so instead of failing
                List<String> missing = shell.unresolvedDependencies((DeclarationSnippet) s).toList();
                run.out.text("Note: cell line " + line + " uses " + String.join(", ", missing)
                        + ", which is not defined yet; define it before calling this.\n", false);
            }
        }
        return main;
    }

    /** Throws the compile error or exception of a snippet whose source {@code src} starts at cell line {@code line}. */
    private void failIfFailed(SnippetEvent e, String src, int line, CellRun run) throws CellFailure {
        if (e.status() == Snippet.Status.REJECTED) {
            throw Errors.compile(session.shell().diagnostics(e.snippet()).toList(), src, line);
        }
        if (e.exception() != null) {
            throw exception(e, run);
        }
    }

    private CellFailure exception(SnippetEvent e, CellRun run) {
        CellFailure f = Errors.runtime(e.exception(), places, run.number);
        if (f.ename.equals("nnlab.kernel.agent.ExitGuard$ExitCalled")) {
            return CellFailure.simple(CellResult.Status.EXIT, "SystemExit", f.evalue);
        }
        return f;
    }

    private Map<String, String> valueOf(SnippetEvent e, CellRun run, boolean render, boolean rendering) throws CellFailure {
        Snippet s = e.snippet();
        String text = e.value();
        String type;
        String ref;
        if (s.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND) {
            type = ((VarSnippet) s).typeName();
            ref = ((VarSnippet) s).name();
        } else if (s.subKind() == Snippet.SubKind.VAR_VALUE_SUBKIND) {
            type = ((ExpressionSnippet) s).typeName();
            ref = ((ExpressionSnippet) s).name();
        } else if (!render && s.subKind() == Snippet.SubKind.VAR_DECLARATION_WITH_INITIALIZER_SUBKIND) {
            return Map.of(REF, ((VarSnippet) s).name());     // eval("int x = 3;") is 3, as in IJava
        } else {
            return null;
        }
        if (!render) {
            return Map.of(REF, ref);
        }
        if (text == null || text.equals("null") || PRINT_STREAM.contains(type)) {
            return null;     // System.out.printf(...) as the last line: the printed text is the output
        }
        Map<String, String> bundle = new LinkedHashMap<>();
        bundle.put("text/plain", text);
        if (PRIMITIVE.contains(type)) {
            if (NUMERIC.contains(type)) {
                bundle.put(Render.NUMBER, text);
            }
            return bundle;
        }
        if (STRING.contains(type) && text.length() >= 2 && text.length() < JSHELL_VALUE_CHARS && text.startsWith("\"") && text.endsWith("\"")) {
            // what Agent.result would send for a String (its text, no quotes), without the round trip
            bundle.put("text/plain", unquote(text));
            return bundle;
        }
        Map<String, String> result = rendering ? run.out.takeResult() : null;
        return result != null ? result : rendered(ref, run, bundle);
    }

    /**
     * The string JShell's value text {@code "..."} stands for: JShell writes a string as a Java literal, with
     * {@code \\b \\t \\n \\f \\r \\" \\\\} and three-digit octal escapes for other control characters.
     */
    static String unquote(String literal) {
        StringBuilder sb = new StringBuilder(literal.length());
        int end = literal.length() - 1;
        for (int i = 1; i < end; i++) {
            char c = literal.charAt(i);
            if (c != '\\' || i + 1 >= end) {
                sb.append(c);
                continue;
            }
            char e = literal.charAt(++i);
            if (e >= '0' && e <= '7') {
                int code = 0;
                int j = i;
                for (; j < end && j < i + 3 && literal.charAt(j) >= '0' && literal.charAt(j) <= '7'; j++) {
                    code = code * 8 + literal.charAt(j) - '0';
                }
                sb.append((char) code);
                i = j - 1;
            } else {
                int k = "btnfr".indexOf(e);
                sb.append(k >= 0 ? "\b\t\n\f\r".charAt(k) : e);
            }
        }
        return sb.toString();
    }

    /** The student JVM's rendering of the variable {@code ref} (a result frame), else {@code plain}. */
    private Map<String, String> rendered(String ref, CellRun run, Map<String, String> plain) throws CellFailure {
        run.out.takeResult();
        List<SnippetEvent> events;
        try (var t = Trace.span("render")) {
            events = session.shell().eval("nnlab.kernel.agent.Agent.result(" + ref + ");");
        }
        for (SnippetEvent r : events) {
            if (r.causeSnippet() == null && r.exception() != null) {
                throw exception(r, run);
            }
        }
        Map<String, String> result = run.out.takeResult();
        return result == null ? plain : result;
    }
}
