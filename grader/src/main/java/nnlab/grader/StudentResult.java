package nnlab.grader;

import java.util.List;

/**
 * Everything grading found for one student; stored as {@code results/<student>.json} and in the summary JSON.
 *
 * <p>{@code status} is "graded" or "failed" (no usable notebook, or the evaluator died or hung as a whole);
 * {@code failure} says why. Scores follow nbgrader: {@code score = max(0, rawScore - penalty)}.
 *
 * <pre>{@code
 * StudentResult r = Autograde.gradeOne(assignment, submission, runner, null);
 * System.out.println(r.studentId() + " " + r.score() + "/" + r.maxScore());
 * r.cells().forEach(c -> System.out.println(c.gradeId() + " " + c.points() + " " + c.message()));
 * }</pre>
 */
public record StudentResult(String studentId, String notebook, String timestamp, String status, String failure,
                            double rawScore, double penalty, double score, double maxScore, List<String> issues,
                            List<CellGrade> cells, long millis, long peakRssBytes, String fingerprint) {

    /** One graded cell: points earned (null while waiting for a hand grade), why, and what it printed. */
    public record CellGrade(String gradeId, String kind, Double points, double maxPoints, String status,
                            String message, String source, String value, String stdout, String stderr,
                            List<String> traceback, long millis) {
    }

    /** True when the submission could not be graded normally. */
    public boolean failed() {
        return "failed".equals(status);
    }

    /** The cell grade with this grade_id, or null. */
    public CellGrade cell(String gradeId) {
        return cells.stream().filter(c -> c.gradeId().equals(gradeId)).findFirst().orElse(null);
    }
}
