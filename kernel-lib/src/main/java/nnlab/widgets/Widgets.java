package nnlab.widgets;

import java.util.Arrays;
import java.util.function.Supplier;
import nnlab.display.Display;

/**
 * ipywidgets' {@code interact}: controls above an {@link Output}, and a callback re-run on every change.
 *
 * <p>{@code interact} shows the panel and returns nothing (a cell ending with it shows the panel once);
 * {@link #interactive} returns it unshown. The callback reads the controls' values itself. What it returns (a chart) is shown in the output
 * as a cell's value would be; what it displays or prints goes there too, replacing the previous run's
 * output when the new one arrives. It runs once at once, then after every change; while it runs,
 * further slider moves are coalesced by the kernel, so the next run gets the latest values. An
 * exception is shown in the output; the stop button stops a callback that does not return.
 *
 * <pre>{@code
 * FloatSlider lr = new FloatSlider("step size", 0.01, 0.5, 0.01, 0.1);
 * IntSlider steps = new IntSlider("steps", 1, 50, 1, 20);
 * Widgets.interact(() -> Plots.line(descent(lr.value(), steps.value())), lr, steps);
 * }</pre>
 */
public final class Widgets {
    private Widgets() {
    }

    /** Shows {@code controls} and an output; runs {@code callback} now and after each change, showing its result. */
    public static void interact(Supplier<?> callback, Widget... controls) {
        Display.display(interactive(callback, controls));
    }

    /** As {@link #interact(Supplier, Widget...)} for a callback that displays or prints what it shows. */
    public static void interact(Runnable callback, Widget... controls) {
        Display.display(interactive(callback, controls));
    }

    /**
     * ipywidgets' {@code interactive}: the controls and the output in a {@link VBox} (the output last),
     * the callback run once and wired to every change, not shown yet: {@code display(box)} shows it.
     */
    public static VBox interactive(Supplier<?> callback, Widget... controls) {
        return interactive((Runnable) () -> {
            Object v = callback.get();
            if (v != null) {
                Display.display(v);
            }
        }, controls);
    }

    /** As {@link #interactive(Supplier, Widget...)} for a callback that displays or prints what it shows. */
    public static VBox interactive(Runnable callback, Widget... controls) {
        if (controls.length == 0) {
            throw new IllegalArgumentException("Widgets.interact: give at least one control, e.g. new FloatSlider(...)");
        }
        Output out = new Output();
        Widget[] all = Arrays.copyOf(controls, controls.length + 1);
        all[controls.length] = out;
        Runnable run = () -> out.capture(() -> {
            Display.clear(true);
            callback.run();
        });
        for (Widget c : controls) {
            if (c instanceof ValueWidget<?> v) {
                v.onChange(x -> run.run());
            } else if (c instanceof Button b) {
                b.onClick(run);
            }
        }
        run.run();
        return new VBox(all);
    }
}
