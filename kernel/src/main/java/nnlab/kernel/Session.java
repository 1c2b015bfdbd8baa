package nnlab.kernel;

import java.io.File;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import jdk.jshell.JShell;
import jdk.jshell.PersistentSnippet;
import jdk.jshell.SnippetEvent;
import nnlab.kernel.agent.Frame;

/**
 * The life of a notebook session: one JShell whose snippets run in a student JVM, restarted when that JVM dies.
 *
 * <p>Owns what outlives a cell: the JVM-flag policy ({@link #studentJvmOptions}), the start-up imports
 * (kernel-lib's packages, {@link KernelLibPackages}), IJava's {@code display}/{@code updateDisplay}
 * helpers, the agent's installation, class path entries added by {@code %classpath}/{@code %jars} (kept
 * across restarts) and the student JVM's {@link Process}. The JVM's stdout and stderr go to the
 * {@link Output} given at construction (the evaluator routes them to the running cell or to its
 * kernel-level listener). Running cells is {@link Evaluator}'s part.
 *
 * <pre>{@code
 * Session s = new Session(options, output);   // the student JVM starts now
 * s.hidden("nnlab.kernel.agent.Agent.flush()");
 * s.close();
 * }</pre>
 */
final class Session implements AutoCloseable {

    /** Receives what the student JVM prints and sends. */
    interface Output {
        /** Text printed to stdout ({@code err} false) or stderr. */
        void text(String text, boolean err);

        /** A display, update, result, comm or clear {@link Frame}. */
        void frame(Frame frame);
    }

    /**
     * C2 (the optimising compiler) only for code ten times hotter than the JVM's default asks. During lesson 01's
     * Run All the student JVM spent 1.8 s of CPU in C2 compiling Java2D's Marlin rasterizer, java.awt.geom and
     * ImageIO for five charts, beside 1.1 s running the cells, on a machine whose 2 cores the kernel's compiler
     * needs too; with these thresholds its CPU fell by 0.8 s (3.0 s instead of 3.8 s), while training loops, hot
     * within milliseconds, still get C2: lesson 06's student JVM CPU stayed at 20.3-20.7 s.
     */
    static final List<String> C2_LATER = List.of("-XX:Tier4InvocationThreshold=50000", "-XX:Tier4MinInvocationThreshold=6000",
            "-XX:Tier4CompileThreshold=150000", "-XX:Tier4BackEdgeThreshold=400000");

    /**
     * G1 collects and returns unused heap to the system when the student JVM has had no collection for 30 s, that
     * is, while the student reads after a cell that made a lot of garbage (training a network); G1 otherwise keeps
     * the grown heap for the session's life. A cell that keeps allocating is not touched: collections keep
     * happening there. (At start the warm-up collects once itself, {@link nnlab.kernel.agent.Warmup}.) A shorter
     * interval fell inside lesson 01's Run All when the student pressed it a few seconds after opening the lesson,
     * and the heap shrunk under the running cells had to grow again.
     */
    static final List<String> GIVE_BACK_IDLE_MEMORY = List.of("-XX:G1PeriodicGCInterval=30000");

    /** IJava's default imports (those of the jshell tool's DEFAULT start-up). */
    private static final List<String> JAVA_IMPORTS = List.of("java.util", "java.io", "java.util.stream", "java.util.function",
            "java.math", "java.net", "java.nio.file", "java.util.concurrent", "java.util.prefs", "java.util.regex");

    private final Evaluator.Options options;
    private final Output output;
    private final CallChannel calls;
    private final List<String> addedClasspath = new ArrayList<>();
    private volatile JShell shell;
    private volatile boolean died;
    private volatile Process process;
    private volatile DeferredControl control;
    private boolean exitGuarded;

    /** Starts the session: the student JVM starts at once, confined as {@code options} say. */
    Session(Evaluator.Options options, Output output) {
        this(options, output, request -> new Object[] {"error", "calls into the kernel are not served here"});
    }

    /** A session whose running cells' calls into the kernel ({@code eval}, {@code lineMagic}) {@code calls} handles. */
    Session(Evaluator.Options options, Output output, CallChannel.Handler calls) {
        this.options = options;
        this.output = output;
        this.calls = new CallChannel(calls);
        start();
    }

