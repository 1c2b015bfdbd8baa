package nnlab.grader;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

/**
 * Grades every submission of an assignment, in parallel, one fresh student JVM per student.
 *
 * <p>Each worker thread keeps one warm evaluator process ({@code CellRunner --many}, see {@link Runner}) and
 * restarts it when it dies or hangs; the student code of every submission runs in a new JVM of its own,
 * in a temporary working folder.
 *
 * <p>Each student's result is written atomically to {@code OUT/results/<student>.json} as soon as it is
 * known, with a fingerprint of the source, the submission and the limits; a re-run reuses results whose
 * fingerprint still matches, so a crash mid-run loses nothing finished. Submissions are only read.
 *
 * <pre>{@code
 * Autograde.Settings s = new Autograde.Settings(source, submitted, out, 2, Runner.Options.defaults(), null, false, System.out);
 * Autograde.Run run = Autograde.run(s);
 * System.out.println(run.results().size() + " graded");
 * }</pre>
 */
public final class Autograde {

    static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls()
            .serializeSpecialFloatingPointValues().create();

    /** What to grade, where to write, how many at once, and the evaluator's limits. */
    public record Settings(Path source, Path submissions, Path out, int jobs, Runner.Options runner, String duedate,
                           boolean force, PrintStream console) {
    }

    /** The outcome of a whole run: the assignment, every student's result, and how many were reused. */
    public record Run(Assignment assignment, List<StudentResult> results, int resumed, long millis) {
    }

    private Autograde() {
    }

