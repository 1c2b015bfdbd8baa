package nnlab.widgets;

/**
 * A slider for a whole number in [min, max] in steps of {@code step} (ipywidgets' {@code IntSlider}).
 *
 * <p>{@code min > max}, a step below 1 or a value outside the range is refused with a message naming the slider.
 *
 * <pre>{@code
 * IntSlider steps = new IntSlider("steps", 1, 50, 1, 20);
 * steps.setValue(30);
 * int n = steps.value();   // 30
 * }</pre>
 */
public class IntSlider extends ValueWidget<Integer> {
    /** A slider labelled {@code description} over [min, max] in steps of {@code step}, starting at {@code value}. */
    public IntSlider(String description, int min, int max, int step, int value) {
        super("IntSliderModel", "IntSliderView", "SliderStyleModel", description);
        Ranges.check(who(), min, max, step);
        Ranges.inside(who(), value, min, max);
        state.put("value", value);
        state.put("min", min);
        state.put("max", max);
        state.put("step", step);
        state.put("orientation", "horizontal");
        state.put("readout", true);
        state.put("readout_format", "d");
        state.put("continuous_update", true);
        state.put("behavior", "drag-tap");
    }

    /** The lower end of the range. */
    public int min() {
        return ((Number) state().get("min")).intValue();
    }

    /** The upper end of the range. */
    public int max() {
        return ((Number) state().get("max")).intValue();
    }

    @Override
    protected void check(Integer v) {
        if (v == null) {
            throw new IllegalArgumentException(who() + ": value must be a whole number, got null");
        }
        Ranges.inside(who(), v, min(), max());
    }

    @Override
    protected Object toJson(Integer v) {
        return v;
    }

    @Override
    protected Integer fromJson(Object json) {
        double d = Ranges.number(json);
        if (d != Math.rint(d)) {
            throw new IllegalArgumentException("not a whole number: " + json);
        }
        return (int) d;
    }

    @Override
    protected String expected() {
        return "a whole number in [" + min() + ", " + max() + "]";
    }

    @Override
    public String toString() {
        return "IntSlider(description=\"" + description() + "\", value=" + value() + ", min=" + min() + ", max=" + max()
                + ", step=" + state().get("step") + ")";
    }
}
