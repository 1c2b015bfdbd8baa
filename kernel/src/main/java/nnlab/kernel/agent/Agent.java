package nnlab.kernel.agent;

import java.io.BufferedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import nnlab.display.Display;
import nnlab.widgets.Comms;

/**
 * The kernel's helper inside the student's JVM: sends rich output to the kernel in band on stdout.
 *
 * <p>User code runs in a separate JVM (JShell's remote agent). {@link #install()} is evaluated
 * once at session start: it keeps the JVM's original {@code System.out} as the channel to the
 * kernel, installs a {@link Display.Backend} so library code and {@code display(obj)} reach the
 * notebook, a {@link Comms.Transport} so {@code nnlab.widgets} reach it as Jupyter widgets, and
 * installs the {@link ExitGuard}. A message is one {@link Frame}
 * ({@code \u0001NNLAB{...}\u0004}); the kernel cuts these frames out of the stdout stream, so text
 * and pictures arrive in the order the cell produced them.
 *
 * <pre>{@code
 * Agent.install();
 * String id = Display.display(chart);   // a display_data message
 * Display.update(id, chart);            // an update_display_data message
 * }</pre>
 */
public final class Agent {
    private static volatile PrintStream channel;
    private static volatile PrintStream out;
    private static volatile PrintStream err;

    private Agent() {
    }

    /** Connects the display hook and the exit guard; returns whether {@code System.exit} is guarded. */
    public static boolean install() {
        // Buffer the JVM's stdout/stderr (JShell sends every write as its own packet, which makes a
        // million println calls take half a minute); a daemon flushes every 30 ms so output stays
        // live. JShell calls System.out.flush() when a snippet returns, and flushing out also
        // flushes err, so a cell's output is complete when its result arrives; after an exception
        // the kernel calls flush().
        err = buffered(System.err);
        out = new PrintStream(new BufferedOutputStream(System.out, 1 << 16), false, StandardCharsets.UTF_8) {
            @Override
            public void flush() {
                super.flush();
                err.flush();
            }
        };
        System.setOut(out);
        System.setErr(err);
        channel = out;
        quietLogging();
        Thread flusher = new Thread(() -> {
            while (true) {
                try {
                    Thread.sleep(30);
                } catch (InterruptedException e) {
                    return;
                }
                flush();
            }
        }, "nnlab-output-flusher");
        flusher.setDaemon(true);
        flusher.start();
        Display.setBackend(new Display.Backend() {
            @Override
            public String display(Object value) {
                String id = UUID.randomUUID().toString();
                send(Frame.Kind.DISPLAY, id, value);
                return id;
            }

            @Override
            public void update(String id, Object value) {
                send(Frame.Kind.UPDATE, id, value);
            }

            @Override
            public void clear(boolean wait) {
                Agent.clear(wait);
            }
        });
        Comms.setTransport(new Comms.Transport() {
            @Override
            public void send(String method, String commId, String target, String json) {
                comm(method, commId, target, json);
            }

            @Override
            public Map<String, String> render(Object value) {
                Map<String, String> b = new LinkedHashMap<>(Render.bundle(value));
                b.remove(Render.NUMBER);  // the kernel's own key for a cell's numeric value
                return b;
            }
        });
        boolean guarded = ExitGuard.install();
        Warmup.start();
        return guarded;
    }

    /**
     * java.util.logging's default in the notebook: WARNING and above, to stderr (the JDK's is INFO,
     * and libraries such as Tribuo log a line per fit, which fails graded cells). A JVM started with
     * {@code -Djava.util.logging.config.file=...} (in {@code NNLAB_JAVA_OPTS}) keeps its own; a cell can
     * lower it again: {@code Logger.getLogger("").setLevel(Level.INFO)} and the same on its handlers.
     */
    static void quietLogging() {
        if (System.getProperty("java.util.logging.config.file") != null
                || System.getProperty("java.util.logging.config.class") != null) {
            return;
        }
        Logger root = Logger.getLogger("");
        root.setLevel(Level.WARNING);
        for (Handler h : root.getHandlers()) {     // the JDK's ConsoleHandler, made now: it writes to our stderr
            h.setLevel(Level.WARNING);
        }
    }

    /** Pushes buffered stdout and stderr to the kernel (called at the end of every cell). */
    public static void flush() {
        PrintStream o = out;
        PrintStream e = err;
        if (o != null) {
            o.flush();
        }
        if (e != null) {
            e.flush();
        }
    }

    private static PrintStream buffered(PrintStream raw) {
        return new PrintStream(new BufferedOutputStream(raw, 1 << 16), false, StandardCharsets.UTF_8);
    }

    /** Sends the rendering of a cell's last expression (an execute_result). */
    public static void result(Object value) {
        send(Frame.Kind.RESULT, null, value);
        flush();
    }

    /** IJava's {@code display(obj, "text/html", ...)}: shows only the listed MIME types (or their short names). */
    public static String display(Object value, String... mimeTypes) {
        String id = UUID.randomUUID().toString();
        send(Frame.Kind.DISPLAY, id, value, mimeTypes);
        return id;
    }

    /** IJava's {@code updateDisplay(id, obj, "image/png", ...)}. */
    public static void update(String id, Object value, String... mimeTypes) {
        send(Frame.Kind.UPDATE, id, value, mimeTypes);
    }

    private static void send(Frame.Kind kind, String id, Object value, String... mimeTypes) {
        write(new Frame(kind, id, renderAs(value, mimeTypes)));
    }

    /**
     * The bundle of {@code value} kept to {@code mimeTypes} (all of it when none is given): a string is
     * each text-like type asked for ({@link Render#asTypes}), another value keeps the asked types of its
     * rendering, or all of it when it has none of them.
     */
    static Map<String, String> renderAs(Object value, String... mimeTypes) {
        Map<String, String> data = value instanceof CharSequence text && mimeTypes.length > 0
                ? Render.asTypes(text.toString(), mimeTypes) : Render.bundle(value);
        if (mimeTypes.length > 0) {
            Map<String, String> kept = new LinkedHashMap<>();
            data.forEach((type, content) -> {
                for (String m : mimeTypes) {
                    if (type.equals(m) || type.endsWith("/" + m)) {
                        kept.put(type, content);
                    }
                }
            });
            if (!kept.isEmpty()) {
                data = kept;
            }
        }
        return data;
    }

    /**
     * Sends a widget's comm message to the kernel: {@code method} open (with {@code target}), msg or
     * close; {@code json} is the message's data, a JSON object.
     */
    public static void comm(String method, String commId, String target, String json) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("method", method);
        if (target != null) {
            data.put("target", target);
        }
        data.put("data", json);
        write(new Frame(Frame.Kind.COMM, commId, data));
    }

    /** IJava's {@code clear_output}: clears the output now, or with {@code wait} when the next output arrives. */
    public static void clear(boolean wait) {
        write(new Frame(Frame.Kind.CLEAR, null, Map.of("wait", String.valueOf(wait))));
    }

    private static void write(Frame f) {
        String frame = f.encode();
        PrintStream out = channel != null ? channel : System.out;
        synchronized (out) {
            out.print(frame);
            out.flush();
        }
    }
}
