package nnlab.grader;

import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An instructor's source notebook, checked, with the student version of every cell worked out.
 *
 * <p>Each nbgrader cell becomes a {@link Part}: its kind, the instructor's text (with hidden tests), the
 * released text and that text's nbgrader checksum. As in nbgrader, a solution cell without markers is
 * replaced as a whole. Loading refuses, listing file, cell and line: duplicate
 * grade_ids, unbalanced markers, grade cells without points, nbgrader cells without a grade_id, solution
 * markers in locked cells and hidden tests in cells the student rewrites.
 *
 * <pre>{@code
 * Assignment a = Assignment.load(Path.of("source/04-mlp.ipynb"));
 * a.released().write(Path.of("release/04-mlp.ipynb"));
 * System.out.println(a.maxScore());
 * }</pre>
 */
public final class Assignment {

    /** What grading does with a cell. */
    public enum Kind {
        /** grade, not solution, code: locked test cell, points when it runs. */
        TEST,
        /** grade and solution, code: the student's code earns points when it runs. */
        GRADED_SOLUTION,
        /** grade, markdown (a written answer or task): graded by hand. */
        MANUAL,
        /** solution, not grade: the student's code, not scored itself. */
        SOLUTION,
        /** locked, not grade: restored from the source. */
        LOCKED,
        /** anything else: the student's copy is used as it is. */
        PLAIN
    }

    /** One cell of the source: its kind, texts and points. */
    public record Part(int index, String gradeId, Kind kind, String type, String instructorText,
                       String releasedText, String releasedChecksum, double points) {
        /** True when grading puts back the instructor's text. */
        public boolean restored() {
            return kind == Kind.TEST || kind == Kind.LOCKED;
        }

        /** True when the part earns points. */
        public boolean graded() {
            return kind == Kind.TEST || kind == Kind.GRADED_SOLUTION || kind == Kind.MANUAL;
        }
    }

    private final String name;
    private final Notebook source;
    private final Notebook released;
    private final List<Part> parts = new ArrayList<>();
    private final Map<String, Part> byId = new LinkedHashMap<>();

    private Assignment(String name, Notebook source) {
        this.name = name;
        this.source = source;
        this.released = source.copy();
        for (Cell cell : released.cells()) {
            Part part = releaseCell(cell);
            parts.add(part);
            if (part.gradeId() != null) {
                byId.put(part.gradeId(), part);
            }
        }
    }

    /** Loads and checks a source notebook; the assignment name is the file name without .ipynb. */
    public static Assignment load(Path file) throws IOException {
        String fileName = file.getFileName().toString();
        Notebook nb = Notebook.read(file);
        List<String> problems = check(fileName, nb);
        if (!problems.isEmpty()) {
            throw new AssignmentException(problems);
        }
        return new Assignment(fileName.replaceFirst("\\.ipynb$", ""), nb);
    }

    /** Every problem that stops a release, each as "file: cell N (grade_id X), line L: what". */
    static List<String> check(String file, Notebook nb) {
        List<String> problems = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Cell c : nb.cells()) {
            String where = file + ": " + c.describe();
            boolean nbg = c.hasNbgrader() && (c.isGrade() || c.isSolution() || c.isLocked() || task(c));
            if (nbg && c.gradeId() == null) {
                problems.add(where + ": nbgrader cell without a grade_id; expected a unique grade_id");
            }
            if (nbg && c.gradeId() != null) {
                Integer first = seen.putIfAbsent(c.gradeId(), c.index());
                if (first != null) {
                    problems.add(where + ": duplicate grade_id '" + c.gradeId() + "' (first used by cell " + first + ")");
                }
            }
            if ((c.isGrade() || task(c)) && !(c.points() >= 0)) {
                problems.add(where + ": grade cell without points; expected \"points\": a number >= 0");
            }
            if ("raw".equals(c.type())) {
                continue;
            }
            for (String p : Regions.check(c.source(), c.isCode())) {
                problems.add(where + ", " + p);
            }
            if (c.isLocked() && Regions.hasSolution(c.source(), c.isCode())) {
                problems.add(where + ": solution region in a locked cell; mark the cell as a solution cell");
            }
            if (c.isSolution() && c.isCode() && Regions.hasHiddenTests(c.source())) {
                problems.add(where + ": hidden tests in a solution cell would be replaced by the student's code; "
                        + "move them to a test cell");
            }
        }
        return problems;
    }

    private static boolean task(Cell c) {
        var t = c.hasNbgrader() ? c.nbgrader().get("task") : null;
        return t != null && t.isJsonPrimitive() && t.getAsJsonPrimitive().isBoolean() && t.getAsBoolean();
    }

    private static Kind kind(Cell c) {
        if ((c.isGrade() || task(c)) && !c.isCode()) {
            return Kind.MANUAL;
        }
        if (c.isGrade()) {
            return c.isSolution() ? Kind.GRADED_SOLUTION : Kind.TEST;
        }
        if (c.isSolution()) {
            return Kind.SOLUTION;
        }
        return c.isLocked() ? Kind.LOCKED : Kind.PLAIN;
    }

    private Part releaseCell(Cell cell) {
        String instructor = cell.source();
        Kind kind = kind(cell);
        boolean code = cell.isCode();
        String releasedText = "raw".equals(cell.type()) ? instructor : Regions.release(instructor, code);
        if (cell.isSolution() && !"raw".equals(cell.type()) && !Regions.hasSolution(instructor, code)) {
            releasedText = code ? Regions.YOUR_CODE + "\n" + Regions.STUB + "\n" : Regions.YOUR_ANSWER + "\n";
        }
        cell.setSource(releasedText);
        cell.clearOutputs();
        String checksum = null;
        if (kind != Kind.PLAIN || cell.isLocked()) {
            cell.nbgrader().add("schema_version", new JsonPrimitive(3));
            cell.nbgrader().add("cell_type", new JsonPrimitive(cell.type()));
            checksum = Checksum.of(cell);
            cell.setChecksum(checksum);
            if (cell.isLocked()) {
                cell.metadata().add("editable", new JsonPrimitive(false));
            }
            if (kind != Kind.PLAIN) {
                cell.metadata().add("deletable", new JsonPrimitive(false));
            }
        }
        double points = kind == Kind.TEST || kind == Kind.GRADED_SOLUTION || kind == Kind.MANUAL ? cell.points() : 0;
        return new Part(cell.index(), checksum == null ? null : cell.gradeId(), kind, cell.type(), instructor,
                releasedText, checksum, points);
    }

    /** The assignment's name (the source file name without .ipynb). */
    public String name() {
        return name;
    }

    /** The instructor's notebook as loaded. */
    public Notebook source() {
        return source;
    }

    /** The student version: solutions stubbed, hidden tests removed, outputs cleared, checksums recorded. */
    public Notebook released() {
        return released.copy();
    }

    /** Every cell of the source, in order. */
    public List<Part> parts() {
        return Collections.unmodifiableList(parts);
    }

    /** The part with this grade_id, or null. */
    public Part part(String gradeId) {
        return byId.get(gradeId);
    }

    /** The parts that earn points, in notebook order. */
    public List<Part> graded() {
        return parts.stream().filter(Part::graded).toList();
    }

    /** Sum of the points of all graded parts (hand-graded ones included, as nbgrader counts them). */
    public double maxScore() {
        return graded().stream().mapToDouble(Part::points).sum();
    }
}