    /**
     * Options of every student JVM: headless AWT and UTF-8 streams, the security manager allowed where the
     * JDK still has one (the {@code System.exit} guard), the Vector API module and transparent huge pages
     * (training speed, {@code bin/bench mlp}), C2 for hot code only ({@link #C2_LATER}), the class-data-sharing
     * archive ({@link #archiveOptions}), then the class path and {@code options.vmOptions()} (given later, so
     * they win).
     */
    static List<String> studentJvmOptions(Evaluator.Options options) {
        List<String> vm = new ArrayList<>(List.of("-Djava.awt.headless=true", "-Dfile.encoding=UTF-8",
                "-Dsun.stdout.encoding=UTF-8", "-Dsun.stderr.encoding=UTF-8", "-Dstdout.encoding=UTF-8",
                "-Dstderr.encoding=UTF-8", "--class-path", String.join(File.pathSeparator, options.classpath())));
        if (Runtime.version().feature() < 24) {
            vm.add("-Djava.security.manager=allow");
        }
        // nnlab's tanh runs on the Vector API when the module is there (nnlab.tensor.Kernels; the JVM's
        // "incubator modules" warning goes to the student JVM's own stderr, which nobody reads), and
        // transparent huge pages spare the TLB misses of gathering batches from a large dataset, as
        // NumPy's large arrays get them.
        vm.add("--add-modules=jdk.incubator.vector");
        vm.add("-XX:+UseTransparentHugePages");
        vm.addAll(C2_LATER);
        vm.addAll(GIVE_BACK_IDLE_MEMORY);
        vm.addAll(archiveOptions());
        vm.addAll(options.vmOptions());
        return vm;
    }

