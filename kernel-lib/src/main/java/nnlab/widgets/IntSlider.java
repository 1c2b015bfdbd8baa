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
public class IntSlider extends Slider<Integer> {
    /** A slider labelled {@code description} over [min, max] in steps of {@code step}, starting at {@code value}. */
    public IntSlider(String description, int min, int max, int step, int value) {
        super("IntSlider", description, min, max, step, value, "d");
    }

    @Override
    protected String noun() {
        return "a whole number";
    }

    @Override
    protected Integer fromJson(Object json) {
        double d = Ranges.number(json);
        if (d != Math.rint(d)) {
            throw new IllegalArgumentException("not a whole number: " + json);
        }
        return (int) d;
    }
}
