package nnlab.grader;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds what runs for one submission: the source's structure, with the student's answers put in.
 *
 * <p>Locked and test cells come from the source by grade_id (hidden tests included); the student's copies
 * only serve to report tampering. Solution cells come from the student; a deleted one is reported and
 * not run (the student may have moved its code to a cell of their own). Cells the student added (or whose
 * metadata was stripped) run right after the nbgrader cell they follow. A duplicated locked cell is dropped; a duplicated solution cell runs as student code.
 *
 * <pre>{@code
 * Merge.Plan plan = Merge.plan(assignment, Notebook.read(submission));
 * List<String> cells = plan.codeCells();         // what the kernel's evaluator runs
 * plan.issues().forEach(System.out::println);    // "test cell ex1_tests was modified; ..."
 * }</pre>
 */
public final class Merge {

    private Merge() {
    }

    /** One cell to run (code) or to show (markdown answers); {@code gradeId} null for student-added cells. */
    public record Step(String gradeId, String type, String text) {
    }

    /** The merged run: steps in order, what was noticed, and the student's markdown answers by grade_id. */
    public record Plan(List<Step> steps, List<String> issues, Map<String, String> answers) {
        /** The code cells' sources in run order. */
        public List<String> codeCells() {
            return steps.stream().filter(s -> "code".equals(s.type())).map(Step::text).toList();
        }

        /** Position among {@link #codeCells()} of the code cell with this grade_id, or -1. */
        public int codeIndex(String gradeId) {
            int i = 0;
            for (Step s : steps) {
                if ("code".equals(s.type())) {
                    if (gradeId.equals(s.gradeId())) {
                        return i;
                    }
                    i++;
                }
            }
            return -1;
        }
    }

    /** Merges a student's notebook into the assignment's structure. */
    public static Plan plan(Assignment a, Notebook student) {
        List<String> issues = new ArrayList<>();
        Map<String, Cell> mine = new HashMap<>();
        Map<String, List<Cell>> extrasAfter = new LinkedHashMap<>();
        String anchor = "";
        for (Cell c : student.cells()) {
            String id = c.gradeId();
            Assignment.Part part = id == null ? null : a.part(id);
            if (part != null && !mine.containsKey(id)) {
                mine.put(id, c);
                anchor = id;
                continue;
            }
            if (part != null && part.restored()) {
                issues.add("cell " + c.index() + " duplicates locked cell " + id + "; the copy was ignored");
                continue;
            }
            if (part != null) {
                issues.add("cell " + c.index() + " duplicates solution cell " + id + "; it runs as extra code");
            }
            extrasAfter.computeIfAbsent(anchor, k -> new ArrayList<>()).add(c);
        }
        List<Step> steps = new ArrayList<>();
        Map<String, String> answers = new LinkedHashMap<>();
        addExtras(steps, extrasAfter.get(""));
        for (Assignment.Part p : a.parts()) {
            if (p.gradeId() == null) {
                continue;
            }
            Cell theirs = mine.get(p.gradeId());
            String text = chooseText(p, theirs, issues);
            if (text != null) {
                steps.add(new Step(p.gradeId(), p.type(), text));
            }
            if (p.kind() == Assignment.Kind.MANUAL) {
                answers.put(p.gradeId(), theirs != null && p.type().equals(theirs.type()) ? theirs.source() : p.releasedText());
            }
            addExtras(steps, extrasAfter.get(p.gradeId()));
        }
        return new Plan(steps, issues, answers);
    }

    private static String chooseText(Assignment.Part p, Cell theirs, List<String> issues) {
        String what = p.restored() ? (p.kind() == Assignment.Kind.TEST ? "test cell " : "locked cell ") : "solution cell ";
        if (theirs == null) {
            issues.add(what + p.gradeId() + " was deleted; " + (p.restored() ? "restored from the source"
                    : "its code is missing"));
            return p.restored() ? p.instructorText() : null;
        }
        if (!p.type().equals(theirs.type())) {
            issues.add(what + p.gradeId() + " was changed from " + p.type() + " to " + theirs.type() + "; "
                    + (p.restored() ? "restored from the source" : "it is not run"));
            return p.restored() ? p.instructorText() : null;
        }
        if (p.restored()) {
            if (!Checksum.of(theirs).equals(p.releasedChecksum())) {
                issues.add(what + p.gradeId() + " was modified (checksum mismatch); the original was restored");
            }
            return p.instructorText();
        }
        if (theirs.isGrade() != (p.kind() != Assignment.Kind.SOLUTION)
                || (p.graded() && Double.compare(theirs.points(), p.points()) != 0)) {
            issues.add(what + p.gradeId() + " had its nbgrader metadata edited; the source's points were used");
        }
        return theirs.source();
    }

    private static void addExtras(List<Step> steps, List<Cell> extras) {
        if (extras == null) {
            return;
        }
        for (Cell c : extras) {
            if (c.isCode()) {
                steps.add(new Step(null, "code", c.source()));
            }
        }
    }
}
