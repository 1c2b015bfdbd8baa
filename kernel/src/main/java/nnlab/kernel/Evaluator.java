package nnlab.kernel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import jdk.jshell.JShell;
import nnlab.kernel.agent.Frame;
import nnlab.kernel.agent.Render;

/**
 * Runs a notebook's cells: JShell compiles them here, the student's code runs in a separate JVM.
 *
 * <p><b>Design.</b> The {@link Session} owns JShell and the student JVM that JShell starts and
 * controls over JDI ({@link StudentJvm}). This class runs cells in it: magics ({@link Magics}), snippets
 * and their values ({@link Snippets}), the output cap ({@link CellOutput}) and the stop logic. The stop
 * button and the per-cell timeout call {@link JShell#stop()}, which throws into the running thread
 * through JDI (works for {@code while (true) {}} on every JDK, unlike {@code Thread.stop}); variables
 * live on in the student JVM. If a cell ignores the stop (it catches {@code Throwable} in a loop) the
 * student JVM is killed after {@value #KILL_AFTER_MILLIS} ms and a fresh session starts, and the
 * student is told. {@code OutOfMemoryError} and {@code StackOverflowError} happen in the student JVM
 * and come back as exceptions. The {@code System.exit} guard ({@link nnlab.kernel.agent.ExitGuard})
 * turns an exit into an error so the session survives; where the JDK has no security manager, the
 * JVM dies and the session is restarted. User code cannot reach the kernel's ZeroMQ sockets: they live
 * in another process, and its {@code System.out}/{@code err} are pipes read by {@link RemoteStream}.
 * Rich output ({@code display}, charts) is rendered in the student JVM by
 * {@link nnlab.kernel.agent.Agent} and travels in band on stdout as {@link Frame}s, so it keeps its
 * order with printed text.
 *
 * <p><b>Where output goes.</b> While a cell runs, to that cell's {@link Listener}; between cells
 * (a background thread still printing), to the kernel-level listener ({@link #setIdleListener}),
 * capped the same way per stretch between two cells.
 *
 * <p><b>Kernel to student JVM.</b> {@link #evaluateInternal} runs the kernel's own code in the student
 * JVM while no cell runs (widget messages, for example), with the cell's stop and timeout rules and
 * without leaving anything in the student's session. It compiles a snippet per call; the other
 * route, with no compiling, is JShell's {@code ExecutionControl.extensionCommand}, which
 * {@link StudentJvm} would expose and {@link nnlab.kernel.agent.RemoteAgent} would answer.
 *
 * <p>Options: class path, JVM options and confinement of the student JVM, a per-cell timeout (0 =
 * none) and a cap on printed characters per cell (the rest is dropped and counted).
 *
 * <pre>{@code
 * try (Evaluator ev = new Evaluator(Evaluator.Options.fromEnvironment())) {
 *     CellResult r = ev.run("1 + 1", Listener.NONE);   // r.text() is "2"
 * }
 * }</pre>
 */
public final class Evaluator implements AutoCloseable {
    static final long KILL_AFTER_MILLIS = 1500;

