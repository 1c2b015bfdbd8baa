package nnlab.widgets;

import java.util.Map;

/**
 * A slider for a real number in [min, max] in steps of {@code step} (ipywidgets' {@code FloatSlider}).
 *
 * <p>The readout shows as many decimals as the step has. {@code min > max}, a step that is not positive
 * or a value outside the range is refused at once with a message naming the slider.
 *
 * <pre>{@code
 * FloatSlider lr = new FloatSlider("step size", 0.01, 0.5, 0.01, 0.1);
 * lr.onChange(v -> System.out.println(v));
 * double now = lr.value();   // 0.1
 * }</pre>
 */
public class FloatSlider extends ValueWidget<Double> {
    /** A slider labelled {@code description} over [min, max] in steps of {@code step}, starting at {@code value}. */
    public FloatSlider(String description, double min, double max, double step, double value) {
        super("FloatSliderModel", "FloatSliderView", "SliderStyleModel", description);
        Ranges.check(who(), min, max, step);
        Ranges.inside(who(), value, min, max);
        state.put("value", value);
        state.put("min", min);
        state.put("max", max);
        state.put("step", step);
        state.put("orientation", "horizontal");
        state.put("readout", true);
        state.put("readout_format", Ranges.format(step));
        state.put("continuous_update", true);
        state.put("behavior", "drag-tap");
    }

    /** The lower end of the range. */
    public double min() {
        return (Double) state().get("min");
    }

    /** The upper end of the range. */
    public double max() {
        return (Double) state().get("max");
    }

    @Override
    protected void check(Double v) {
        if (v == null) {
            throw new IllegalArgumentException(who() + ": value must be a number, got null");
        }
        Ranges.inside(who(), v, min(), max());
    }

    @Override
    protected Object toJson(Double v) {
        return v;
    }

    @Override
    protected Double fromJson(Object json) {
        return Ranges.number(json);
    }

    @Override
    protected String expected() {
        return "a number in [" + min() + ", " + max() + "]";
    }

    @Override
    public String toString() {
        Map<String, Object> s = state();
        return getClass().getSimpleName() + "(description=\"" + description() + "\", value=" + value() + ", min=" + s.get("min")
                + ", max=" + s.get("max") + ", step=" + s.get("step") + ")";
    }
}
