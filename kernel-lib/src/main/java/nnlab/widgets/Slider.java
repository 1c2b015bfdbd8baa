package nnlab.widgets;

/**
 * What every slider shares ({@link IntSlider}, {@link FloatSlider}, {@link FloatLogSlider}): a range
 * [min, max] and a step, checked when the slider is made, and a value that must stay inside the range.
 *
 * <p>{@code min > max}, a range that is not finite, a step that is not positive or a value outside the
 * range is refused at once with a message naming the slider; so is a value from the notebook outside it.
 *
 * <pre>{@code
 * Slider<Double> lr = new FloatSlider("step size", 0.01, 0.5, 0.01, 0.1);
 * lr.min();           // 0.01
 * lr.setValue(0.6);   // IllegalArgumentException: FloatSlider "step size": value 0.6 is outside its range [0.01, 0.5]
 * }</pre>
 *
 * @param <T> the value's type
 */
public abstract class Slider<T extends Number> extends ValueWidget<T> {
    /**
     * A slider of ipywidgets' kind {@code kind} ("IntSlider": model IntSliderModel, view IntSliderView) over
     * [min, max] in steps of {@code step}, starting at {@code value}; the readout is formatted by {@code readoutFormat}.
     */
    protected Slider(String kind, String description, T min, T max, T step, T value, String readoutFormat) {
        super(kind + "Model", kind + "View", "SliderStyleModel", description);
        checkRange(min.doubleValue(), max.doubleValue(), step.doubleValue());
        Ranges.inside(who(), value.doubleValue(), min.doubleValue(), max.doubleValue());
        state.put("value", value);
        state.put("min", min);
        state.put("max", max);
        state.put("step", step);
        state.put("orientation", "horizontal");
        state.put("readout", true);
        state.put("readout_format", readoutFormat);
        state.put("continuous_update", true);
        state.put("behavior", "drag-tap");
    }

    /** Refuses a range that is not finite, min > max or a step that is not positive (called by the constructor). */
    protected void checkRange(double min, double max, double step) {
        Ranges.check(who(), min, max, step);
    }

    /** The lower end of the range. */
    public T min() {
        return fromJson(state().get("min"));
    }

    /** The upper end of the range. */
    public T max() {
        return fromJson(state().get("max"));
    }

    /** What a value is, for messages: "a number" (an {@link IntSlider}'s: "a whole number"). */
    protected String noun() {
        return "a number";
    }

    @Override
    protected void check(T v) {
        if (v == null) {
            throw new IllegalArgumentException(who() + ": value must be " + noun() + ", got null");
        }
        Ranges.inside(who(), v.doubleValue(), min().doubleValue(), max().doubleValue());
    }

    @Override
    protected Object toJson(T v) {
        return v;
    }

    @Override
    protected String expected() {
        return noun() + " in [" + min() + ", " + max() + "]";
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(description=\"" + description() + "\", value=" + value() + ", min=" + min()
                + ", max=" + max() + ", step=" + state().get("step") + ")";
    }
}
