package nnlab.widgets;

/**
 * Widgets side by side (ipywidgets' {@code HBox}).
 *
 * <pre>{@code
 * display(new HBox(new FloatSlider("lr", 0.01, 0.5, 0.01, 0.1), new Label("the step size")));
 * }</pre>
 */
public class HBox extends Box {
    /** A row of {@code children}. */
    public HBox(Widget... children) {
        super("HBoxModel", "HBoxView", children);
    }
}
