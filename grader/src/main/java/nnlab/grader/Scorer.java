package nnlab.grader;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the evaluator's per-cell results into points, nbgrader's way.
 *
 * <p>A test cell (or graded solution cell) earns its points when it runs without an exception; when its
 * last expression is a number in [0, points] that number is the partial credit (above: full points, below
 * zero or NaN: none). Stderr alone does not fail a cell. Errors, timeouts, System.exit and crashes earn 0 and the
 * message says why. Written answers: 0 when left as released, otherwise waiting for a hand grade (null).
 *
 * <pre>{@code
 * List<StudentResult.CellGrade> grades = Scorer.score(assignment, plan, outcome, 30, issues);
 * double total = grades.stream().mapToDouble(g -> g.points() == null ? 0 : g.points()).sum();
 * }</pre>
 */
public final class Scorer {

    static final int MAX_TEXT = 20_000;

    private Scorer() {
    }

    /** Scores every graded part; failed non-graded cells are added to {@code issues}. */
    public static List<StudentResult.CellGrade> score(Assignment a, Merge.Plan plan, Runner.Outcome outcome,
                                                      int timeoutSeconds, List<String> issues) {
        Map<Integer, CellResult> byCell = new HashMap<>();
        outcome.cells().forEach(r -> byCell.put(r.cell(), r));
        noteOtherFailures(a, plan, byCell, timeoutSeconds, issues);
        List<StudentResult.CellGrade> grades = new ArrayList<>();
        for (Assignment.Part p : a.graded()) {
            if (p.kind() == Assignment.Kind.MANUAL) {
                grades.add(manual(p, plan.answers().get(p.gradeId())));
                continue;
            }
            int idx = plan.codeIndex(p.gradeId());
            String shown = p.kind() == Assignment.Kind.TEST ? p.releasedText() : plan.codeCells().get(idx);
            CellResult r = byCell.get(idx);
            if (r == null) {
                String why = outcome.failure() == null ? "not run" : "not run: " + outcome.failure();
                grades.add(new StudentResult.CellGrade(p.gradeId(), p.kind().name(), 0.0, p.points(), "not run", why,
                        shown, null, null, null, List.of(), 0));
                continue;
            }
            double points = r.ok() ? earned(r, p.points()) : 0.0;
            grades.add(new StudentResult.CellGrade(p.gradeId(), p.kind().name(), points, p.points(), r.status(),
                    message(r, points, p.points(), timeoutSeconds), shown, cap(r.value()), cap(r.stdout()),
                    cap(r.stderr()), r.traceback().stream().limit(40).map(Scorer::cap).toList(), r.millis()));
        }
        return grades;
    }

    private static double earned(CellResult r, double max) {
        if (r.number() == null) {
            return max;
        }
        if (r.number().isNaN()) {
            return 0.0;
        }
        return Math.max(0.0, Math.min(max, r.number()));
    }

    static String message(CellResult r, double points, double max, int timeoutSeconds) {
        return switch (r.status()) {
            case "ok" -> points < max ? "partial credit: " + fmt(points) + " of " + fmt(max) + " points" : "passed";
            case "error" -> (r.ename() == null ? "error" : r.ename() + (r.evalue() == null || r.evalue().isEmpty()
                    ? "" : ": " + r.evalue())) + symbol(r);
            case "timeout" -> "timed out after " + timeoutSeconds + " s (an infinite loop?)";
            case "exit" -> "the code called System.exit" + (r.evalue() == null ? "" : " (" + r.evalue() + ")");
            case "crash" -> "the JVM running the code crashed" + (r.evalue() == null ? "" : ": " + r.evalue());
            default -> "unknown evaluator status '" + r.status() + "'";
        };
    }

    /** For "cannot find symbol" compile errors, the symbol javac names: " (symbol: method f())". */
    private static String symbol(CellResult r) {
        return r.traceback().stream().map(String::strip).filter(l -> l.startsWith("symbol:")).findFirst()
                .map(l -> " (" + l.replaceAll("\\s+", " ") + ")").orElse("");
    }

    private static StudentResult.CellGrade manual(Assignment.Part p, String answer) {
        String text = answer == null ? p.releasedText() : answer;
        boolean unanswered = text.strip().equals(p.releasedText().strip());
        return new StudentResult.CellGrade(p.gradeId(), p.kind().name(), unanswered ? 0.0 : null, p.points(),
                unanswered ? "unanswered" : "manual", unanswered ? "no answer written" : "to be graded by hand",
                cap(text), null, null, null, List.of(), 0);
    }

    private static void noteOtherFailures(Assignment a, Merge.Plan plan, Map<Integer, CellResult> byCell,
                                          int timeoutSeconds, List<String> issues) {
        int i = 0;
        for (Merge.Step s : plan.steps()) {
            if (!"code".equals(s.type())) {
                continue;
            }
            CellResult r = byCell.get(i++);
            Assignment.Part part = s.gradeId() == null ? null : a.part(s.gradeId());
            if (r != null && !r.ok() && (part == null || !part.graded())) {
                String who = s.gradeId() == null ? "a cell the student added" : "cell " + s.gradeId();
                issues.add(who + " failed: " + message(r, 0, 1, timeoutSeconds));
            }
        }
    }

    static String cap(String s) {
        if (s == null || s.length() <= MAX_TEXT) {
            return s;
        }
        return s.substring(0, MAX_TEXT) + "\n... [" + (s.length() - MAX_TEXT) + " more characters cut]";
    }

    static String fmt(double x) {
        return x == Math.rint(x) ? Long.toString((long) x) : Double.toString(x);
    }
}
