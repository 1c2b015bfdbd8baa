package nnlab.widgets;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nnlab.display.Display;
import nnlab.display.Json;

/**
 * A widget that shows outputs (ipywidgets' {@code Output}): what code shows or prints inside
 * {@link #capture} lands here instead of under the cell, charts rendered as in a cell.
 *
 * <p>Its outputs are the widget's synced {@code outputs} state (the notebook's output format), so the
 * page redraws when they change. {@link #clear(boolean) clear(true)} waits for the next output, so a
 * redrawn chart replaces the old one without a blank in between. An exception thrown inside
 * {@code capture} is shown here as an error and not thrown on; a stop (the notebook's stop button) is
 * noted here and goes on, so the kernel stops the code.
 *
 * <pre>{@code
 * Output out = new Output();
 * display(out);
 * out.capture(() -> display(Plots.line(x, y)));   // the chart appears in out
 * }</pre>
 */
public class Output extends Control {
    private final List<Map<String, Object>> outputs = new ArrayList<>();
    private final Map<String, Integer> displayIds = new LinkedHashMap<>();
    private boolean clearPending;

    /** An empty output area. */
    public Output() {
        super("OutputModel", "OutputView", "@jupyter-widgets/output", "1.0.0", null, null);
        state.put("msg_id", "");
        state.put("outputs", List.of());
    }

    /** Adds {@code value}'s rendering (a chart as PNG, else its text); returns its display id for {@link #update}. */
    public synchronized String display(Object value) {
        String id = UUID.randomUUID().toString();
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("output_type", "display_data");
        o.put("data", render(value));
        o.put("metadata", Map.of());
        o.put("transient", Map.of("display_id", id));
        add(o);
        displayIds.put(id, outputs.size() - 1);
        send();
        return id;
    }

    /** Replaces the output {@code id} (from {@link #display}) with {@code value}'s rendering. */
    public synchronized void update(String id, Object value) {
        Integer i = displayIds.get(id);
        if (i == null || i >= outputs.size()) {
            display(value);
            return;
        }
        Map<String, Object> o = new LinkedHashMap<>(outputs.get(i));
        o.put("data", render(value));
        outputs.set(i, o);
        send();
    }

    /** Removes all outputs now, or with {@code wait} when the next output arrives (no flicker). */
    public synchronized void clear(boolean wait) {
        if (wait) {
            clearPending = true;
            return;
        }
        outputs.clear();
        displayIds.clear();
        clearPending = false;
        send();
    }

    /** Adds printed text (stdout, or stderr when {@code err}). */
    public synchronized void print(String text, boolean err) {
        if (text.isEmpty()) {
            return;
        }
        String name = err ? "stderr" : "stdout";
        if (!clearPending && !outputs.isEmpty() && name.equals(outputs.get(outputs.size() - 1).get("name"))) {
            Map<String, Object> last = new LinkedHashMap<>(outputs.get(outputs.size() - 1));
            last.put("text", last.get("text") + text);
            outputs.set(outputs.size() - 1, last);
        } else {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("output_type", "stream");
            o.put("name", name);
            o.put("text", text);
            add(o);
        }
        send();
    }

    /** Adds an error output: {@code ename: evalue} and the trace lines. */
    public synchronized void error(String ename, String evalue, List<String> traceback) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("output_type", "error");
        o.put("ename", ename);
        o.put("evalue", evalue);
        o.put("traceback", List.copyOf(traceback));
        add(o);
        send();
    }

    /** A copy of the outputs, in the notebook's format (output_type, data, text, ...). */
    public synchronized List<Map<String, Object>> outputs() {
        return new ArrayList<>(outputs);
    }

    /**
     * Runs {@code body} with what it shows ({@code display}, {@code Display.update}, {@code Display.clear})
     * and prints going to this output. An exception becomes an error output; a stop is noted and re-thrown.
     */
    public void capture(Runnable body) {
        Capture.run(this, body);
    }

    private void add(Map<String, Object> o) {
        if (clearPending) {
            outputs.clear();
            displayIds.clear();
            clearPending = false;
        }
        outputs.add(o);
    }

    /** Sends the outputs to the page; ends a pending clear that got no new output (the callback showed nothing). */
    synchronized void settle() {
        if (clearPending) {
            clear(false);
        }
    }

    private void send() {
        sync(Map.of("outputs", List.copyOf(outputs)));
    }

    private static Map<String, Object> render(Object value) {
        Comms.Transport t = Comms.transport();
        Map<String, String> bundle = t != null ? t.render(value) : Map.of("text/plain", String.valueOf(value));
        Map<String, Object> data = new LinkedHashMap<>();
        bundle.forEach((type, content) -> data.put(type, type.endsWith("json") ? new Json.Raw(content) : content));
        return data;
    }

    /** The outputs' text forms (a chart's is its size), for plain JShell and headless runs. */
    @Override
    public synchronized String toString() {
        StringBuilder sb = new StringBuilder("Output(");
        for (Map<String, Object> o : outputs) {
            Object text = o.containsKey("text") ? o.get("text")
                    : o.containsKey("data") ? ((Map<?, ?>) o.get("data")).get("text/plain") : o.get("ename") + ": " + o.get("evalue");
            sb.append(sb.length() > 7 ? ", " : "").append(String.valueOf(text).strip());
        }
        return sb.append(')').toString();
    }

    /** Where {@link #capture} sends displays and prints while its body runs. */
    private static final class Capture implements Display.Backend {
        private final Output out;

        private Capture(Output out) {
            this.out = out;
        }

        @Override
        public String display(Object value) {
            return out.display(value);
        }

        @Override
        public void update(String id, Object value) {
            out.update(id, value);
        }

        @Override
        public void clear(boolean wait) {
            out.clear(wait);
        }

        static void run(Output out, Runnable body) {
            PrintStream stdout = System.out;
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            try {
                Display.capture(new Capture(out), body);
            } catch (RuntimeException | Error e) {
                if (isStop(e)) {
                    flush(out, printed);
                    out.error("Interrupted", "the callback was stopped (the notebook's stop button or the time limit)", List.of());
                    throw e;
                }
                flush(out, printed);
                out.error(e.getClass().getName(), String.valueOf(e.getMessage()), trace(e));
            } finally {
                System.setOut(stdout);
                flush(out, printed);
                out.settle();
            }
        }

        private static void flush(Output out, ByteArrayOutputStream printed) {
            String text = printed.toString(StandardCharsets.UTF_8);
            printed.reset();
            out.print(text, false);
        }

        /** JShell's stop (a ThreadDeath subclass) must reach the kernel, so the stop button works. */
        static boolean isStop(Throwable e) {
            for (Class<?> c = e.getClass(); c != null; c = c.getSuperclass()) {
                if (c.getName().equals("java.lang.ThreadDeath") || c.getName().endsWith("StopExecutionException")) {
                    return true;
                }
            }
            return false;
        }

        private static List<String> trace(Throwable e) {
            List<String> lines = new ArrayList<>();
            lines.add(e.toString());
            for (StackTraceElement f : e.getStackTrace()) {
                if (f.getClassName().startsWith("nnlab.widgets.") || f.getClassName().startsWith("jdk.") 
                        || f.getClassName().startsWith("java.lang.reflect") || f.getClassName().startsWith("jdk.internal")) {
                    continue;
                }
                lines.add("    at " + f);
                if (lines.size() > 12) {
                    break;
                }
            }
            return lines;
        }
    }
}
