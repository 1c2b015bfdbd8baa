package nnlab.plot;

import java.util.Locale;
import nnlab.display.Display;
import nnlab.train.History;
import nnlab.train.Trainer;
import org.knowm.xchart.XYChart;

/**
 * A learning-curve chart that redraws itself after every epoch while a net trains.
 *
 * <p>In a notebook the first epoch shows the chart ({@code Display.display}) and later epochs
 * replace it in place ({@code Display.update}). Without a notebook (plain JShell) it prints one
 * progress line per epoch instead, e.g. {@code epoch   3/20  train_loss 0.4123  test_loss 0.4410};
 * turn the Trainer's own line off with {@code verbose(false)} to avoid seeing both.
 *
 * <pre>{@code
 * LiveCurve live = Plots.liveLearningCurves("loss", 20);
 * History h = new Trainer().listener(live).verbose(false).run(net, loss, opt, train, test, 20, 32);
 * XYChart last = live.chart();
 * }</pre>
 */
public final class LiveCurve implements Trainer.Listener {
    private final String metric;
    private final int epochs;
    private String displayId;
    private XYChart chart;

    /** Follows {@code metric} ("loss" or "accuracy"); {@code epochs} (0 if unknown) is for the progress line. */
    public LiveCurve(String metric, int epochs) {
        if (!"loss".equals(metric) && !"accuracy".equals(metric)) {
            throw new IllegalArgumentException("LiveCurve: metric must be \"loss\" or \"accuracy\", got \"" + metric + "\"");
        }
        this.metric = metric;
        this.epochs = epochs;
    }

    @Override
    public void onEpoch(History h, int epoch) {
        if (!h.get("train_" + metric).isEmpty()) {
            chart = LearningCurves.of(h, metric);
        }
        if (!Display.inNotebook()) {
            System.out.println(progress(h, epoch));
        } else if (chart == null) {
            return;
        } else if (displayId == null) {
            displayId = Display.display(chart);
        } else {
            Display.update(displayId, chart);
        }
    }

    /** The chart drawn after the latest epoch (null before the first). */
    public XYChart chart() {
        return chart;
    }

    /** One line: the epoch, then the latest value of every metric this run records. */
    String progress(History h, int epoch) {
        StringBuilder sb = new StringBuilder(epochs > 0
                ? String.format(Locale.ROOT, "epoch %" + Integer.toString(epochs).length() + "d/%d", epoch, epochs)
                : "epoch " + epoch);
        for (String m : h.metrics()) {
            if (!m.equals("epoch") && !m.equals("lr") && !h.get(m).isEmpty()) {
                sb.append(String.format(Locale.ROOT, "  %s %.4f", m, h.last(m)));
            }
        }
        return sb.toString();
    }
}
