package nnlab.kernel;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.File;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs notebook cells headless, one JSON line per cell: the contract the grader relies on.
 *
 * <p>Usage: {@code java -cp <kernel classpath> nnlab.kernel.CellRunner [--timeout-seconds N]
 * [--max-output-chars N] [--vm-option OPT]... [--classpath CP]}. Standard input is a JSON array of
 * strings, the cell sources in order. They run in order in ONE {@link Evaluator} session, the
 * same evaluator as the notebook kernel (same imports, magics and display handling). As each cell
 * finishes, one JSON object is written to standard output on its own line:
 * <pre>
 * {"cell": i, "status": "ok"|"error"|"timeout"|"exit"|"crash", "value": text/plain of the last
 *  expression's value or null, "number": its numeric value if it is a Number else null,
 *  "stdout": "...", "stderr": "...", "ename": "...", "evalue": "...", "traceback": ["..."],
 *  "millis": n}
 * </pre>
 * {@code cell} counts from 0; {@code ename}/{@code evalue} are null and {@code traceback} empty
 * when the cell succeeded. A cell that runs past {@code --timeout-seconds} (default: the
 * {@code NNLAB_CELL_TIMEOUT} variable, else none) is stopped with status {@code timeout} and later
 * cells still run. {@code System.exit(n)} in a cell gives status {@code exit} with an
 * {@code evalue} saying {@code System.exit(n) was called}, and later cells run in the same
 * session (on JDK 24 and later, which have no security manager, in a fresh session).
 * {@code OutOfMemoryError} and {@code StackOverflowError} give status {@code error}.
 * {@code crash} means the student JVM died (or ignored a stop and was killed) and a fresh session
 * ran the remaining cells.
 * {@code --max-output-chars} caps stdout plus stderr per cell (default 200000; a note says how much
 * was dropped). Each {@code --vm-option} is passed to the JVM where user code runs (e.g.
 * {@code --vm-option -Xmx256m}); {@code --classpath} adds entries to that JVM's class path. User
 * code runs in that other JVM and its output is captured, so it cannot corrupt the JSON stream.
 * Exit code 0 when all cells were run (whatever their status), 2 for bad arguments or input, 3
 * when the JVM for the cells could not start (a bad {@code --vm-option}, for example).
 *
 * <pre>{@code
 * echo '["int x = 6 * 7;", "x"]' | java -cp kernel/target/kernel.jar:kernel/target/lib/* nnlab.kernel.CellRunner
 * {"cell":0,"status":"ok","value":null,"number":null,...}
 * {"cell":1,"status":"ok","value":"42","number":42.0,...}
 * }</pre>
 */
public final class CellRunner {
    private CellRunner() {
    }

    /** Entry point; see the class comment for arguments, input and output. */
    public static void main(String[] args) {
        PrintStream json = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        // nothing but the JSON lines may reach the real stdout, and stderr stays clean
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        Evaluator.Options env = Evaluator.Options.fromEnvironment();
        int timeout = env.timeoutSeconds();
        int maxChars = env.maxOutputChars();
        List<String> vm = new ArrayList<>(env.vmOptions());
        List<String> cp = new ArrayList<>(env.classpath());
        List<String> cells;
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                String v = i + 1 < args.length ? args[i + 1] : null;
                switch (a) {
                    case "--timeout-seconds" -> timeout = Integer.parseInt(need(a, v));
                    case "--max-output-chars" -> maxChars = Integer.parseInt(need(a, v));
                    case "--vm-option" -> vm.add(need(a, v));
                    case "--classpath" -> cp.addAll(List.of(need(a, v).split(File.pathSeparator)));
                    default -> throw new IllegalArgumentException("unknown argument '" + a
                            + "'; expected --timeout-seconds N, --max-output-chars N, --vm-option OPT, --classpath CP");
                }
                i++;
            }
            cells = readCells();
        } catch (IllegalArgumentException | JsonParseException | IllegalStateException e) {
            System.err.println("CellRunner: " + e.getMessage());
            System.exit(2);
            return;
        }
        Gson gson = new GsonBuilder().serializeNulls().serializeSpecialFloatingPointValues().disableHtmlEscaping().create();
        Evaluator ev;
        try {
            ev = new Evaluator(new Evaluator.Options(cp, vm, timeout, maxChars));
        } catch (IllegalStateException e) {
            System.err.println("CellRunner: the JVM for the cells could not start (check --vm-option and --classpath): "
                    + e.getMessage());
            System.exit(3);
            return;
        }
        try (ev) {
            for (int i = 0; i < cells.size(); i++) {
                json.println(gson.toJson(runCell(ev, i, cells.get(i))));
            }
        }
        System.exit(0);
    }

    private static String need(String flag, String value) {
        if (value == null) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return value;
    }

    private static List<String> readCells() {
        JsonElement in = JsonParser.parseReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        if (!in.isJsonArray()) {
            throw new IllegalArgumentException("stdin must be a JSON array of strings (cell sources), got " + in);
        }
        List<String> cells = new ArrayList<>();
        JsonArray arr = in.getAsJsonArray();
        for (int i = 0; i < arr.size(); i++) {
            JsonElement e = arr.get(i);
            if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
                throw new IllegalArgumentException("stdin must be a JSON array of strings; element " + i + " is " + e);
            }
            cells.add(e.getAsString());
        }
        return cells;
    }

    /** Runs one cell and builds its JSON object (field order as documented). */
    static Map<String, Object> runCell(Evaluator ev, int index, String source) {
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        CellResult r = ev.run(source, new Listener() {
            @Override
            public void stdout(String text) {
                synchronized (out) {
                    out.append(text);
                }
            }

            @Override
            public void stderr(String text) {
                synchronized (err) {
                    err.append(text);
                }
            }
        });
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cell", index);
        m.put("status", r.status() == CellResult.Status.INTERRUPTED ? "error" : r.status().name().toLowerCase(Locale.ROOT));
        m.put("value", r.text());
        m.put("number", r.number());
        synchronized (out) {
            m.put("stdout", out.toString());
        }
        synchronized (err) {
            m.put("stderr", err.toString());
        }
        m.put("ename", r.ename());
        m.put("evalue", r.evalue());
        m.put("traceback", r.traceback());
        m.put("millis", r.millis());
        return m;
    }
}
