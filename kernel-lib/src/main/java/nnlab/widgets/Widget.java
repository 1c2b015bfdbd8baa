package nnlab.widgets;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nnlab.display.Json;

/**
 * A Jupyter widget model living in this JVM: its state, synced with the notebook through a comm.
 *
 * <p>The state is ipywidgets' (model and view names, module {@code @jupyter-widgets/controls} 2.0.0,
 * {@code description}, {@code layout}, ...), so JupyterLab draws it with ipywidgets' own front end.
 * The comm opens the first time the widget is shown (or a box holding it is), and every change is
 * sent as an {@code update}. {@link #toString()} is its {@code text/plain} form, shown where there is no front end.
 *
 * <pre>{@code
 * FloatSlider s = new FloatSlider("lr", 0.01, 0.5, 0.01, 0.1);
 * display(s);            // opens the comm, shows the slider
 * s.setValue(0.2);       // the browser's slider moves
 * }</pre>
 */
public abstract class Widget {
    static final String CONTROLS = "@jupyter-widgets/controls";
    static final String BASE = "@jupyter-widgets/base";
    static final String VERSION = "2.0.0";

    private final String id = UUID.randomUUID().toString().replace("-", "");
    /** The synced state; subclasses put their keys in their constructors. */
    protected final Map<String, Object> state = new LinkedHashMap<>();
    private volatile boolean open;

    /** A model {@code model} drawn by {@code view}, both from {@code module} at {@code version}. */
    protected Widget(String model, String view, String module, String version) {
        state.put("_model_module", module);
        state.put("_model_module_version", version);
        state.put("_model_name", model);
        state.put("_view_module", module);
        state.put("_view_module_version", version);
        state.put("_view_name", view);
        state.put("_view_count", null);
    }

    /** The comm id, which is also the model id the notebook knows the widget by. */
    public String id() {
        return id;
    }

    /** A copy of the synced state. */
    public synchronized Map<String, Object> state() {
        return new LinkedHashMap<>(state);
    }

    /** True once the comm is open (the widget was shown in a notebook). */
    public boolean isOpen() {
        return open;
    }

    /** The reference ipywidgets uses for a widget inside another's state: {@code IPY_MODEL_<id>}; opens it first. */
    String ref() {
        openComm();
        return "IPY_MODEL_" + id;
    }

    /** Opens the comm if a notebook is attached and it is not open yet (children before parents). */
    public void openComm() {
        Comms.Transport t = Comms.transport();
        if (open || t == null) {
            return;
        }
        for (Widget part : parts()) {
            part.openComm();
        }
        synchronized (this) {
            if (open) {
                return;
            }
            open = true;
            Comms.opened(this);
            t.send("open", id, Comms.TARGET, Json.write(Map.of("state", state, "buffer_paths", List.of())));
        }
    }

    /** Widgets this one refers to in its state (layout, style, children): opened before it. */
    protected List<Widget> parts() {
        return List.of();
    }

    /** The MIME bundle that shows this widget: ipywidgets' view reference and {@link #toString()}. */
    public Map<String, String> bundle() {
        openComm();
        Map<String, String> b = new LinkedHashMap<>();
        if (open) {
            b.put("application/vnd.jupyter.widget-view+json",
                    Json.write(Map.of("model_id", id, "version_major", 2, "version_minor", 0)));
        }
        b.put("text/plain", toString());
        return b;
    }

    /** Changes {@code key}s in the state and sends them, if the comm is open. */
    protected void sync(Map<String, Object> changes) {
        synchronized (this) {
            state.putAll(changes);
        }
        Comms.Transport t = Comms.transport();
        if (open && t != null) {
            t.send("msg", id, null, Json.write(message(changes)));
        }
    }

    private static Map<String, Object> message(Map<String, Object> st) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", "update");
        m.put("state", st);
        m.put("buffer_paths", List.of());
        return m;
    }

    /** A message from the notebook: an update of the state, a request for all of it, or a custom event. */
    void receive(Map<String, Object> msg) {
        Object method = msg.get("method");
        if ("update".equals(method) && msg.get("state") instanceof Map<?, ?> st) {
            @SuppressWarnings("unchecked")
            Map<String, Object> changes = (Map<String, Object>) st;
            fromNotebook(changes);
        } else if ("request_state".equals(method)) {
            Comms.Transport t = Comms.transport();
            if (t != null) {
                t.send("msg", id, null, Json.write(message(state())));
            }
        } else if ("custom".equals(method) && msg.get("content") instanceof Map<?, ?> content) {
            custom(content);
        }
    }

    /** The notebook changed {@code changes} (the user moved a slider); subclasses check and react. */
    protected void fromNotebook(Map<String, Object> changes) {
        synchronized (this) {
            state.putAll(changes);
        }
    }

    /** A custom message from the front end (a button's click). */
    protected void custom(Map<?, ?> content) {
    }

    /** Closes the comm: the notebook removes the widget's views. */
    public void close() {
        Comms.Transport t = Comms.transport();
        if (open && t != null) {
            t.send("close", id, null, "{}");
        }
        closedByNotebook();
    }

    void closedByNotebook() {
        open = false;
        Comms.closed(this);
    }
}
