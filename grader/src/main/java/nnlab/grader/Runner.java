package nnlab.grader;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nnlab.kernel.Confinement;
import nnlab.kernel.Sandbox;

/**
 * Runs a list of cells with the kernel's evaluator ({@code nnlab.kernel.CellRunner --many}) and guards it:
 * the whole run has a deadline of cells x timeout + margin, after which the process tree is killed and the
 * run reported as failed; the tree's resident memory is sampled to report the peak ({@link Guard}). The
 * runner keeps one CellRunner process per concurrent caller ({@link WarmRunner}) so the compiler stays
 * warm; the cells of every run go to a fresh student JVM confined to the run's folder
 * ({@link Options#confinement()}: folder, environment allow-list, launcher prefix).
 *
 * <pre>{@code
 * Runner runner = new Runner(Runner.Options.defaults());
 * Runner.Outcome out = runner.run(List.of("int x = 1;", "x + 1"), workDir);
 * out.cells().get(1).value();   // "2"
 * }</pre>
 */
public final class Runner implements AutoCloseable {

    /** The evaluator's main class (module kernel). */
    public static final String MAIN_CLASS = "nnlab.kernel.CellRunner";

    /**
     * Options of the student JVM besides the heap cap: C1 only, since grading runs are short (notebook 04
     * in full: 11.0 s with C1, 15.8 s with C2 on 2 cores), and the serial GC.
     */
    static final List<String> STUDENT_JVM_OPTIONS = List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    /**
     * How to start and limit the evaluator.
     *
     * @param confinement how every student JVM is confined; its {@code dir} is set per run
     *                    ({@link Confinement#GRADER}: a reduced environment; {@link Sandbox#GRADER}: the
     *                    bubblewrap sandbox and its limits)
     */
    public record Options(Path java, String kernelClasspath, String userClasspath, List<String> runnerJvmOptions,
                          List<String> userVmOptions, int timeoutSeconds, int maxOutputChars, int marginSeconds,
                          Confinement confinement) {
        /**
         * The current JVM's java and class path, 30 s per cell, 512 MiB for user code, 20 s margin; C1 only
         * and the serial GC for both JVMs (short-lived: JIT threads would compete with the grading); the
         * grader's confinement (PATH, LANG, LC_ALL, TZ, JAVA_HOME and NNLAB_* only) in the grader's
         * {@link Sandbox} ({@link #withoutSandbox} for none).
         */
        public static Options defaults() {
            return new Options(Path.of(System.getProperty("java.home"), "bin", "java"), defaultClasspath(), null,
                    List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmx256m"),
                    STUDENT_JVM_OPTIONS, 30, 100_000, 20, Confinement.GRADER.withSandbox(Sandbox.GRADER));
        }

        /** A copy whose student JVMs run without the sandbox (only the reduced environment and own folder). */
        public Options withoutSandbox() {
            return withConfinement(confinement.withSandbox(null));
        }

        /** True when student JVMs run in the sandbox. */
        public boolean sandboxed() {
            return confinement.sandbox() != null;
        }

        /** A copy with another per-cell timeout. */
        public Options withTimeout(int seconds) {
            return new Options(java, kernelClasspath, userClasspath, runnerJvmOptions, userVmOptions, seconds,
                    maxOutputChars, marginSeconds, confinement);
        }

        /** A copy with other options for the JVM that runs user code (e.g. {@code -Xmx256m}). */
        public Options withUserVmOptions(List<String> options) {
            return new Options(java, kernelClasspath, userClasspath, runnerJvmOptions, List.copyOf(options),
                    timeoutSeconds, maxOutputChars, marginSeconds, confinement);
        }

        /** A copy whose student JVMs are confined as {@code c} says (e.g. with a sandbox launcher). */
        public Options withConfinement(Confinement c) {
            return new Options(java, kernelClasspath, userClasspath, runnerJvmOptions, userVmOptions,
                    timeoutSeconds, maxOutputChars, marginSeconds, c);
        }
    }

