package nnlab.grader;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** The evaluator's streams: stderr kept as a bounded tail, readers on daemon threads. */
final class RunnerStreams {

    private RunnerStreams() {
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