    /**
     * Settings of a session.
     *
     * @param classpath      class path of the compiler and the student JVM
     * @param vmOptions      extra options of the student JVM, e.g. {@code -Xmx256m}
     * @param timeoutSeconds per-cell time limit; 0 for none
     * @param maxOutputChars printed characters kept per cell; the rest is dropped and counted
     * @param confinement    folder, environment and launcher of the student JVM ({@link Confinement#NONE}: the kernel's)
     */
    public record Options(List<String> classpath, List<String> vmOptions, int timeoutSeconds, int maxOutputChars,
                          Confinement confinement) {
        /** Settings whose student JVM is not confined (it runs where the kernel runs). */
        public Options(List<String> classpath, List<String> vmOptions, int timeoutSeconds, int maxOutputChars) {
            this(classpath, vmOptions, timeoutSeconds, maxOutputChars, Confinement.NONE);
        }

        /**
         * Class path of this JVM; {@code NNLAB_JAVA_OPTS}, {@code NNLAB_CELL_TIMEOUT}, {@code NNLAB_MAX_OUTPUT_CHARS};
         * {@code NNLAB_SANDBOX=1} (the hub image) puts the student JVM in {@link Sandbox#KERNEL}, working in the
         * kernel's folder (the notebook's) with the grader's reduced environment.
         */
        public static Options fromEnvironment() {
            String opts = System.getenv().getOrDefault("NNLAB_JAVA_OPTS", "").strip();
            Options o = new Options(Classpath.userClasspath(), opts.isEmpty() ? List.of() : List.of(opts.split("\\s+")),
                    envInt("NNLAB_CELL_TIMEOUT", 0), envInt("NNLAB_MAX_OUTPUT_CHARS", 200_000));
            return "1".equals(System.getenv("NNLAB_SANDBOX")) ? o.confined(Confinement.GRADER
                    .withSandbox(Sandbox.KERNEL).inDir(java.nio.file.Path.of("").toAbsolutePath())) : o;
        }

        /** A copy whose student JVM is started as {@code c} says. */
        public Options confined(Confinement c) {
            return new Options(classpath, vmOptions, timeoutSeconds, maxOutputChars, c);
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

    /** What a run does inside its {@link CellRun}: the cell's magics and code, or the kernel's internal code. */
    private interface Body {
        Map<String, String> apply(CellRun run) throws CellFailure;
    }

    private final Options options;
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "nnlab-watchdog");
        t.setDaemon(true);
        return t;
    });
    private final Magics magics = new Magics();
    private final JarClash clash;
    private volatile CellCalls calls;     // set right after the session (its handler) and its snippets exist
    private final Session session;
    private final Snippets snippets;
    private volatile Listener idleListener = Listener.NONE;
    private volatile CellOutput idle;
    private volatile CellRun current;
    /** The student's cells run so far (volatile: the compiler warm-up reads it without taking this evaluator's lock). */
    private volatile int runs;
    /** When the last request came (a cell, a completion, a widget message): the compiler warms up only after a quiet spell. */
    private volatile long lastRequest = System.nanoTime();
    /** The compiler warm-up's cell while it compiles; a request stops it between two snippets. */
    private volatile CellRun warming;

    /** Starts a session (the student JVM starts at once, confined as the options say). */
    public Evaluator(Options options) {
        this.options = options;
        this.idle = new CellOutput(Listener.NONE, options.maxOutputChars());
        this.session = new Session(options, new Routing(), request -> this.calls.handle(request));
        this.clash = new JarClash(options.classpath());
        this.snippets = new Snippets(session);
        this.calls = new CellCalls(() -> current, snippets, magics, this::host);
    }

    /** The options this session runs with. */
    public Options options() {
        return options;
    }

    /** The session the cells run in (tests look at its JShell). */
    Session session() {
        return session;
    }

    /** True when {@code System.exit} in a cell is turned into an error instead of ending the JVM. */
    public boolean exitGuarded() {
        return session.exitGuarded();
    }

    /**
     * The kernel-level listener: gets what the student JVM prints or displays while no cell runs (a
     * background thread, a widget callback), capped like a cell's output per stretch between cells.
     * {@link Listener#NONE} until set.
     */
    public void setIdleListener(Listener listener) {
        idleListener = listener;
        idle = new CellOutput(listener, options.maxOutputChars());
    }

    /** Runs one cell (code and magics) and reports how it ended; never throws for the cell's own errors. */
    public CellResult run(String code, Listener listener) {
        touch();
        synchronized (this) {
            return execute(listener, ++runs, r -> magics.run(code, host(r)));
        }
    }

    /**
     * Notes that a request has come, before it waits for this evaluator: a compiler warm-up in progress stops after
     * its current snippet ({@link #warmCompiler}), and the next one waits for another quiet spell. The kernel calls
     * it as each request arrives.
     */
    public void touch() {
        lastRequest = System.nanoTime();
        CellRun w = warming;
        if (w != null) {
            w.interrupted = true;
        }
    }

    /** The compiler warm-up's cell while it compiles, else null (tests watch it). */
    CellRun warming() {
        return warming;
    }

    /** How many of the student's cells have been run. */
    int cellsRun() {
        return runs;
    }

    /** Milliseconds since the last request ({@link #touch}). */
    long quietMillis() {
        return (System.nanoTime() - lastRequest) / 1_000_000;
    }

    /**
     * Compiles {@code cell} as a cell would be compiled (JShell's analysis and javac, statement runs merged) and runs
     * none of it: the student JVM is sent nothing ({@link DeferredControl#dry}), nothing is printed, and every
     * declaration it made is dropped, so the student's session is as it was. This is the compiler's warm-up
     * ({@link CompilerWarmup}): javac's code gets compiled by the JIT, and the classes the course uses are read,
     * before the student's own cells need them. A request that comes meanwhile ({@link #touch}) stops it after the
     * current snippet. Returns false when the cell did not compile, was stopped or the session is not there.
     */
    synchronized boolean warmCompiler(String cell, long quietMillis) {
        if (session.died() || runs > 0 || quietMillis() < quietMillis) {
            return false;     // the student's cells have begun, or a request came while this waited for the lock
        }
        jdk.jshell.JShell shell = session.shell();
        java.util.Set<String> before = new java.util.HashSet<>();
        shell.snippets().forEach(sn -> before.add(sn.id()));
        CellRun r = new CellRun(0, new CellOutput(Listener.NONE, options.maxOutputChars()));
        boolean ok = false;
        session.control().dry(true);
        warming = r;
        try {
            snippets.eval(cell, 1, r);
            ok = !r.stopped();
        } catch (CellFailure | RuntimeException e) {
            ok = false;
        } finally {
            warming = null;
            try {
                List<jdk.jshell.Snippet> made = shell.snippets().filter(sn -> !before.contains(sn.id())).toList();
                for (int i = made.size() - 1; i >= 0; i--) {
                    if (made.get(i) instanceof jdk.jshell.PersistentSnippet p && shell.status(p).isActive()) {
                        shell.drop(p);
                    }
                }
            } finally {
                session.control().dry(false);
                Trace.discard();
            }
        }
        return ok;
    }

    /**
     * Runs the kernel's own Java {@code code} (one expression or statement) in the student JVM, as the
     * channel from the kernel to the student JVM: e.g. a widget's comm message handed to the library
     * ({@code nnlab.widgets.Comms.deliver("id", "{...}")}). It waits while a cell runs. Unlike
     * {@link #run}, it leaves no snippet, variable or declaration in the student's session (its code
     * should declare nothing), is not numbered as a cell and bypasses magics; its output and displays
     * go to {@code listener}, not to any cell. The stop button ({@link #interrupt}) and the per-cell
     * timeout apply to it as to a cell. The value is JShell's text of it ({@code text/plain}; a string
     * in quotes), not a rendering.
     */
    public CellResult evaluateInternal(String code, Listener listener) {
        touch();
        synchronized (this) {
            return execute(listener, 0, r -> snippets.internal(code, r));
        }
    }

    private Magics.Host host(CellRun r) {
        return new Magics.Host() {
            @Override
            public Map<String, String> eval(String code, int firstLine) throws CellFailure {
                return snippets.eval(code, firstLine, r);
            }

            @Override
            public void addToClasspath(String path) {
                String warning = clash.check(java.nio.file.Path.of(path));
                if (warning != null) {
                    r.out.text(warning, true);
                }
                session.addToClasspath(path);
            }

            @Override
            public List<String> classpath() {
                return session.classpath();
            }

            @Override
            public void print(String text) {
                r.out.text(text, false);
            }

            @Override
            public void warn(String text) {
                r.out.text(text, true);
            }

            @Override
            public <T> T interruptible(String what, Magics.Work<T> work) throws CellFailure, Maven.Failure {
                return r.inKernel(what, work);
            }
        };
    }

    private CellResult execute(Listener listener, int number, Body body) {
        long t0 = System.nanoTime();
        ensureLive();
        idle.finish();
        CellRun r = new CellRun(number, new CellOutput(listener, options.maxOutputChars()));
        current = r;
        ScheduledFuture<?> timeout = options.timeoutSeconds() <= 0 ? null
                : watchdog.schedule(() -> stop(r, true), options.timeoutSeconds(), TimeUnit.SECONDS);
        CellFailure failure = null;
        Map<String, String> value = null;
        try {
            value = body.apply(r);
        } catch (CellFailure f) {
            failure = f;
        } catch (IllegalStateException e) {
            session.markDied();
        }
        finishRun(r, failure != null, timeout);
        if ((r.stopped() || session.died()) && !(r.stoppedInKernel && failure != null && !session.died())) {
            value = null;
            failure = stopFailure(r);
        }
        r.out.finish();
        idle = new CellOutput(idleListener, options.maxOutputChars());
        current = null;
        Trace.cell(number, t0);
        return result(failure, value, t0);
    }

    /** Flushes the student JVM's output after a failure and marks the run as over. */
    private void finishRun(CellRun r, boolean failed, ScheduledFuture<?> timeout) {
        try {
            if (failed && !session.died() && !r.killed) {
                // JShell flushes System.out when a snippet returns normally, not after an exception
                session.hidden("nnlab.kernel.agent.Agent.flush()");
            }
        } catch (IllegalStateException e) {
            session.markDied();
        } finally {
            r.running = false;
            if (timeout != null) {
                timeout.cancel(false);
            }
        }
    }

    private static CellResult result(CellFailure f, Map<String, String> value, long t0) {
        long millis = (System.nanoTime() - t0) / 1_000_000;
        if (f != null) {
            return new CellResult(f.status, null, null, f.ename, f.evalue, f.traceback, millis);
        }
        Double number = null;
        if (value != null && value.containsKey(Render.NUMBER)) {
            number = Double.valueOf(value.get(Render.NUMBER));
            value = new LinkedHashMap<>(value);
            value.remove(Render.NUMBER);
        }
        return new CellResult(CellResult.Status.OK, value, number, null, null, List.of(), millis);
    }

    private CellFailure stopFailure(CellRun c) {
        String limit = "the cell ran longer than the " + options.timeoutSeconds() + " s limit (NNLAB_CELL_TIMEOUT)";
        Integer code = session.died() && !c.killed ? session.exitCode() : null;
        if (code != null && code < 128) {
            return CellFailure.simple(CellResult.Status.EXIT, "SystemExit", "System.exit(" + code + ") was called"
                    + " (this JDK cannot keep the session alive); a new Java session was started, so earlier"
                    + " variables are gone: re-run the cells above");
        }
        if (c.killed || session.died()) {
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

    /** The stop button: stops the running cell, killing the student JVM if it does not stop in time. */
    public void interrupt() {
        CellRun c = current;
        if (c != null && c.running) {
            stop(c, false);
        }
    }

    private void stop(CellRun c, boolean timedOut) {
        if (!c.running) {
            return;
        }
        if (timedOut) {
            c.timedOut = true;
        } else {
            c.interrupted = true;
        }
        if (c.inKernel) {
            return;     // a magic's kernel-side work (a download) sees the flag and ends the cell itself
        }
        watchdog.schedule(() -> {
            if (c.running) {
                c.killed = true;
                session.kill();
            }
        }, KILL_AFTER_MILLIS, TimeUnit.MILLISECONDS);
        // JDI calls can block on a wedged JVM: stop from a thread of its own, so the kill above still comes
        JShell s = session.shell();
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

    /**
     * Ends the session, letting the student JVM exit by itself for up to {@code millis} ms before it is killed
     * (it may be writing a class-data-sharing archive, {@link StudentArchive}).
     */
    synchronized void closeGently(long millis) {
        watchdog.shutdownNow();
        session.closeGently(millis);
    }

    /** Ends the session and the student JVM. */
    @Override
    public synchronized void close() {
        watchdog.shutdownNow();
        session.close();
    }

    /**
     * Kills the student JVM at once, without waiting for a running cell (the notebook server is gone and
     * the kernel exits next); unlike {@link #close()} it takes no lock a running cell holds.
     */
    public void kill() {
        watchdog.shutdownNow();
        session.kill();
    }

    /** A fresh session when the student JVM has died; the old snippets' places mean nothing then. */
    private void ensureLive() {
        if (session.died()) {
            session.restart();
            snippets.forget();
        }
    }

    private Assist assist() {
        ensureLive();
        return new Assist(session.shell());
    }

    /** "complete", "incomplete" or "invalid" for Jupyter's is_complete_request. */
    public String isComplete(String cell) {
        touch();
        synchronized (this) {
            return assist().isComplete(cell);
        }
    }

    /** Completions (Tab) at {@code cursor}: replace [start, end) of the cell with one of the matches. */
    public Assist.Completion complete(String cell, int cursor) {
        touch();
        synchronized (this) {
            return assist().complete(cell, cursor);
        }
    }

    /** Signature and first Javadoc sentence of the name at {@code cursor} (Shift-Tab), or null. */
    public String inspect(String cell, int cursor) {
        touch();
        synchronized (this) {
            return assist().inspect(cell, cursor);
        }
    }

    /** Signatures and whole Javadoc of the name at {@code cursor} as {@code text/plain} and {@code text/markdown}, or null. */
    public Map<String, String> inspectFully(String cell, int cursor) {
        touch();
        synchronized (this) {
            return assist().inspectFully(cell, cursor);
        }
    }

    /** Sends the student JVM's output to the running cell, or to the kernel-level listener between cells. */
    private final class Routing implements Session.Output {
        @Override
        public void text(String text, boolean err) {
            Trace.count("text");
            target().text(text, err);
        }

        @Override
        public void frame(Frame frame) {
            if (Trace.ON) {
                Trace.count("frame." + frame.kind().name().toLowerCase(java.util.Locale.ROOT));
            }
            if (frame.kind() != Frame.Kind.RESULT || current != null) {
                target().frame(frame);
            }
        }

        private CellOutput target() {
            CellRun r = current;
            return r != null ? r.out : idle;
        }
    }
}