    /**
     * The student JVM's class-data-sharing archive ({@link StudentArchive}), when the kernel was started with
     * {@code -Dnnlab.studentArchive=FILE} and the file is there: its classes come pre-parsed and pre-verified (in
     * lesson 01, 1,213 classes from it; 7 of the JDK's and the jars' were left to load). The JVM ignores, without a word,
     * an archive made for other jars or another JDK ({@code -Xlog:cds=off}).
     */
    static List<String> archiveOptions() {
        String file = System.getProperty("nnlab.studentArchive", "");
        if (file.isBlank() || !java.nio.file.Files.isRegularFile(java.nio.file.Path.of(file))) {
            return List.of();
        }
        return List.of("-XX:SharedArchiveFile=" + file, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    }

    /** Packages every session imports: kernel-lib's, then IJava's (java.util, java.io, java.math, java.net, ...). */
    static List<String> imports() {
        List<String> all = new ArrayList<>(KernelLibPackages.find());
        all.addAll(JAVA_IMPORTS);
        return all;
    }

    private void start() {
        long t0 = System.nanoTime();
        RemoteStream out = new RemoteStream(t -> output.text(t, false), output::frame, t -> output.text(t, true));
        RemoteStream err = new RemoteStream(t -> output.text(t, true), null, null);
        StudentJvm.Provider provider = new StudentJvm.Provider(options.confinement(), calls);
        JShell s = JShell.builder()
                .out(new PrintStream(out, true, StandardCharsets.UTF_8))
                .err(new PrintStream(err, true, StandardCharsets.UTF_8))
                .in(InputStream.nullInputStream())
                .executionEngine(provider, Map.of())
                .remoteVMOptions(studentJvmOptions(options).toArray(String[]::new))
                .build();     // the student JVM starts now, on a thread of its own (StudentJvm.Provider)
        // the compiler's class path; a --class-path compiler option would hide later %classpath entries
        s.addToClasspath(String.join(File.pathSeparator, options.classpath()));
        s.onShutdown(x -> {
            if (x == shell) {
                died = true;
            }
        });
        shell = s;
        control = provider.control();
        died = false;
        try (var t = Trace.span("start.imports")) {          // compiled while the student JVM starts
            for (String pkg : imports()) {
                s.eval("import " + pkg + ".*;");
            }
            s.eval("import static nnlab.kernel.agent.Functions.*;");     // display, updateDisplay, printf
        }
        try (var t = Trace.span("start.wait")) {
            provider.control().await();
        } catch (IllegalStateException e) {
            shell = null;
            s.close();
            throw e;
        } finally {
            process = provider.process;
        }
        String info;
        try (var t = Trace.span("start.agent")) {
            info = hidden("nnlab.kernel.agent.Agent.install()");
        }
        if (info == null) {
            throw new IllegalStateException("the student JVM did not start: check the class path "
                    + options.classpath() + " and JVM options " + options.vmOptions());
        }
        exitGuarded = Boolean.parseBoolean(info);
        for (String cp : addedClasspath) {
            s.addToClasspath(cp);
        }
        Trace.cell(0, t0);
    }

    /**
     * Off unless {@code -Dnnlab.renderAsItRuns=true} is given to the kernel JVM: in the image's JDK (17.0.21) every
     * student JVM died at the first cell when it was on, while this machine's 17.0.15 ran it; the cause is not found
     * yet, and the value is then rendered by a second snippet, as before.
     */
    private final boolean renderAsItRuns = Boolean.getBoolean("nnlab.renderAsItRuns");

    /**
     * Asks the student JVM to render the value of the next snippet it runs, as it runs it, and send it as a result
     * frame ({@link nnlab.kernel.agent.RemoteAgent#RENDER_NEXT}); {@code false} takes that back. Returns false, asking
     * nothing, for code a running cell evaluates ({@code eval}, {@code cellMagic}): the student JVM's command loop is
     * busy with that cell, and its snippets go through the call channel ({@link CallChannel#routing}).
     */
    boolean renderNext(boolean on) {
        if (!renderAsItRuns || calls.routing()) {
            return false;
        }
        try {
            control.extensionCommand(nnlab.kernel.agent.RemoteAgent.RENDER_NEXT, on);
            return true;
        } catch (jdk.jshell.spi.ExecutionControl.ExecutionControlException e) {
            throw new IllegalStateException("the student JVM did not take the rendering request: " + e.getMessage(), e);
        }
    }

    /** The student JVM's side of JShell (dry while the compiler warms up; {@link DeferredControl#dry}). */
    DeferredControl control() {
        return control;
    }

    /** The JShell (it fails with IllegalStateException once the student JVM has died; see {@link #died()}). */
    JShell shell() {
        return shell;
    }

    /** True once the student JVM has ended; {@link #restart()} starts a new one. */
    boolean died() {
        return died || shell == null;
    }

    /** Records that the student JVM is gone (JShell said so by throwing). */
    void markDied() {
        died = true;
    }

    /** True when {@code System.exit} in a cell is turned into an error instead of ending the JVM. */
    boolean exitGuarded() {
        return exitGuarded;
    }

    /**
     * Evaluates {@code code} and drops every declaration it made (the temporary variable of an
     * expression included), so the student's session sees nothing of it; returns JShell's events.
     */
    List<SnippetEvent> evalHidden(String code) {
        JShell s = shell;
        List<SnippetEvent> events = s.eval(code);
        for (SnippetEvent e : events) {
            if (e.causeSnippet() == null && e.snippet() instanceof PersistentSnippet p && s.status(p).isActive()) {
                s.drop(p);
            }
        }
        return events;
    }

    /** Evaluates an expression without leaving a snippet behind; returns its value string, or null on failure. */
    String hidden(String expression) {
        for (SnippetEvent e : evalHidden(expression)) {
            if (e.causeSnippet() == null) {
                return e.exception() == null ? e.value() : null;
            }
        }
        return null;
    }

    /** A fresh student JVM and JShell; earlier definitions are gone, added class path entries are kept. */
    void restart() {
        JShell old = shell;
        if (old != null) {
            try {
                old.close();
            } catch (RuntimeException ignored) {
                // already dead
            }
        }
        kill();
        start();
    }

    /** Adds a class path entry for the compiler and the student JVM (kept across restarts). */
    void addToClasspath(String path) {
        shell.addToClasspath(path);
        addedClasspath.add(path);
    }

    /** The class path of compiler and student JVM: the options' entries, then those added. */
    List<String> classpath() {
        List<String> all = new ArrayList<>(options.classpath());
        all.addAll(addedClasspath);
        return all;
    }

    /** Exit code of the student JVM once it has ended (waits up to 2 s), else null. */
    Integer exitCode() {
        Process p = process;
        if (p == null) {
            return null;
        }
        try {
            return p.onExit().get(2, TimeUnit.SECONDS).exitValue();
        } catch (ExecutionException | TimeoutException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Kills the student JVM at once (its Process object, never a bare pid the OS may have reused). */
    void kill() {
        Process p = process;
        if (p != null && p.isAlive()) {
            // Wait until it and what it started (a sandbox's JVM) are gone, so that nothing still writes into
            // the session's folder once close() returns (a caller may delete it next).
            List<ProcessHandle> started = p.descendants().toList();
            p.destroyForcibly();
            started.forEach(ProcessHandle::destroyForcibly);
            try {
                p.waitFor(2, TimeUnit.SECONDS);
                for (ProcessHandle h : started) {
                    h.onExit().get(2, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                // it will still go; the caller has done what it can
            }
        }
    }

    /**
     * Ends JShell, asks the student JVM to exit (SIGTERM: it runs its exit sequence) and waits up to {@code millis}
     * ms for it before killing it.
     */
    void closeGently(long millis) {
        Process p = process;
        JShell s = shell;
        shell = null;
        if (s != null) {
            try {
                s.close();
                if (p != null) {
                    p.destroy();
                    p.waitFor(millis, TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException ignored) {
                // closing a dead session
            }
        }
        kill();
    }

    /** Ends JShell and the student JVM. */
    @Override
    public void close() {
        calls.close();
        JShell s = shell;
        shell = null;
        if (s != null) {
            try {
                s.close();
            } catch (RuntimeException ignored) {
                // closing a dead session
            }
        }
        kill();
    }
}
