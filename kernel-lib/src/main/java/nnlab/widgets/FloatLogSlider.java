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
public class FloatLogSlider extends Slider<Double> {
    /** A slider over [min, max] (both > 0), {@code step} on the base-10 exponent, starting at {@code value}. */
    public FloatLogSlider(String description, double min, double max, double step, double value) {
        super("FloatLogSlider", description, min, max, step, value, ".3g");
        state.put("base", 10.0);
        state.put("min", Math.log10(min));   // the state's ends are positions: exponents of the base
        state.put("max", Math.log10(max));
    }

    /** Positive ends first: a log scale has no place for 0 or below. */
    @Override
    protected void checkRange(double min, double max, double step) {
        if (!(min > 0) || !(max > 0)) {
            throw new IllegalArgumentException(who() + ": min and max must be positive for a log scale, got min "
                    + min + ", max " + max);
        }
        super.checkRange(min, max, step);
    }

    /** The smallest value. */
    @Override
    public Double min() {
        return Math.pow(10, (Double) state().get("min"));
    }

    /** The largest value. */
    @Override
    public Double max() {
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
    protected Double fromJson(Object json) {
        return Ranges.number(json);
    }

    @Override
    public String toString() {
        return "FloatLogSlider(description=\"" + description() + "\", value=" + value() + ", min=" + min() + ", max=" + max() + ")";
    }
}
