package nnlab.grader;

import com.google.gson.Gson;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a list of cells with the kernel's evaluator ({@code nnlab.kernel.CellRunner}) and guards it: the
 * whole run has a deadline of cells x timeout + margin, after which the process tree is killed and the run
 * reported as failed. Samples the tree's resident memory to report the peak. A plain runner starts a new
 * CellRunner per run; a warm one ({@code new Runner(options, true)}) keeps {@code CellRunner --many}
 * processes ({@link WarmRunner}) so the compiler stays warm. Either way the cells run in a fresh student
 * JVM whose working directory is the run's folder.
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

    /** How to start and limit the evaluator. */
    public record Options(Path java, String kernelClasspath, String userClasspath, List<String> runnerJvmOptions,
                          List<String> userVmOptions, int timeoutSeconds, int maxOutputChars, int marginSeconds) {
        /**
         * The current JVM's java and class path, 30 s per cell, 512 MiB for user code, 20 s margin; C1 only
         * and the serial GC for both JVMs (short-lived: JIT threads would compete with the grading).
         */
        public static Options defaults() {
            return new Options(Path.of(System.getProperty("java.home"), "bin", "java"), defaultClasspath(), null,
                    List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmx256m"),
                    STUDENT_JVM_OPTIONS, 30, 100_000, 20);
        }

        /** A copy with another per-cell timeout. */
        public Options withTimeout(int seconds) {
            return new Options(java, kernelClasspath, userClasspath, runnerJvmOptions, userVmOptions, seconds,
                    maxOutputChars, marginSeconds);
        }

        /** A copy with other options for the JVM that runs user code (e.g. {@code -Xmx256m}). */
        public Options withUserVmOptions(List<String> options) {
            return new Options(java, kernelClasspath, userClasspath, runnerJvmOptions, List.copyOf(options),
                    timeoutSeconds, maxOutputChars, marginSeconds);
        }
    }

    /** What came back: the cells that reported, whether all did, why not, time and peak memory (bytes). */
    public record Outcome(List<CellResult> cells, boolean completed, String failure, long millis, long peakRss) {
    }

    private static final Gson GSON = new Gson();
    /** The only environment variables student code sees, besides NNLAB_* (data limits) and HOME/TMPDIR. */
    private static final java.util.Set<String> KEPT_ENV = java.util.Set.of("PATH", "LANG", "LC_ALL", "TZ",
            "JAVA_HOME");
    /** Evaluator processes still running; killed if the grader itself is stopped (Ctrl-C). */
    private static final java.util.Set<Process> ACTIVE = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> ACTIVE.forEach(Memory::killTree), "grader-cleanup"));
    }

    private final Options options;
    private final boolean warm;
    private final java.util.concurrent.BlockingQueue<WarmRunner> idle = new java.util.concurrent.LinkedBlockingQueue<>();

    /** A runner with these options that starts a new CellRunner JVM for every run. */
    public Runner(Options options) {
        this(options, false);
    }

    /**
     * A runner with these options; when {@code warm}, CellRunner processes ({@code --many}) are kept between
     * runs (one per concurrent caller) so the compiler stays warm: student code still gets a fresh JVM per
     * run. Close a warm runner to end its processes.
     */
    public Runner(Options options, boolean warm) {
        this.options = options;
        this.warm = warm;
    }

    private Outcome runWarm(List<String> cells, Path workDir) throws IOException, InterruptedException {
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

    /** Ends the kept CellRunner processes of a warm runner (nothing to do otherwise). */
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

    /** The command line for {@code cells} cells. */
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

    /**
     * Runs the cells with {@code workDir} as working, home and temp directory and an environment reduced to
     * PATH, LANG, LC_ALL, TZ, JAVA_HOME and NNLAB_*; never throws for student faults. A warm runner hands
     * the cells to an idle {@link WarmRunner} (or starts one); either way they run in a fresh student JVM.
     */
    public Outcome run(List<String> cells, Path workDir) throws IOException, InterruptedException {
        if (warm) {
            return runWarm(cells, workDir);
        }
        Path tmp = Files.createDirectories(workDir.resolve("tmp"));
        List<String> cmd = new ArrayList<>(command());
        int at = cmd.indexOf(MAIN_CLASS) + 1;
        cmd.addAll(at, List.of("--vm-option", "-Djava.io.tmpdir=" + tmp, "--vm-option", "-Duser.home=" + workDir));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile());
        reduceEnvironment(pb.environment(), workDir, tmp);
        long start = System.nanoTime();
        Process p = pb.start();
        ACTIVE.add(p);
        try {
            return watch(p, cells, start);
        } catch (InterruptedException e) {
            Memory.killTree(p);
            throw e;
        } finally {
            ACTIVE.remove(p);
        }
    }

    /** Keeps only PATH, LANG, LC_ALL, TZ, JAVA_HOME and NNLAB_* in {@code env}, with HOME and TMPDIR set. */
    static void reduceEnvironment(Map<String, String> env, Path home, Path tmp) {
        Map<String, String> mine = Map.copyOf(env);
        env.clear();
        mine.forEach((k, v) -> {
            if (KEPT_ENV.contains(k) || k.startsWith("NNLAB_")) {
                env.put(k, v);
            }
        });
        env.put("HOME", home.toString());
        env.put("TMPDIR", tmp.toString());
    }

    private Outcome watch(Process p, List<String> cells, long start) throws InterruptedException {
        List<CellResult> results = Collections.synchronizedList(new ArrayList<>());
        StringBuilder stderr = new StringBuilder();
        Thread out = RunnerStreams.daemon(() -> RunnerStreams.readResults(p.getInputStream(), results));
        Thread err = RunnerStreams.daemon(() -> RunnerStreams.drain(p.getErrorStream(), stderr, 4000));
        byte[] input = GSON.toJson(cells).getBytes(StandardCharsets.UTF_8);
        RunnerStreams.daemon(() -> {
            try (OutputStream in = p.getOutputStream()) {
                in.write(input);
            } catch (IOException e) {
                // the evaluator died before reading its input; the exit code tells why below
            }
        });
        java.util.Set<ProcessHandle> seen = new java.util.HashSet<>();
        long deadline = start + TimeUnit.SECONDS.toNanos((long) cells.size() * options.timeoutSeconds()
                + options.marginSeconds());
        long peak = 0;
        boolean killed = false;
        while (!p.waitFor(200, TimeUnit.MILLISECONDS)) {
            p.toHandle().descendants().forEach(seen::add);
            peak = Math.max(peak, Memory.treeRss(p.toHandle()));
            if (System.nanoTime() > deadline) {
                Memory.killTree(p);
                killed = true;
                break;
            }
        }
        p.waitFor(10, TimeUnit.SECONDS);
        seen.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);   // orphans left behind
        out.join(5000);
        err.join(1000);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        List<CellResult> got = List.copyOf(results);
        String failure = null;
        if (killed) {
            failure = "the evaluator did not finish within " + (cells.size() * options.timeoutSeconds()
                    + options.marginSeconds()) + " s (cells x timeout + margin) and was killed after "
                    + got.size() + " of " + cells.size() + " cells";
        } else if (got.size() < cells.size()) {
            failure = "the evaluator stopped after " + got.size() + " of " + cells.size() + " cells (exit code "
                    + p.exitValue() + ")" + tail(stderr);
        }
        return new Outcome(got, failure == null, failure, millis, peak);
    }

    private static String tail(StringBuilder stderr) {
        synchronized (stderr) {
            String s = stderr.toString().strip();
            if (s.isEmpty()) {
                return "";
            }
            return ": " + (s.length() > 500 ? "..." + s.substring(s.length() - 500) : s);
        }
    }

}
