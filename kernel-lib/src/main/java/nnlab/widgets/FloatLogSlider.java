package nnlab.widgets;

/**
 * A slider whose position is the logarithm of its value (ipywidgets' {@code FloatLogSlider}): equal moves
 * multiply the value, the right scale for learning rates.
 *
 * <p>value = 10^position, position in [log10 min, log10 max] in steps of {@code step} (on the exponent).
 * min and max must be positive with min <= max, the value inside them.
 *
 * <pre>{@code
 * FloatLogSlider lr = new FloatLogSlider("learning rate", 1e-3, 1.0, 0.1, 0.1);
 * lr.value();   // 0.1; one step right is 0.1 * 10^0.1 = 0.126
 * }</pre>
 */
public class FloatLogSlider extends ValueWidget<Double> {
    /** A slider over [min, max] (both > 0), {@code step} on the base-10 exponent, starting at {@code value}. */
    public FloatLogSlider(String description, double min, double max, double step, double value) {
        super("FloatLogSliderModel", "FloatLogSliderView", "SliderStyleModel", description);
        if (!(min > 0) || !(max > 0)) {
            throw new IllegalArgumentException(who() + ": min and max must be positive for a log scale, got min "
                    + min + ", max " + max);
        }
        Ranges.check(who(), min, max, step);
        Ranges.inside(who(), value, min, max);
        state.put("value", value);
        state.put("base", 10.0);
        state.put("min", Math.log10(min));
        state.put("max", Math.log10(max));
        state.put("step", step);
        state.put("orientation", "horizontal");
        state.put("readout", true);
        state.put("readout_format", ".3g");
        state.put("continuous_update", true);
        state.put("behavior", "drag-tap");
    }

    /** The smallest value. */
    public double min() {
        return Math.pow(10, (Double) state().get("min"));
    }

    /** The largest value. */
    public double max() {
        return Math.pow(10, (Double) state().get("max"));
    }

    @Override
    protected void check(Double v) {
        if (v == null) {
            throw new IllegalArgumentException(who() + ": value must be a number, got null");
        }
        // the front end computes 10^position, which may miss the ends by a rounding error
        Ranges.inside(who(), v, min() * (1 - 1e-12), max() * (1 + 1e-12));
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
        return "FloatLogSlider(description=\"" + description() + "\", value=" + value() + ", min=" + min() + ", max=" + max() + ")";
    }
}
