package nnlab.grader;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * One line of the kernel evaluator's output: how one cell ran.
 *
 * <p>{@code status} is "ok", "error", "timeout", "exit" or "crash"; {@code value} is the text/plain of the
 * cell's last expression and {@code number} its numeric value when it is a Number (both may be null).
 *
 * <pre>{@code
 * CellResult r = CellResult.parse(line);
 * if (r.ok() && r.number() != null) partial = r.number();
 * }</pre>
 */
public record CellResult(int cell, String status, String value, Double number, String stdout, String stderr,
                         String ename, String evalue, List<String> traceback, long millis) {

    /** Parses the evaluator's JSON object for one cell; fails naming the missing field. */
    public static CellResult parse(JsonObject o) {
        if (!o.has("cell") || !o.has("status")) {
            throw new IllegalArgumentException("evaluator output without \"cell\" and \"status\": " + o);
        }
        List<String> tb = new ArrayList<>();
        JsonElement t = o.get("traceback");
        if (t != null && t.isJsonArray()) {
            t.getAsJsonArray().forEach(e -> tb.add(e.isJsonNull() ? "" : e.getAsString()));
        }
        JsonElement n = o.get("number");
        Double number = n == null || n.isJsonNull() ? null : n.getAsDouble();
        JsonElement ms = o.get("millis");
        return new CellResult(o.get("cell").getAsInt(), o.get("status").getAsString(), str(o, "value"), number,
                str(o, "stdout"), str(o, "stderr"), str(o, "ename"), str(o, "evalue"), tb,
                ms == null || ms.isJsonNull() ? 0 : ms.getAsLong());
    }

    /** True when the cell ran to the end without an exception. */
    public boolean ok() {
        return "ok".equals(status);
    }

    private static String str(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }
}
