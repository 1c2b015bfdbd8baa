package nnlab.grader;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One {@code CellRunner --many} process that grades submissions one after another, so the compiler JVM
 * stays warm; every submission still runs in a fresh student JVM (CellRunner starts a new evaluator per
 * request) whose working directory is that submission's temporary folder.
 *
 * <p>Each submission is watched by a {@link Guard}: a deadline of cells x timeout + margin, after which
 * the whole process tree is killed; processes the student code started are killed when the submission
 * ends. A killed or dead process is not used again: the owner ({@link Runner}) starts a new one.
 *
 * <pre>{@code
 * WarmRunner w = WarmRunner.start(options, runnerDir);
 * Runner.Outcome o = w.run(List.of("int x = 1;", "x + 1"), workDir);
 * w.close();
 * }</pre>
 */
final class WarmRunner implements AutoCloseable {

    private static final Gson GSON = new Gson();
    private static final String EOF = "\u0000eof";

    private final Runner.Options options;
    private final Process process;
    private final Path home;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final StringBuilder stderr = new StringBuilder();
    private final OutputStream stdin;
    private final Thread stderrReader;
    private boolean broken;

    private WarmRunner(Runner.Options options, Process process, Path home) {
        this.options = options;
        this.process = process;
        this.home = home;
        this.stdin = process.getOutputStream();
        RunnerStreams.daemon(this::readLines);
        this.stderrReader = RunnerStreams.daemon(() -> RunnerStreams.drain(process.getErrorStream(), stderr, 4000));
    }

    /**
     * Starts {@code CellRunner --many} in a folder of its own, with the environment its student JVMs get
     * (the options' {@link nnlab.kernel.Confinement}): what a student reads from its parent's
     * {@code /proc/PID/environ} is no more than what it already has.
     */
    static WarmRunner start(Runner.Options options, List<String> command) throws IOException {
        Path home = Files.createTempDirectory("nnlab-grade-runner-");
        List<String> cmd = new ArrayList<>(command);
        cmd.add("--many");
        ProcessBuilder pb = new ProcessBuilder(cmd);
        options.confinement().inDir(home).applyTo(pb);
        return new WarmRunner(options, pb.start(), home);
    }

    /** True while this process can take another submission. */
    boolean usable() {
        return !broken && process.isAlive();
    }

    /** The process, for the grader's clean-up on Ctrl-C. */
    Process process() {
        return process;
    }

    /**
     * Runs one submission's cells in a student JVM confined to {@code workDir} (working, home and temp
     * folder; environment and launcher as the options' confinement says).
     */
    Runner.Outcome run(List<String> cells, Path workDir) throws IOException, InterruptedException {
        Guard guard = new Guard(process, cells.size(), options);
        synchronized (stderr) {
            stderr.setLength(0);
        }
        send(cells, workDir);
        List<CellResult> got = new ArrayList<>();
        String failure = null;
        while (true) {
            String line = lines.poll(200, TimeUnit.MILLISECONDS);
            boolean late = guard.sample();
            if (line == null && late) {
                broken = true;
                guard.kill();
                failure = guard.deadlineFailure(got.size());
                break;
            }
            if (line == EOF) {
                broken = true;
                process.waitFor(10, TimeUnit.SECONDS);
                stderrReader.join(1000);
                failure = guard.stoppedFailure(got.size(), guard.exitReason(stderr));
                break;
            }
            JsonObject o = line == null ? null : parse(line);
            if (o != null && o.has("end")) {
                failure = !o.get("error").isJsonNull() ? o.get("error").getAsString()
                        : got.size() < cells.size() ? guard.stoppedFailure(got.size(), "") : null;
                break;
            }
            addResult(o, got);
        }
        return guard.outcome(got, failure);
    }

    /** Writes the request line; a process that died before it is noticed by {@link #run}'s loop. */
    private void send(List<String> cells, Path workDir) {
        JsonObject req = new JsonObject();
        req.add("cells", GSON.toJsonTree(cells));
        options.confinement().inDir(workDir).writeTo(req);
        try {
            stdin.write((GSON.toJson(req) + "\n").getBytes(StandardCharsets.UTF_8));
            stdin.flush();
        } catch (IOException e) {
            broken = true;    // died before this submission: the loop reports the exit code
        }
    }

    private static JsonObject parse(String line) {
        if (!line.strip().startsWith("{")) {
            return null;
        }
        try {
            return JsonParser.parseString(line.strip()).getAsJsonObject();
        } catch (RuntimeException e) {
            return null;   // not one of the evaluator's lines
        }
    }

    private static void addResult(JsonObject o, List<CellResult> got) {
        if (o == null) {
            return;
        }
        try {
            CellResult cell = CellResult.parse(o);
            if (cell.cell() == got.size()) {     // results come in cell order, each once
                got.add(cell);
            }
        } catch (RuntimeException e) {
            // not a result line: ignore it
        }
    }

    private void readLines() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                lines.add(line);
            }
        } catch (IOException e) {
            // the process was killed
        } finally {
            lines.add(EOF);
        }
    }

    /** Ends the process (closing its input lets it exit by itself; then it is killed) and removes its folder. */
    @Override
    public void close() {
        try {
            stdin.close();
            if (!process.waitFor(3, TimeUnit.SECONDS)) {
                Memory.killTree(process);
            }
        } catch (IOException e) {
            Memory.killTree(process);
        } catch (InterruptedException e) {
            Memory.killTree(process);
            Thread.currentThread().interrupt();
        }
        try {
            Autograde.deleteTree(home);
        } catch (IOException e) {
            // a folder left in the system temp directory; grading goes on
        }
    }
}
