package nnlab.grader;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A Jupyter notebook (nbformat 4) kept as its JSON tree, so fields nnlab does not know survive a round trip.
 *
 * <p>Cells are exposed as {@link Cell} views over the same JSON objects: editing a cell edits the notebook.
 *
 * <pre>{@code
 * Notebook nb = Notebook.read(Path.of("04-mlp.ipynb"));
 * for (Cell c : nb.cells()) System.out.println(c.gradeId());
 * nb.write(Path.of("release/04-mlp.ipynb"));
 * }</pre>
 */
public final class Notebook {

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping()
            .serializeNulls().create();

    private final JsonObject json;
    private final List<Cell> cells = new ArrayList<>();

    private Notebook(JsonObject json) {
        this.json = json;
        for (JsonElement e : json.getAsJsonArray("cells")) {
            cells.add(new Cell(e.getAsJsonObject(), cells.size()));
        }
    }

    /** Reads and checks a notebook file; a file that is not nbformat-4 JSON fails naming the file and what was wrong. */
    public static Notebook read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        try {
            return parse(text);
        } catch (NotebookException e) {
            throw new NotebookException(file.getFileName() + ": " + e.getMessage());
        }
    }

    /** Parses notebook JSON text; throws {@link NotebookException} when it is not an nbformat-4 notebook. */
    public static Notebook parse(String text) {
        JsonElement root;
        try {
            root = JsonParser.parseString(text);
        } catch (JsonParseException e) {
            throw new NotebookException("not valid JSON (" + firstLine(e.getMessage()) + "); expected a Jupyter notebook");
        }
        if (!root.isJsonObject()) {
            throw new NotebookException("not a Jupyter notebook: expected a JSON object with \"cells\", got " + kind(root));
        }
        JsonObject obj = root.getAsJsonObject();
        JsonElement format = obj.get("nbformat");
        if (format == null || !format.isJsonPrimitive() || !format.getAsJsonPrimitive().isNumber()) {
            throw new NotebookException("not a Jupyter notebook: no \"nbformat\" number; expected nbformat 4");
        }
        if (format.getAsInt() != 4) {
            throw new NotebookException("unsupported nbformat " + format.getAsInt() + "; expected nbformat 4");
        }
        JsonElement cellsElement = obj.get("cells");
        if (cellsElement == null || !cellsElement.isJsonArray()) {
            throw new NotebookException("not a Jupyter notebook: no \"cells\" array");
        }
        int i = 0;
        for (JsonElement c : cellsElement.getAsJsonArray()) {
            if (!c.isJsonObject() || !c.getAsJsonObject().has("cell_type") || !c.getAsJsonObject().has("source")) {
                throw new NotebookException("cell " + i + " is not a notebook cell: expected an object with cell_type and source");
            }
            i++;
        }
        if (!obj.has("metadata") || !obj.get("metadata").isJsonObject()) {
            obj.add("metadata", new JsonObject());
        }
        return new Notebook(obj);
    }

    /** The cells in order; views over this notebook's JSON. */
    public List<Cell> cells() {
        return cells;
    }

    /** Notebook-level metadata (kernelspec, language_info, ...). */
    public JsonObject metadata() {
        return json.getAsJsonObject("metadata");
    }

    /** The kernelspec name, or null when the notebook has none. */
    public String kernelName() {
        JsonElement spec = metadata().get("kernelspec");
        if (spec == null || !spec.isJsonObject() || !spec.getAsJsonObject().has("name")) {
            return null;
        }
        return spec.getAsJsonObject().get("name").getAsString();
    }

    /** A deep copy: editing it leaves this notebook alone. */
    public Notebook copy() {
        return new Notebook(json.deepCopy());
    }

    /** The notebook as pretty-printed JSON with a trailing newline, the way Jupyter saves it. */
    public String toJson() {
        return GSON.toJson(json) + "\n";
    }

    /** Writes the notebook atomically (a reader never sees half a file). */
    public void write(Path file) throws IOException {
        AtomicFiles.write(file, toJson());
    }

    static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static String kind(JsonElement e) {
        if (e.isJsonArray()) {
            return "an array";
        }
        if (e.isJsonNull()) {
            return "null";
        }
        return "a " + (e.getAsJsonPrimitive().isString() ? "string" : "number or boolean");
    }
}
