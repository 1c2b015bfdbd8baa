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
 * <p>{@code --many} (used by the grader to keep the compiler warm): standard input holds one request
 * per line, a JSON array of cell sources or {@code {"cells": [...], "dir": "/path", "env": ["PATH",
 * "NNLAB_*"], "launcher": [...], "sandbox": {...}}} ({@code dir}, {@code env}, {@code launcher} and {@code sandbox} are
 * optional: the student JVM's {@link Confinement}); each request is answered with its cell lines as
 * above and then {@code {"end":true,"cells":n,"error":null}} (error says why no cells ran, e.g. a bad
 * line). Every request gets a NEW {@link Evaluator}, so its code runs in a fresh student JVM: nothing a
 * request defines, loads or breaks is seen by the next one; only the compiler JVM is shared. With
 * {@code dir}, the student JVM runs in that directory with {@code HOME} and {@code user.home} set to it
 * and {@code TMPDIR}/{@code java.io.tmpdir} to {@code dir/tmp}; with {@code env}, it sees only those
 * environment variables ({@code NAME*} keeps a prefix); with {@code launcher}, its command starts with
 * those words. The runner exits 0 when standard input ends.
 *
 * <pre>{@code
 * echo '["int x = 6 * 7;", "x"]' | java -cp kernel/target/kernel.jar:kernel/target/lib/* nnlab.kernel.CellRunner
 * {"cell":0,"status":"ok","value":null,"number":null,...}
 * {"cell":1,"status":"ok","value":"42","number":42.0,...}
 * }</pre>
 */
public final class CellRunner {
    private static final Gson GSON = new GsonBuilder().serializeNulls().serializeSpecialFloatingPointValues()
            .disableHtmlEscaping().create();

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
        List<String> cells = null;
        boolean many = false;
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                String v = i + 1 < args.length ? args[i + 1] : null;
                switch (a) {
                    case "--timeout-seconds" -> timeout = Integer.parseInt(need(a, v));
                    case "--max-output-chars" -> maxChars = Integer.parseInt(need(a, v));
                    case "--vm-option" -> vm.add(need(a, v));
                    case "--classpath" -> cp.addAll(List.of(need(a, v).split(File.pathSeparator)));
                    case "--many" -> {
                        many = true;
                        i--;
                    }
                    default -> throw new IllegalArgumentException("unknown argument '" + a
                            + "'; expected --timeout-seconds N, --max-output-chars N, --vm-option OPT, --classpath CP, --many");
                }
                i++;
            }
            if (!many) {
                cells = cells(JsonParser.parseReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
            }
        } catch (IllegalArgumentException | JsonParseException | IllegalStateException e) {
            System.err.println("CellRunner: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (vm.stream().noneMatch(o -> o.startsWith("-Dnnlab.render="))) {
            vm.add(0, "-Dnnlab.render=text");   // only text/plain is reported: no PNG or HTML rendering
        }
        Evaluator.Options options = new Evaluator.Options(cp, vm, timeout, maxChars);
        if (many) {
            runMany(options, json);
            System.exit(0);
            return;
        }
        Evaluator ev;
        try {
            ev = new Evaluator(options);
        } catch (IllegalStateException e) {
            System.err.println("CellRunner: the JVM for the cells could not start (check --vm-option and --classpath): "
                    + e.getMessage());
            System.exit(3);
            return;
        }
        try (ev) {
            for (int i = 0; i < cells.size(); i++) {
                json.println(GSON.toJson(runCell(ev, i, cells.get(i))));
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

    /**
     * {@code --many}: one request per input line, each run in a NEW {@link Evaluator} (a fresh student
     * JVM), answered with its cell lines and then {@code {"end":true,"cells":n,"error":null|"..."}}.
     */
    private static void runMany(Evaluator.Options options, PrintStream json) {
        java.io.BufferedReader in = new java.io.BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        try {
            while ((line = in.readLine()) != null) {
                if (!line.isBlank()) {
                    runRequest(line, options, json);
                }
            }
        } catch (java.io.IOException e) {
            // stdin closed: nothing more to run
        }
    }

    private static void runRequest(String line, Evaluator.Options options, PrintStream json) {
        List<String> cells;
        Confinement confinement = Confinement.NONE;
        int ran = 0;
        String error = null;
        try {
            JsonElement req = JsonParser.parseString(line);
            if (req.isJsonObject()) {
                confinement = Confinement.readFrom(req.getAsJsonObject());
            }
            cells = cells(req.isJsonObject() ? req.getAsJsonObject().get("cells") : req);
        } catch (RuntimeException e) {
            cells = null;
            error = "bad request line: " + e.getMessage();
        }
        if (cells != null) {
            try (Evaluator ev = new Evaluator(options.confined(confinement))) {
                for (; ran < cells.size(); ran++) {
                    json.println(GSON.toJson(runCell(ev, ran, cells.get(ran))));
                }
            } catch (IllegalStateException | java.io.UncheckedIOException e) {
                error = "the JVM for the cells could not start (check --vm-option, --classpath and the request's"
                        + " dir and launcher): " + e.getMessage();
            }
        }
        Map<String, Object> end = new LinkedHashMap<>();
        end.put("end", true);
        end.put("cells", ran);
        end.put("error", error);
        json.println(GSON.toJson(end));
    }

    /** The cell sources of a JSON array of strings. */
    private static List<String> cells(JsonElement in) {
        if (in == null || !in.isJsonArray()) {
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
