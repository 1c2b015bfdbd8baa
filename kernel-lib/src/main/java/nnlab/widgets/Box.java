package nnlab.widgets;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Widgets laid out in a row ({@link HBox}) or a column ({@link VBox}), ipywidgets' boxes.
 *
 * <pre>{@code
 * VBox panel = new VBox(new HBox(lr, steps), out);
 * display(panel);
 * panel.children();   // [HBox(...), Output(...)]
 * }</pre>
 */
public abstract class Box extends Control {
    private final List<Widget> children;

    Box(String model, String view, Widget... children) {
        super(model, view, null, null);
        for (Widget w : children) {
            Objects.requireNonNull(w, getClass().getSimpleName() + ": a child widget is null");
        }
        this.children = List.of(children);
        List<String> refs = new ArrayList<>();
        for (Widget w : children) {
            refs.add("IPY_MODEL_" + w.id());
        }
        state.put("children", refs);
        state.put("box_style", "");
    }

    /** The widgets in the box, in order. */
    public List<Widget> children() {
        return children;
    }

    @Override
    protected List<Widget> parts() {
        List<Widget> p = new ArrayList<>(super.parts());
        p.addAll(children);
        return p;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + children.stream().map(String::valueOf).collect(Collectors.joining(", ", "(", ")"));
    }
}