    /** What came back: the cells that reported, whether all did, why not, time and peak memory (bytes). */
    public record Outcome(List<CellResult> cells, boolean completed, String failure, long millis, long peakRss) {
    }

    /** Evaluator processes still running; killed if the grader itself is stopped (Ctrl-C). */
    private static final java.util.Set<Process> ACTIVE = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> ACTIVE.forEach(Memory::killTree), "grader-cleanup"));
    }

    private final Options options;
    private final java.util.concurrent.BlockingQueue<WarmRunner> idle = new java.util.concurrent.LinkedBlockingQueue<>();

    /**
     * A runner with these options. CellRunner processes ({@code --many}) are kept between runs (one per
     * concurrent caller) so the compiler stays warm: student code still gets a fresh JVM per run. Close
     * the runner to end its processes.
     */
    public Runner(Options options) {
        this.options = options;
    }

    /**
     * Runs the cells in a fresh student JVM confined to {@code workDir} (working, home and temp folder; the
     * environment and launcher of the options' confinement); never throws for student faults. The cells go
     * to an idle {@link WarmRunner}, or a new one.
     */
    public Outcome run(List<String> cells, Path workDir) throws IOException, InterruptedException {
        WarmRunner w = idle.poll();
        while (w != null && !w.usable()) {
            w.close();
            w = idle.poll();
        }
        if (w == null) {
            w = WarmRunner.start(options, command());
        }
        ACTIVE.add(w.process());
        try {
            return w.run(cells, workDir);
        } catch (InterruptedException | IOException | RuntimeException e) {
            Memory.killTree(w.process());
            throw e;
        } finally {
            ACTIVE.remove(w.process());
            if (w.usable()) {
                idle.add(w);
            } else {
                w.close();
            }
        }
    }

    /** Ends the kept CellRunner processes. */
    @Override
    public void close() {
        for (WarmRunner w = idle.poll(); w != null; w = idle.poll()) {
            w.close();
        }
    }

    /** The options in use. */
    public Options options() {
        return options;
    }

    /**
     * The class path for CellRunner: {@code -Dnnlab.kernel.classpath} if set, else this JVM's class path
     * without the grader itself, picocli and test libraries (student code gets CellRunner's class path).
     */
    static String defaultClasspath() {
        String explicit = System.getProperty("nnlab.kernel.classpath");
        if (explicit != null && !explicit.isBlank()) {
            return explicit;
        }
        String self = "";
        try {
            self = Path.of(Runner.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (Exception e) {
            // unknown location: nothing to leave out
        }
        String selfTests = self.endsWith("classes") ? self.substring(0, self.length() - 7) + "test-classes" : self;
        List<String> keep = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            String name = Path.of(entry).getFileName() == null ? entry : Path.of(entry).getFileName().toString();
            boolean grader = entry.equals(self) || entry.equals(selfTests);
            boolean tooling = name.startsWith("picocli") || name.startsWith("junit-") || name.startsWith("opentest4j")
                    || name.startsWith("apiguardian") || name.startsWith("surefire");
            if (!entry.isEmpty() && !grader && !tooling) {
                keep.add(entry);
            }
        }
        return String.join(java.io.File.pathSeparator, keep);
    }

    /** The command line of a CellRunner process (WarmRunner adds {@code --many}). */
    List<String> command() {
        List<String> cmd = new ArrayList<>();
        cmd.add(options.java().toString());
        cmd.addAll(options.runnerJvmOptions());
        cmd.add("-cp");
        cmd.add(options.kernelClasspath());
        cmd.add(MAIN_CLASS);
        cmd.add("--timeout-seconds");
        cmd.add(Integer.toString(options.timeoutSeconds()));
        cmd.add("--max-output-chars");
        cmd.add(Integer.toString(options.maxOutputChars()));
        for (String opt : options.userVmOptions()) {
            cmd.add("--vm-option");
            cmd.add(opt);
        }
        if (options.userClasspath() != null) {
            cmd.add("--classpath");
            cmd.add(options.userClasspath());
        }
        return cmd;
    }
}
