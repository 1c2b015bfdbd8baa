package nnlab.widgets;

/**
 * A check box for a yes/no choice (ipywidgets' {@code Checkbox}).
 *
 * <pre>{@code
 * Checkbox decay = new Checkbox("decay the step size", false);
 * decay.onChange(on -> System.out.println(on ? "decaying" : "constant"));
 * boolean on = decay.value();
 * }</pre>
 */
public class Checkbox extends ValueWidget<Boolean> {
    /** A box labelled {@code description}, ticked when {@code value}. */
    public Checkbox(String description, boolean value) {
        super("CheckboxModel", "CheckboxView", "DescriptionStyleModel", description);
        state.put("value", value);
        state.put("indent", true);
    }

    @Override
    protected void check(Boolean v) {
        if (v == null) {
            throw new IllegalArgumentException(who() + ": value must be true or false, got null");
        }
    }

    @Override
    protected Object toJson(Boolean v) {
        return v;
    }

    @Override
    protected Boolean fromJson(Object json) {
        if (json instanceof Boolean b) {
            return b;
        }
        throw new IllegalArgumentException("not true or false: " + json);
    }

    @Override
    protected String expected() {
        return "true or false";
    }

    @Override
    public String toString() {
        return "Checkbox(description=\"" + description() + "\", value=" + value() + ")";
    }
}
