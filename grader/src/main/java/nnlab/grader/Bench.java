package nnlab.grader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code bin/bench grade}: grades N copies of one submission with {@code --jobs J}, in the sandbox and
 * without it, back to back (sandbox, none, none, sandbox), and prints submissions per minute and peak resident memory per worker (evaluator
 * JVM plus the student JVM it starts) for each, and how much the sandbox costs.
 *
 * <pre>{@code
 * java -cp ... nnlab.grader.Bench SOURCE.ipynb SUBMISSION.ipynb 40 2
 * grade (sandbox): 40 submissions, 2 jobs, 95.3 s: 25.2 submissions/min; peak memory per worker 251 MiB ...
 * grade (no sandbox): ...
 * grade: with the sandbox 25.2 submissions/min, without 26.0: -3.1 % (target: within 15 %)
 * }</pre>
 */
public final class Bench {

    private Bench() {
    }

    /** Arguments: SOURCE.ipynb SUBMISSION.ipynb [copies=40] [jobs=2] [timeoutSeconds=30]. */
    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length < 2) {
            System.out.println("usage: Bench SOURCE.ipynb SUBMISSION.ipynb [copies=40] [jobs=2] [timeout=30]");
            System.exit(2);
        }
        Path source = Path.of(args[0]);
        Path submission = Path.of(args[1]);
        int copies = args.length > 2 ? Integer.parseInt(args[2]) : 40;
        int jobs = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        int timeout = args.length > 4 ? Integer.parseInt(args[4]) : 30;
        Runner.Options sandboxed = Runner.Options.defaults().withTimeout(timeout);
        // A B B A: the first run also warms the machine's file cache, so each side gets one early and one late run
        double with = grade(source, submission, copies, jobs, sandboxed, "sandbox");
        double without = grade(source, submission, copies, jobs, sandboxed.withoutSandbox(), "no sandbox");
        without += grade(source, submission, copies, jobs, sandboxed.withoutSandbox(), "no sandbox");
        with += grade(source, submission, copies, jobs, sandboxed, "sandbox");
        System.out.printf("grade: with the sandbox %.1f submissions/min, without %.1f (means of two runs each): %+.1f %%"
                + " (target: within 15 %%)%n", with / 2, without / 2, (with / without - 1) * 100);
    }

    /** Grades {@code copies} copies with {@code o}, prints one line, returns submissions per minute. */
    private static double grade(Path source, Path submission, int copies, int jobs, Runner.Options o, String label)
            throws IOException, InterruptedException {
        Path work = Files.createTempDirectory("nnlab-bench-grade-");
        try {
            Path subs = Files.createDirectories(work.resolve("submitted"));
            for (int i = 0; i < copies; i++) {
                Path dir = Files.createDirectories(subs.resolve(String.format("student%03d", i)));
                Files.copy(submission, dir.resolve(source.getFileName()));
            }
            long t0 = System.nanoTime();
            Autograde.Run run = Autograde.run(new Autograde.Settings(source, subs, work.resolve("out"), jobs, o, null,
                    true, null));
            double seconds = (System.nanoTime() - t0) / 1e9;
            List<StudentResult> rs = run.results();
            long failed = rs.stream().filter(StudentResult::failed).count();
            double peak = rs.stream().mapToLong(StudentResult::peakRssBytes).max().orElse(0) / 1048576.0;
            double mean = rs.stream().mapToLong(StudentResult::peakRssBytes).average().orElse(0) / 1048576.0;
            System.out.printf("grade (%s): %d submissions of %s, %d jobs, %.1f s: %.1f submissions/min "
                            + "(target >= 20); peak memory per worker %.0f MiB (mean %.0f MiB); %d failed; "
                            + "mean score %.2f/%s%n", label, rs.size(), run.assignment().name(), jobs, seconds,
                    rs.size() / seconds * 60, peak, mean, failed,
                    rs.stream().mapToDouble(StudentResult::score).average().orElse(0),
                    Scorer.fmt(run.assignment().maxScore()));
            return rs.size() / seconds * 60;
        } finally {
            try (Stream<Path> walk = Files.walk(work)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
