package nnlab.kernel;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.VarSnippet;
import nnlab.kernel.agent.Render;

/**
 * One notebook session: runs cells in JShell with the student's code in a separate JVM.
 *
 * <p><b>Design.</b> JShell compiles in this JVM and runs snippets in a second JVM that it starts
 * and controls over JDI ({@link StudentJvm}, JShell's remote-agent protocol with TCP_NODELAY). That one decision covers the robustness
 * rules: the stop button and the per-cell timeout call {@link JShell#stop()}, which throws into
 * the running thread through JDI (works for {@code while (true) {}} on every JDK, unlike
 * {@code Thread.stop}); variables live on in the student JVM. If a cell ignores the stop (it
 * catches {@code Throwable} in a loop) the student JVM is killed after {@value #KILL_AFTER_MILLIS}
 * ms and a fresh session starts, and the student is told. {@code OutOfMemoryError} and
 * {@code StackOverflowError} happen in the student JVM and come back as exceptions. The
 * {@code System.exit} guard ({@link nnlab.kernel.agent.ExitGuard}) turns an exit into an error so
 * the session survives; where the JDK has no security manager, the JVM dies and the session is
 * restarted. User code cannot reach the kernel's ZeroMQ sockets: they live in another process, and
 * its {@code System.out}/{@code err} are pipes read by {@link RemoteStream}. Rich output
 * ({@code display}, charts) is rendered in the student JVM by {@link nnlab.kernel.agent.Agent} and
 * travels in band on stdout, so it keeps its order with printed text.
 *
 * <p>Options: class path and JVM options of the student JVM, a per-cell timeout (0 = none) and a
 * cap on printed characters per cell (the rest is dropped and counted).
 *
 * <pre>{@code
 * try (Evaluator ev = new Evaluator(Evaluator.Options.fromEnvironment())) {
 *     CellResult r = ev.run("1 + 1", Listener.NONE);   // r.text() is "2"
 * }
 * }</pre>
 */
public final class Evaluator implements AutoCloseable {
    static final long KILL_AFTER_MILLIS = 1500;

    private static final List<String> PACKAGES = List.of("nnlab", "nnlab.tensor", "nnlab.nn", "nnlab.loss",
            "nnlab.optim", "nnlab.grad", "nnlab.train", "nnlab.data", "nnlab.metrics", "nnlab.plot", "nnlab.display",
            "nnlab.autograd",
            "java.util", "java.io", "java.util.stream", "java.util.function");
    private static final Set<String> NUMERIC = Set.of("int", "long", "double", "float", "short", "byte");
    private static final Set<String> PRIMITIVE = Set.of("int", "long", "double", "float", "short", "byte", "char", "boolean");

    /**
     * Settings of a session.
     *
     * @param classpath      class path of the compiler and the student JVM
     * @param vmOptions      extra options of the student JVM, e.g. {@code -Xmx256m}
     * @param timeoutSeconds per-cell time limit; 0 for none
     * @param maxOutputChars printed characters kept per cell; the rest is dropped and counted
     */
    public record Options(List<String> classpath, List<String> vmOptions, int timeoutSeconds, int maxOutputChars) {
        /** Class path of this JVM; {@code NNLAB_JAVA_OPTS}, {@code NNLAB_CELL_TIMEOUT}, {@code NNLAB_MAX_OUTPUT_CHARS}. */
        public static Options fromEnvironment() {
            String opts = System.getenv().getOrDefault("NNLAB_JAVA_OPTS", "").strip();
            return new Options(Classpath.userClasspath(), opts.isEmpty() ? List.of() : List.of(opts.split("\\s+")),
                    envInt("NNLAB_CELL_TIMEOUT", 0), envInt("NNLAB_MAX_OUTPUT_CHARS", 200_000));
        }

        private static int envInt(String name, int dflt) {
            String v = System.getenv(name);
            if (v == null || v.isBlank()) {
                return dflt;
            }
            try {
                return Integer.parseInt(v.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be a whole number, got '" + v + "'", e);
            }
        }
    }

