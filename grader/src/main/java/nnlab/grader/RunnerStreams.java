package nnlab.grader;

import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The evaluator's streams: result lines parsed as they come, stderr kept as a bounded tail. */
final class RunnerStreams {

    private RunnerStreams() {
    }

    /** Adds each JSON result line of {@code in} for the next cell to {@code results} until the stream ends. */
    static void readResults(InputStream in, List<CellResult> results) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                String s = line.strip();
                if (s.startsWith("{")) {
                    try {
                        CellResult cell = CellResult.parse(JsonParser.parseString(s).getAsJsonObject());
                        if (cell.cell() == results.size()) {     // results come in cell order, each once
                            results.add(cell);
                        }
                    } catch (RuntimeException e) {
                        // not one of the evaluator's result lines: ignore it
                    }
                }
            }
        } catch (IOException e) {
            // the process was killed; what was read so far stands
        }
    }

    /** Reads {@code in} to its end, keeping about the last {@code keep} characters in {@code sink}. */
    static void drain(InputStream in, StringBuilder sink, int keep) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            char[] buf = new char[4096];
            int n;
            while ((n = r.read(buf)) > 0) {
                synchronized (sink) {
                    sink.append(buf, 0, n);
                    if (sink.length() > 2 * keep) {
                        sink.delete(0, sink.length() - keep);
                    }
                }
            }
        } catch (IOException e) {
            // stream closed with the process
        }
    }

    /** Starts {@code r} on a daemon thread. */
    static Thread daemon(Runnable r) {
        Thread t = new Thread(r, "grader-runner-io");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
