package nnlab.widgets;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import nnlab.display.Json;

/**
 * The widgets' link to the notebook: Jupyter comms of the target {@value #TARGET}, widget protocol 2.
 *
 * <p>The Java kernel installs a {@link Transport} in the student's JVM at start-up; a widget opens its
 * comm the first time it is shown, and the kernel hands the notebook's messages to {@link #deliver}.
 * Without a transport (plain JShell, JUnit, the headless grader) widgets work as plain objects: values
 * can be read and set, listeners run on {@code setValue}, and a shown widget is its {@code text/plain} form.
 *
 * <pre>{@code
 * Comms.setTransport(transport);                       // done by the kernel
 * Comms.deliver("c1", "msg", "{\"method\":\"update\",\"state\":{\"value\":0.2}}");
 * Comms.open();                                        // ids of the open widgets
 * }</pre>
 */
public final class Comms {
    /** The comm target of Jupyter widgets. */
    public static final String TARGET = "jupyter.widget";

    /** Carries comm messages to the notebook and renders values as a cell would. */
    public interface Transport {
        /** Sends {@code comm_open} ({@code method} "open", with {@code target}), {@code comm_msg} ("msg") or {@code comm_close} ("close"). */
        void send(String method, String commId, String target, String json);

        /** The MIME bundle of {@code value} as a cell's result would show it (type to content). */
        Map<String, String> render(Object value);
    }

    private static volatile Transport transport;
    private static final Map<String, Widget> OPEN = new ConcurrentHashMap<>();

    private Comms() {
    }

    /** Installs the notebook link (the kernel does); {@code null} removes it. */
    public static void setTransport(Transport t) {
        transport = t;
    }

    /** The installed link, or null when no notebook is attached. */
    static Transport transport() {
        return transport;
    }

    /** Ids of the widgets whose comms are open. */
    public static java.util.Set<String> open() {
        return java.util.Set.copyOf(OPEN.keySet());
    }

    static void opened(Widget w) {
        OPEN.put(w.id(), w);
    }

    static void closed(Widget w) {
        OPEN.remove(w.id());
    }

    /**
     * A message from the notebook for the widget {@code commId}: {@code method} "msg" (data: an
     * {@code update}, {@code request_state} or {@code custom} message) or "close". Called by the kernel.
     *
     * @throws IllegalArgumentException for an id no open widget has, naming it
     */
    public static void deliver(String commId, String method, String json) {
        Widget w = OPEN.get(commId);
        if (w == null) {
            throw new IllegalArgumentException("no open widget has comm id '" + commId + "' (open: "
                    + (OPEN.isEmpty() ? "none" : String.join(", ", OPEN.keySet())) + ")");
        }
        switch (method) {
            case "msg" -> w.receive(Json.parseObject(json));
            case "close" -> w.closedByNotebook();
            default -> throw new IllegalArgumentException("unknown comm method '" + method + "' (expected msg or close)");
        }
    }
}
