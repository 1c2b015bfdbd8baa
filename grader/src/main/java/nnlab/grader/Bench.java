package nnlab.grader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code bin/bench grade}: grades N copies of one submission with {@code --jobs J} and prints submissions
 * per minute and peak resident memory per worker (evaluator JVM plus the student JVM it starts).
 *
 * <pre>{@code
 * java -cp ... nnlab.grader.Bench SOURCE.ipynb SUBMISSION.ipynb 40 2
 * grade: 40 submissions, 2 jobs, 95.3 s: 25.2 submissions/min; peak memory per worker 251 MiB (mean 243 MiB)
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
        Path work = Files.createTempDirectory("nnlab-bench-grade-");
        try {
            Path subs = Files.createDirectories(work.resolve("submitted"));
            for (int i = 0; i < copies; i++) {
                Path dir = Files.createDirectories(subs.resolve(String.format("student%03d", i)));
                Files.copy(submission, dir.resolve(source.getFileName()));
            }
            Runner.Options o = Runner.Options.defaults().withTimeout(timeout);
            long t0 = System.nanoTime();
            Autograde.Run run = Autograde.run(new Autograde.Settings(source, subs, work.resolve("out"), jobs, o, null,
                    true, null));
            double seconds = (System.nanoTime() - t0) / 1e9;
            List<StudentResult> rs = run.results();
            long failed = rs.stream().filter(StudentResult::failed).count();
            double peak = rs.stream().mapToLong(StudentResult::peakRssBytes).max().orElse(0) / 1048576.0;
            double mean = rs.stream().mapToLong(StudentResult::peakRssBytes).average().orElse(0) / 1048576.0;
            System.out.printf("grade: %d submissions of %s, %d jobs, %.1f s: %.1f submissions/min "
                            + "(target >= 20); peak memory per worker %.0f MiB (mean %.0f MiB); %d failed; "
                            + "mean score %.2f/%s%n", rs.size(), run.assignment().name(), jobs, seconds,
                    rs.size() / seconds * 60, peak, mean, failed,
                    rs.stream().mapToDouble(StudentResult::score).average().orElse(0),
                    Scorer.fmt(run.assignment().maxScore()));
        } finally {
            try (Stream<Path> walk = Files.walk(work)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
