package nnlab.grader;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/**
 * One notebook cell with its nbgrader metadata (schema version 3), as a view over the cell's JSON.
 *
 * <p>nbgrader fields under {@code metadata.nbgrader}: {@code grade} (bool: the cell earns points),
 * {@code solution} (bool: students write here), {@code locked} (bool: restored at grading),
 * {@code grade_id} (unique name), {@code points} (number, grade cells), {@code checksum} (md5 set at release),
 * {@code schema_version} (3), {@code task}, {@code cell_type} (the type at release).
 *
 * <pre>{@code
 * Cell c = notebook.cells().get(3);
 * if (c.isGrade() && !c.isSolution()) System.out.println(c.gradeId() + " is a test worth " + c.points());
 * c.setSource("// YOUR CODE HERE\n");
 * }</pre>
 */
public final class Cell {

    private final JsonObject json;
    private final int index;

    Cell(JsonObject json, int index) {
        this.json = json;
        this.index = index;
    }

    JsonObject json() {
        return json;
    }

    /** Position in its notebook, from 0. */
    public int index() {
        return index;
    }

    /** "code", "markdown" or "raw". */
    public String type() {
        return json.get("cell_type").getAsString();
    }

    /** True for a code cell. */
    public boolean isCode() {
        return "code".equals(type());
    }

    /** The source as one string (nbformat allows a string or a list of lines). */
    public String source() {
        JsonElement s = json.get("source");
        if (s == null || s.isJsonNull()) {
            return "";
        }
        if (s.isJsonArray()) {
            StringBuilder b = new StringBuilder();
            for (JsonElement line : s.getAsJsonArray()) {
                b.append(line.isJsonNull() ? "" : line.getAsString());
            }
            return b.toString();
        }
        return s.getAsString();
    }

    /** Replaces the source, stored as a list of lines the way Jupyter writes it. */
    public void setSource(String text) {
        JsonArray lines = new JsonArray();
        int start = 0;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? text.length() : nl + 1;
            lines.add(text.substring(start, end));
            start = end;
        }
        json.add("source", lines);
    }

    /** Removes outputs and the execution count (code cells only). */
    public void clearOutputs() {
        if (isCode()) {
            json.add("outputs", new JsonArray());
            json.add("execution_count", JsonNull.INSTANCE);
        }
    }

    /** The cell's {@code metadata} object, created when missing. */
    public JsonObject metadata() {
        JsonElement m = json.get("metadata");
        if (m == null || !m.isJsonObject()) {
            m = new JsonObject();
            json.add("metadata", m);
        }
        return m.getAsJsonObject();
    }

    /** True when the cell carries {@code metadata.nbgrader}. */
    public boolean hasNbgrader() {
        JsonElement n = metadata().get("nbgrader");
        return n != null && n.isJsonObject();
    }

    /** The {@code metadata.nbgrader} object, created when missing. */
    public JsonObject nbgrader() {
        if (!hasNbgrader()) {
            metadata().add("nbgrader", new JsonObject());
        }
        return metadata().getAsJsonObject("nbgrader");
    }

    /** nbgrader {@code grade}: the cell earns points. */
    public boolean isGrade() {
        return flag("grade");
    }

    /** nbgrader {@code solution}: students write in this cell. */
    public boolean isSolution() {
        return flag("solution");
    }

    /** nbgrader's rule: solution cells are never locked, grade cells always are, others when {@code locked}. */
    public boolean isLocked() {
        if (!hasNbgrader() || isSolution()) {
            return false;
        }
        return isGrade() || flag("locked");
    }

    /** nbgrader {@code grade_id}, or null. */
    public String gradeId() {
        JsonElement id = hasNbgrader() ? nbgrader().get("grade_id") : null;
        return id == null || id.isJsonNull() || !id.isJsonPrimitive() ? null : id.getAsString();
    }

    /** nbgrader {@code points}, or NaN when absent or not a number. */
    public double points() {
        JsonElement p = hasNbgrader() ? nbgrader().get("points") : null;
        if (p == null || !p.isJsonPrimitive()) {
            return Double.NaN;
        }
        try {
            return p.getAsDouble();
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** nbgrader {@code checksum}, or null. */
    public String checksum() {
        JsonElement c = hasNbgrader() ? nbgrader().get("checksum") : null;
        return c == null || c.isJsonNull() ? null : c.getAsString();
    }

    /** Sets nbgrader {@code checksum}. */
    public void setChecksum(String md5) {
        nbgrader().add("checksum", new JsonPrimitive(md5));
    }

    /** A short name for messages: {@code cell 4 (grade_id ex1_tests)}. */
    public String describe() {
        String id = gradeId();
        return "cell " + index + (id == null ? "" : " (grade_id " + id + ")");
    }

    private boolean flag(String name) {
        if (!hasNbgrader()) {
            return false;
        }
        JsonElement f = nbgrader().get(name);
        return f != null && f.isJsonPrimitive() && f.getAsJsonPrimitive().isBoolean() && f.getAsBoolean();
    }
}