    /** Grades all submissions, writes results, feedback, grades.csv and grades.json; returns them. */
    public static Run run(Settings s) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Assignment a = Assignment.load(s.source());
        String sourceHash = sha256(Files.readAllBytes(s.source()));
        List<Submission> subs = Submission.find(s.submissions(), s.source().getFileName().toString());
        Path results = Files.createDirectories(s.out().resolve("results"));
        Files.createDirectories(s.out().resolve("feedback"));
        Seal seal = Seal.load();
        Runner runner = new Runner(s.runner());
        List<StudentResult> done = new ArrayList<>();
        List<Submission> todo = new ArrayList<>();
        for (Submission sub : subs) {
            StudentResult old = s.force() ? null : reusable(results.resolve(fileName(sub.studentId()) + ".json"),
                    fingerprint(sourceHash, sub, s.runner()), seal, s.console());
            if (old != null) {
                done.add(old);
            } else {
                todo.add(sub);
            }
        }
        int resumed = done.size();
        Progress progress = new Progress(todo.size(), resumed, s.console());
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, s.jobs()), r -> {
            Thread t = new Thread(r, "grader-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            ExecutorCompletionService<StudentResult> cs = new ExecutorCompletionService<>(pool);
            for (Submission sub : todo) {
                cs.submit(() -> gradeAndSave(a, sourceHash, sub, runner, s, seal));
            }
            for (int i = 0; i < todo.size(); i++) {
                StudentResult r = cs.take().get();
                done.add(r);
                progress.done(r);
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("grading crashed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
            runner.close();
        }
        progress.finish();
        done.sort(Comparator.comparing(StudentResult::studentId));
        Reports.writeAll(s.out(), a, done, s.duedate());
        return new Run(a, done, resumed, (System.nanoTime() - start) / 1_000_000);
    }

    private static StudentResult gradeAndSave(Assignment a, String sourceHash, Submission sub, Runner runner,
                                              Settings s, Seal seal) throws IOException {
        StudentResult r;
        try {
            r = gradeOne(a, sub, runner, fingerprint(sourceHash, sub, s.runner()));
        } catch (IOException | RuntimeException e) {
            r = failed(a, sub, "grader error: " + e, List.of(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            r = failed(a, sub, "grading was interrupted", List.of(), null);
        }
        AtomicFiles.write(s.out().resolve("feedback").resolve(fileName(sub.studentId()) + ".html"),
                FeedbackHtml.render(a, r));
        Path file = s.out().resolve("results").resolve(fileName(sub.studentId()) + ".json");
        String json = GSON.toJson(r);
        AtomicFiles.write(file, json);
        AtomicFiles.write(sealFile(file), seal.of(json) + "\n");
        return r;
    }

    /** Grades one submission; student faults become a result, never an exception. */
    public static StudentResult gradeOne(Assignment a, Submission sub, Runner runner, String fingerprint)
            throws IOException, InterruptedException {
        List<String> issues = new ArrayList<>(sub.notes());
        if (sub.problem() != null) {
            return failed(a, sub, sub.problem(), issues, fingerprint);
        }
        Notebook nb;
        try {
            nb = Notebook.parse(new String(Files.readAllBytes(sub.notebook()), java.nio.charset.StandardCharsets.UTF_8));
        } catch (NotebookException e) {
            return failed(a, sub, sub.notebook().getFileName() + ": " + e.getMessage(), issues, fingerprint);
        }
        if (nb.kernelName() != null && !"java".equals(nb.kernelName())) {
            issues.add("notebook kernel is '" + nb.kernelName() + "', expected 'java'; graded with Java anyway");
        }
        Merge.Plan plan = Merge.plan(a, nb);
        issues.addAll(plan.issues());
        Path work = Files.createTempDirectory("nnlab-grade-");
        Runner.Outcome outcome;
        try {
            outcome = runner.run(plan.codeCells(), work);
        } finally {
            deleteTree(work);
        }
        List<StudentResult.CellGrade> cells = Scorer.score(a, plan, outcome, runner.options().timeoutSeconds(), issues);
        double raw = cells.stream().mapToDouble(c -> c.points() == null ? 0 : c.points()).sum();
        return new StudentResult(sub.studentId(), sub.notebook().toString(), sub.timestamp(),
                outcome.completed() ? "graded" : "failed", outcome.failure(), raw, 0.0, raw, a.maxScore(), issues,
                cells, outcome.millis(), outcome.peakRss(), fingerprint);
    }

    private static StudentResult failed(Assignment a, Submission sub, String why, List<String> issues, String fp) {
        List<StudentResult.CellGrade> cells = a.graded().stream().map(p -> new StudentResult.CellGrade(p.gradeId(),
                p.kind().name(), 0.0, p.points(), "not run", "not run: " + why, p.releasedText(), null, null, null,
                List.of(), 0)).toList();
        return new StudentResult(sub.studentId(), sub.notebook() == null ? null : sub.notebook().toString(),
                sub.timestamp(), "failed", why, 0.0, 0.0, 0.0, a.maxScore(), issues, cells, 0, 0, fp);
    }

    /**
     * The earlier result in {@code file} when its fingerprint matches and its seal is the grader's; a file
     * whose seal does not match is reported on {@code console} and graded again.
     */
    private static StudentResult reusable(Path file, String fingerprint, Seal seal, PrintStream console) {
        if (fingerprint == null || !Files.isRegularFile(file)) {
            return null;
        }
        try {
            String json = Files.readString(file);
            Path sealed = sealFile(file);
            if (!seal.matches(json, Files.isRegularFile(sealed) ? Files.readString(sealed) : null)) {
                if (console != null) {
                    console.println("results/" + file.getFileName() + " does not match the grader's record (HMAC in "
                            + sealed.getFileName() + "): it was changed outside the grader; grading it again");
                }
                return null;
            }
            StudentResult r = GSON.fromJson(json, StudentResult.class);
            return r != null && fingerprint.equals(r.fingerprint()) ? r : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** {@code results/<student>.json.hmac}: the seal of a results file. */
    static Path sealFile(Path results) {
        return results.resolveSibling(results.getFileName() + ".hmac");
    }

    /** Same source, same submission bytes, same limits and sandbox or not give the same fingerprint. */
    static String fingerprint(String sourceHash, Submission sub, Runner.Options o) throws IOException {
        if (sub.notebook() == null) {
            return null;
        }
        return sha256((sourceHash + "|" + sha256(Files.readAllBytes(sub.notebook())) + "|" + sub.timestamp() + "|"
                + o.timeoutSeconds() + "|" + o.userVmOptions() + "|" + o.maxOutputChars() + "|" + o.sandboxed()).getBytes());
    }

    /** A student id made safe as a file name; a changed id gets a short hash so two ids never collide. */
    static String fileName(String studentId) {
        String safe = studentId.replaceAll("[^A-Za-z0-9._-]", "_");
        return safe.equals(studentId) && !safe.startsWith(".") ? safe
                : safe + "-" + sha256(studentId.getBytes(java.nio.charset.StandardCharsets.UTF_8)).substring(0, 8);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a student's file that cannot be removed stays in the temp folder; grading goes on
        }
    }
}
