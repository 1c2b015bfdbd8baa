package nnlab.widgets;

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
public class FloatSlider extends Slider<Double> {
    /** A slider labelled {@code description} over [min, max] in steps of {@code step}, starting at {@code value}. */
    public FloatSlider(String description, double min, double max, double step, double value) {
        super("FloatSlider", description, min, max, step, value, Ranges.format(step));
    }

    @Override
    protected Double fromJson(Object json) {
        return Ranges.number(json);
    }
}
