package nnlab.grader;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The run's outputs: grades.csv with nbgrader's export columns plus one per graded cell, grades.json with
 * everything, and the printed summary (students, mean, min/max, failures by cell).
 *
 * <p>nbgrader's columns: assignment, duedate, timestamp, student_id, last_name, first_name, email, raw_score,
 * late_submission_penalty, score, max_score. Numbers print as Python floats (7.0) as nbgrader's do.
 *
 * <pre>{@code
 * Reports.writeAll(out, assignment, results, null);
 * System.out.print(Reports.summary(assignment, results, millis, 2, 0));
 * }</pre>
 */
public final class Reports {

    /** nbgrader's CSV export columns, in nbgrader's order. */
    public static final List<String> NBGRADER_COLUMNS = List.of("assignment", "duedate", "timestamp", "student_id",
            "last_name", "first_name", "email", "raw_score", "late_submission_penalty", "score", "max_score");

    private Reports() {
    }

    /** Writes grades.csv and grades.json into {@code out}, atomically. */
    public static void writeAll(Path out, Assignment a, List<StudentResult> results, String duedate)
            throws IOException {
        AtomicFiles.write(out.resolve("grades.csv"), csv(a, results, duedate));
        JsonObject all = new JsonObject();
        all.addProperty("assignment", a.name());
        all.addProperty("duedate", duedate);
        all.addProperty("max_score", a.maxScore());
        all.add("students", Autograde.GSON.toJsonTree(results));
        AtomicFiles.write(out.resolve("grades.json"), Autograde.GSON.toJson(all) + "\n");
    }

    /** grades.csv text: nbgrader's columns, then one column per graded cell (its grade_id). */
    public static String csv(Assignment a, List<StudentResult> results, String duedate) {
        StringBuilder b = new StringBuilder();
        List<String> header = new java.util.ArrayList<>(NBGRADER_COLUMNS);
        a.graded().forEach(p -> header.add(p.gradeId()));
        b.append(row(header));
        for (StudentResult r : results) {
            List<String> cols = new java.util.ArrayList<>(List.of(a.name(), duedate == null ? "" : duedate,
                    r.timestamp() == null ? "" : r.timestamp(), r.studentId(), "", "", "", py(r.rawScore()),
                    py(r.penalty()), py(r.score()), py(r.maxScore())));
            for (Assignment.Part p : a.graded()) {
                StudentResult.CellGrade g = r.cell(p.gradeId());
                cols.add(g == null || g.points() == null ? "" : py(g.points()));
            }
            b.append(row(cols));
        }
        return b.toString();
    }

    /** The summary printed after a run. */
    public static String summary(Assignment a, List<StudentResult> results, long millis, int jobs, int resumed) {
        StringBuilder b = new StringBuilder();
        b.append(String.format("Graded %d submissions of %s (max %s points) in %.1f s with %d jobs%s%n",
                results.size(), a.name(), Scorer.fmt(a.maxScore()), millis / 1000.0, jobs,
                resumed > 0 ? " (" + resumed + " reused from an earlier run)" : ""));
        if (results.isEmpty()) {
            return b.toString();
        }
        StudentResult min = results.get(0);
        StudentResult max = results.get(0);
        double sum = 0;
        for (StudentResult r : results) {
            sum += r.score();
            min = r.score() < min.score() ? r : min;
            max = r.score() > max.score() ? r : max;
        }
        b.append(String.format("  mean %.2f, min %.2f (%s), max %.2f (%s)%n", sum / results.size(), min.score(),
                min.studentId(), max.score(), max.studentId()));
        Map<String, Integer> lost = new LinkedHashMap<>();
        a.graded().forEach(p -> lost.put(p.gradeId(), 0));
        for (StudentResult r : results) {
            for (StudentResult.CellGrade g : r.cells()) {
                if (g.points() != null && g.points() < g.maxPoints()) {
                    lost.merge(g.gradeId(), 1, Integer::sum);
                }
            }
        }
        b.append("  failures by cell (students below full points):");
        lost.forEach((id, n) -> b.append(' ').append(id).append(' ').append(n).append('/').append(results.size()));
        b.append('\n');
        long pending = results.stream().flatMap(r -> r.cells().stream()).filter(g -> g.points() == null).count();
        if (pending > 0) {
            b.append("  written answers to grade by hand: ").append(pending).append('\n');
        }
        for (StudentResult r : results) {
            if (r.failed()) {
                b.append("  FAILED ").append(r.studentId()).append(": ").append(r.failure()).append('\n');
            }
        }
        long flagged = results.stream().filter(r -> !r.issues().isEmpty()).count();
        if (flagged > 0) {
            b.append("  ").append(flagged).append(" submissions with notes (tampering, deleted cells, errors): "
                    + "see grades.json or the feedback files\n");
        }
        return b.toString();
    }

    static String py(double x) {
        return Checksum.pythonFloat(x);
    }

    private static String row(List<String> cols) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cols.size(); i++) {
            String c = cols.get(i);
            if (i > 0) {
                b.append(',');
            }
            boolean quote = c.contains(",") || c.contains("\"") || c.contains("\n") || c.contains("\r");
            b.append(quote ? '"' + c.replace("\"", "\"\"") + '"' : c);
        }
        return b.append('\n').toString();
    }
}
