package nnlab.widgets;

/**
 * A line of text next to other controls (ipywidgets' {@code Label}); {@code setValue} changes it in place.
 *
 * <pre>{@code
 * Label loss = new Label("loss: -");
 * loss.setValue("loss: 0.31");
 * String now = loss.value();
 * }</pre>
 */
public class Label extends ValueWidget<String> {
    /** A label showing {@code value}. */
    public Label(String value) {
        super("LabelModel", "LabelView", "DescriptionStyleModel", "");
        check(value);
        state.put("value", value);
        state.put("placeholder", "\u200b");
    }

    @Override
    protected void check(String v) {
        if (v == null) {
            throw new IllegalArgumentException("Label: value must be a string, got null");
        }
    }

    @Override
    protected Object toJson(String v) {
        return v;
    }

    @Override
    protected String fromJson(Object json) {
        return String.valueOf(json);
    }

    @Override
    protected String expected() {
        return "a string";
    }

    @Override
    public String toString() {
        return "Label(\"" + value() + "\")";
    }
}