    private final Options options;
    private final java.nio.file.Path workDir;
    private final Map<String, Errors.Place> places = new ConcurrentHashMap<>();
    private final List<String> addedClasspath = new ArrayList<>();
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "nnlab-watchdog");
        t.setDaemon(true);
        return t;
    });
    private final Magics magics = new Magics(this);
    private volatile JShell shell;
    private volatile boolean shellDied;
    private volatile Process remote;
    private volatile Cell current;
    private boolean exitGuarded;
    private int runs;

    /** Starts a session (the student JVM starts at once, in this JVM's working directory). */
    public Evaluator(Options options) {
        this(options, null);
    }

    /**
     * Starts a session whose student JVM runs in {@code workDir} with {@code HOME} = workDir and
     * {@code TMPDIR} = workDir/tmp (null: this JVM's directory and environment); restarts keep it.
     */
    public Evaluator(Options options, java.nio.file.Path workDir) {
        this.options = options;
        this.workDir = workDir;
        start();
    }

    /** The options this session runs with. */
    public Options options() {
        return options;
    }

    /** True when {@code System.exit} in a cell is turned into an error instead of ending the JVM. */
    public boolean exitGuarded() {
        return exitGuarded;
    }

    /** Runs one cell (code and magics) and reports how it ended; never throws for the cell's own errors. */
    public synchronized CellResult run(String code, Listener listener) {
        long t0 = System.nanoTime();
        if (shellDied || shell == null) {
            restart();
        }
        Cell c = new Cell(listener, ++runs, options.maxOutputChars());
        current = c;
        ScheduledFuture<?> timeout = options.timeoutSeconds() <= 0 ? null
                : watchdog.schedule(() -> stop(c, true), options.timeoutSeconds(), TimeUnit.SECONDS);
        CellResult.Status status = CellResult.Status.OK;
        String ename = null;
        String evalue = null;
        List<String> traceback = List.of();
        Map<String, String> value = null;
        try {
            value = magics.run(code, c);
        } catch (CellFailure f) {
            status = f.status;
            ename = f.ename;
            evalue = f.evalue;
            traceback = f.traceback;
        } catch (IllegalStateException e) {
            shellDied = true;
        }
        try {
            if (status != CellResult.Status.OK && !shellDied && !c.killed) {
                // JShell flushes System.out when a snippet returns normally, not after an exception
                hidden("nnlab.kernel.agent.Agent.flush()");
            }
        } catch (IllegalStateException e) {
            shellDied = true;
        } finally {
            c.running = false;
            if (timeout != null) {
                timeout.cancel(false);
            }
        }
        if (c.timedOut || c.interrupted || c.killed || shellDied) {
            value = null;
            CellFailure f = stopFailure(c);
            status = f.status;
            ename = f.ename;
            evalue = f.evalue;
            traceback = f.traceback;
        }
        c.finish();
        Double number = null;
        if (value != null && value.containsKey(Render.NUMBER)) {
            number = Double.valueOf(value.get(Render.NUMBER));
            value = new LinkedHashMap<>(value);
            value.remove(Render.NUMBER);
        }
        return new CellResult(status, value, number, ename, evalue, traceback, (System.nanoTime() - t0) / 1_000_000);
    }

    private CellFailure stopFailure(Cell c) {
        String limit = "the cell ran longer than the " + options.timeoutSeconds() + " s limit (NNLAB_CELL_TIMEOUT)";
        Integer code = shellDied && !c.killed ? exitCode() : null;
        if (code != null && code < 128) {
            return CellFailure.simple(CellResult.Status.EXIT, "SystemExit", "System.exit(" + code + ") was called"
                    + " (this JDK cannot keep the session alive); a new Java session was started, so earlier"
                    + " variables are gone: re-run the cells above");
        }
        if (c.killed || shellDied) {
            String why = c.timedOut ? limit + " and did not stop" : c.interrupted ? "the cell did not react to the stop button"
                    : "the Java process running the notebook code ended (System.exit, Runtime.halt or a JVM crash)";
            return CellFailure.simple(c.timedOut ? CellResult.Status.TIMEOUT : CellResult.Status.CRASH,
                    c.timedOut ? "TimeoutException" : "SessionRestarted",
                    why + "; a new Java session was started, so earlier variables are gone: re-run the cells above");
        }
        if (c.timedOut) {
            return CellFailure.simple(CellResult.Status.TIMEOUT, "TimeoutException",
                    limit + " and was stopped; earlier variables are kept");
        }
        return CellFailure.simple(CellResult.Status.INTERRUPTED, "InterruptedException",
                "the cell was stopped; earlier variables are kept");
    }

    /** Exit code of the student JVM once it has ended (waits up to 2 s), else null. */
    private Integer exitCode() {
        Process p = remote;
        if (p == null) {
            return null;
        }
        try {
            return p.onExit().get(2, TimeUnit.SECONDS).exitValue();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** The stop button: stops the running cell, killing the student JVM if it does not stop in time. */
    public void interrupt() {
        Cell c = current;
        if (c != null && c.running) {
            stop(c, false);
        }
    }

    private void stop(Cell c, boolean timedOut) {
        if (!c.running) {
            return;
        }
        if (timedOut) {
            c.timedOut = true;
        } else {
            c.interrupted = true;
        }
        watchdog.schedule(() -> {
            if (c.running) {
                c.killed = true;
                killRemote();
            }
        }, KILL_AFTER_MILLIS, TimeUnit.MILLISECONDS);
        // JDI calls can block on a wedged JVM: stop from a thread of its own, so the kill above still comes
        JShell s = shell;
        Thread stopper = new Thread(() -> {
            try {
                s.stop();
            } catch (RuntimeException ignored) {
                // the JVM may be gone already; the kill handles it
            }
        }, "nnlab-stop");
        stopper.setDaemon(true);
        stopper.start();
    }

    private void killRemote() {
        Process p = remote;  // the Process object, never a bare pid that the OS may have reused
        if (p != null && p.isAlive()) {
            p.destroyForcibly();
        }
    }

    // ------------------------------------------------------------------ session

    private void start() {
        RemoteStream out = new RemoteStream(t -> withCell(c -> c.text(t, false)), this::frame);
        RemoteStream err = new RemoteStream(t -> withCell(c -> c.text(t, true)), null);
        List<String> vm = new ArrayList<>(List.of("-Djava.awt.headless=true", "-Dfile.encoding=UTF-8",
                "-Dsun.stdout.encoding=UTF-8", "-Dsun.stderr.encoding=UTF-8", "-Dstdout.encoding=UTF-8",
                "-Dstderr.encoding=UTF-8", "--class-path", String.join(java.io.File.pathSeparator, options.classpath())));
        if (Runtime.version().feature() < 24) {
            vm.add("-Djava.security.manager=allow");
        }
        // Training speed (bin/bench mlp): nnlab's tanh runs on the Vector API when the module is there
        // (nnlab.tensor.Kernels; the JVM's "incubator modules" warning goes to the student JVM's own
        // stderr, which nobody reads), and transparent huge pages spare the TLB misses of gathering
        // batches from a large dataset, as NumPy's large arrays get them. Options given later win.
        vm.add("--add-modules=jdk.incubator.vector");
        vm.add("-XX:+UseTransparentHugePages");
        vm.addAll(options.vmOptions());
        StudentJvm.Provider provider = new StudentJvm.Provider(workDir);
        JShell s = JShell.builder()
                .out(new PrintStream(out, true, StandardCharsets.UTF_8))
                .err(new PrintStream(err, true, StandardCharsets.UTF_8))
                .in(InputStream.nullInputStream())
                .executionEngine(provider, Map.of())
                .remoteVMOptions(vm.toArray(String[]::new))
                .build();
        // the compiler's class path; a --class-path compiler option would hide later %classpath entries
        s.addToClasspath(String.join(java.io.File.pathSeparator, options.classpath()));
        s.onShutdown(x -> {
            if (x == shell) {
                shellDied = true;
            }
        });
        shell = s;
        shellDied = false;
        remote = provider.process;
        for (String pkg : PACKAGES) {
            if (pkg.startsWith("java.") || Evaluator.class.getClassLoader().getResource(pkg.replace('.', '/') + "/") != null) {
                s.eval("import " + pkg + ".*;");
            }
        }
        s.eval("String display(Object value) { return nnlab.display.Display.display(value); }");
        s.eval("void updateDisplay(String id, Object value) { nnlab.display.Display.update(id, value); }");
        s.eval("String display(Object value, String... mimeTypes) { return nnlab.kernel.agent.Agent.display(value, mimeTypes); }");
        s.eval("void updateDisplay(String id, Object value, String... mimeTypes) { nnlab.kernel.agent.Agent.update(id, value, mimeTypes); }");
        String info = hidden("nnlab.kernel.agent.Agent.install()");
        if (info == null) {
            throw new IllegalStateException("the student JVM did not start: check the class path "
                    + options.classpath() + " and JVM options " + options.vmOptions());
        }
        exitGuarded = Boolean.parseBoolean(info);
        for (String cp : addedClasspath) {
            s.addToClasspath(cp);
        }
    }

    /** Evaluates an expression without leaving a snippet behind; returns its value string or null. */
    String hidden(String expression) {
        JShell s = shell;
        for (SnippetEvent e : s.eval(expression)) {
            if (e.causeSnippet() == null) {
                String v = e.exception() == null ? e.value() : null;
                if (e.snippet() instanceof VarSnippet) {
                    s.drop(e.snippet());
                }
                return v;
            }
        }
        return null;
    }

    private void restart() {
        JShell old = shell;
        if (old != null) {
            try {
                old.close();
            } catch (RuntimeException ignored) {
                // already dead
            }
        }
        killRemote();
        places.clear();
        start();
    }

    /** Adds a class path entry for the compiler and the student JVM (kept across restarts). */
    void addToClasspath(String path) {
        shell.addToClasspath(path);
        addedClasspath.add(path);
    }

    /** Ends the session and the student JVM. */
    @Override
    public synchronized void close() {
        watchdog.shutdownNow();
        JShell s = shell;
        shell = null;
        if (s != null) {
            try {
                s.close();
            } catch (RuntimeException ignored) {
                // closing a dead session
            }
        }
        killRemote();
    }

    JShell shell() {
        return shell;
    }

    private Assist assist() {
        if (shellDied || shell == null) {
            restart();
        }
        return new Assist(shell);
    }

    /** "complete", "incomplete" or "invalid" for Jupyter's is_complete_request. */
    public synchronized String isComplete(String cell) {
        return assist().isComplete(cell);
    }

    /** Completions (Tab) at {@code cursor}: replace [start, end) of the cell with one of the matches. */
    public synchronized Assist.Completion complete(String cell, int cursor) {
        return assist().complete(cell, cursor);
    }

    /** Signature and first Javadoc sentence of the name at {@code cursor} (Shift-Tab), or null. */
    public synchronized String inspect(String cell, int cursor) {
        return assist().inspect(cell, cursor);
    }

    private void withCell(java.util.function.Consumer<Cell> action) {
        Cell c = current;
        if (c != null) {
            action.accept(c);
        }
    }

    private void frame(JsonObject f) {
        Map<String, String> bundle = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> e : f.getAsJsonObject("data").entrySet()) {
            bundle.put(e.getKey(), e.getValue().getAsString());
        }
        String kind = f.get("kind").getAsString();
        String id = f.get("id").isJsonNull() ? null : f.get("id").getAsString();
        withCell(c -> c.frame(kind, id, bundle));
    }

    // ------------------------------------------------------------------ code

    /**
     * Runs Java code that starts at 1-based line {@code firstLine} of the cell, snippet by snippet;
     * returns the bundle of the last expression's value, or null.
     */
    Map<String, String> evalCode(String code, int firstLine, Cell c) throws CellFailure {
        SourceCodeAnalysis sca = shell.sourceCodeAnalysis();
        String rest = code;
        Map<String, String> value = null;
        while (!rest.isBlank()) {
            int start = code.length() - rest.length();
            CompletionInfo ci = sca.analyzeCompletion(rest);
            if (ci.completeness() == Completeness.EMPTY) {
                break;
            }
            // JShell numbers a snippet's lines wrongly when its source starts with blank lines:
            // evaluate it from its first non-blank character and count lines from there
            String src = ci.source() == null ? rest : ci.source();
            int lead = src.length() - src.stripLeading().length();
            int line = firstLine + lineOf(code, start + rest.length() - rest.stripLeading().length());
            if (ci.completeness() == Completeness.DEFINITELY_INCOMPLETE) {
                throw Errors.incomplete(rest, line);
            }
            value = evalSnippet(src.substring(lead), line, c);
            rest = ci.source() == null ? "" : ci.remaining();
        }
        return value;
    }

    private static int lineOf(String s, int pos) {
        return (int) s.substring(0, pos).chars().filter(ch -> ch == '\n').count();
    }

    private Map<String, String> evalSnippet(String src, int line, Cell c) throws CellFailure {
        List<SnippetEvent> events = shell.eval(src);
        if (c.interrupted || c.timedOut || c.killed || shellDied) {
            throw CellFailure.simple(CellResult.Status.INTERRUPTED, "InterruptedException", "stopped");
        }
        Map<String, String> value = null;
        for (SnippetEvent e : events) {
            if (e.causeSnippet() != null) {
                continue;
            }
            Snippet s = e.snippet();
            places.put(s.id(), new Errors.Place(c.number, line));
            if (e.status() == Snippet.Status.REJECTED) {
                throw Errors.compile(shell.diagnostics(s).toList(), src, line);
            }
            if (e.exception() != null) {
                throw exception(e, c);
            }
            if (e.status() == Snippet.Status.RECOVERABLE_DEFINED || e.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
                // like jshell: a declaration may use something defined later; say so instead of failing
                List<String> missing = shell.unresolvedDependencies((jdk.jshell.DeclarationSnippet) s).toList();
                c.text("Note: cell line " + line + " uses " + String.join(", ", missing)
                        + ", which is not defined yet; define it before calling this.\n", false);
            }
            value = valueOf(e, c);
        }
        return value;
    }

    private CellFailure exception(SnippetEvent e, Cell c) {
        CellFailure f = Errors.runtime(e.exception(), places, c.number);
        if (f.ename.equals("nnlab.kernel.agent.ExitGuard$ExitCalled")) {
            return CellFailure.simple(CellResult.Status.EXIT, "SystemExit", f.evalue);
        }
        return f;
    }

    private Map<String, String> valueOf(SnippetEvent e, Cell c) throws CellFailure {
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
        } else {
            return null;
        }
        if (text == null || text.equals("null")) {
            return null;
        }
        Map<String, String> bundle = new LinkedHashMap<>();
        if (PRIMITIVE.contains(type)) {
            bundle.put("text/plain", text);
            if (NUMERIC.contains(type)) {
                bundle.put(Render.NUMBER, text);
            }
            return bundle;
        }
        c.result = null;
        for (SnippetEvent r : shell.eval("nnlab.kernel.agent.Agent.result(" + ref + ");")) {
            if (r.causeSnippet() == null && r.exception() != null) {
                throw exception(r, c);
            }
        }
        if (c.result == null) {
            bundle.put("text/plain", text);
            return bundle;
        }
        return c.result;
    }

    /** State of the running cell: its listener, output cap and stop flags. */
    static final class Cell {
        final Listener listener;
        final int number;
        final int maxChars;
        volatile boolean running = true;
        volatile boolean interrupted;
        volatile boolean timedOut;
        volatile boolean killed;
        volatile Map<String, String> result;
        private long shown;
        private long droppedChars;
        private long droppedLines;

        Cell(Listener listener, int number, int maxChars) {
            this.listener = listener;
            this.number = number;
            this.maxChars = maxChars;
        }

        synchronized void text(String t, boolean err) {
            long room = Math.max(0, maxChars - shown);
            String keep = t.length() <= room ? t : t.substring(0, (int) room);
            if (keep.length() < t.length()) {
                String drop = t.substring(keep.length());
                droppedChars += drop.length();
                droppedLines += drop.chars().filter(ch -> ch == '\n').count();
            }
            shown += keep.length();
            if (!keep.isEmpty()) {
                if (err) {
                    listener.stderr(keep);
                } else {
                    listener.stdout(keep);
                }
            }
        }

        void frame(String kind, String id, Map<String, String> bundle) {
            switch (kind) {
                case "result" -> result = bundle;
                case "update" -> listener.update(id, bundle);
                default -> listener.display(id, bundle);
            }
        }

        /** Prints how much output was dropped, if any. */
        synchronized void finish() {
            if (droppedChars > 0) {
                listener.stdout(String.format("%n... [output truncated: %,d more lines (%,d characters) not shown;"
                        + " the limit is %,d characters per cell, NNLAB_MAX_OUTPUT_CHARS]%n", droppedLines, droppedChars, maxChars));
            }
        }
    }
}
