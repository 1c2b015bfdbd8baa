package nnlab.widgets;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A widget drawn in the page (ipywidgets' {@code DOMWidget}): it has a layout and, for most controls,
 * a style, each a small widget of its own that the front end needs before the control itself.
 *
 * <pre>{@code
 * class Label extends ValueWidget<String> {   // a subclass names its model, view and style
 *     Label(String v) { super("LabelModel", "LabelView", "DescriptionStyleModel", ""); ... }
 * }
 * }</pre>
 */
public abstract class Control extends Widget {
    private final Widget layout = new Part("LayoutModel", "LayoutView", BASE, Map.of());
    private final Widget style;

    /** A control; {@code styleModel} null for none, {@code description} null for a widget without one. */
    protected Control(String model, String view, String module, String version, String styleModel, String description) {
        super(model, view, module, version);
        state.put("_dom_classes", List.of());
        state.put("layout", "IPY_MODEL_" + layout.id());
        state.put("tabbable", null);
        state.put("tooltip", null);
        if (description != null) {
            state.put("description", description);
            state.put("description_allow_html", false);
            state.put("disabled", false);
        }
        style = styleModel == null ? null : new Part(styleModel, "StyleView", CONTROLS,
                styleModel.equals("ButtonStyleModel") ? Map.of() : Map.of("description_width", ""));
        if (style != null) {
            state.put("style", "IPY_MODEL_" + style.id());
        }
    }

    /** A control of {@code @jupyter-widgets/controls}. */
    protected Control(String model, String view, String styleModel, String description) {
        this(model, view, CONTROLS, VERSION, styleModel, description);
    }

    /** The label shown next to the control. */
    public String description() {
        Object d = state().get("description");
        return d == null ? "" : d.toString();
    }

    @Override
    protected List<Widget> parts() {
        List<Widget> p = new ArrayList<>(List.of(layout));
        if (style != null) {
            p.add(style);
        }
        return p;
    }

    /** {@code Kind "description"} for messages and {@code text/plain}. */
    String who() {
        return getClass().getSimpleName() + " \"" + description() + "\"";
    }

    /** A layout or style model: state only, no behaviour. */
    static final class Part extends Widget {
        Part(String model, String view, String module, Map<String, Object> extra) {
            super(model, view, module, VERSION);
            state.putAll(extra);
        }

        @Override
        public String toString() {
            return (String) state.get("_model_name");
        }
    }
}
