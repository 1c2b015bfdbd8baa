package nnlab.widgets;

/**
 * Widgets one above the other (ipywidgets' {@code VBox}).
 *
 * <pre>{@code
 * display(new VBox(new IntSlider("steps", 1, 50, 1, 20), new Output()));
 * }</pre>
 */
public class VBox extends Box {
    /** A column of {@code children}. */
    public VBox(Widget... children) {
        super("VBoxModel", "VBoxView", children);
    }
}
