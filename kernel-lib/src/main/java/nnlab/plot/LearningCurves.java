package nnlab.plot;

import java.util.List;
import nnlab.train.History;
import org.knowm.xchart.XYChart;

/**
 * Train and test curves of one metric per epoch from a training {@link History}.
 *
 * <p>{@code "loss"} draws train_loss, val_loss and test_loss, {@code "accuracy"} train_accuracy, val_accuracy and
 * test_accuracy (validation only with a validation split, test only when the run had a test set); x = epoch
 * (from 1). All are blue: train dashed, validation dotted, test solid ({@link Runs}). The accuracy axis runs
 * from 0 to 1 (plus 2%) while some accuracy is below {@link #PIN_BELOW}; when all sit higher (0.9 to 1 after
 * a few epochs) it spans just the data, so the curves are not squeezed into the top tenth of the plot.
 *
 * <pre>{@code
 * History h = Trainer.fit(net, loss, opt, train, test, 50, 32);
 * XYChart lc = LearningCurves.of(h, "loss");
 * Plots.show(lc);
 * }</pre>
 */
final class LearningCurves {
    /** Below this smallest accuracy the axis shows all of [0, 1]. */
    static final double PIN_BELOW = 0.5;

    private LearningCurves() {
    }

    static XYChart of(History h, String metric) {
        if (h == null) {
            throw new IllegalArgumentException("learningCurves: history is null");
        }
        if (!"loss".equals(metric) && !"accuracy".equals(metric)) {
            throw new IllegalArgumentException("learningCurves: metric must be \"loss\" or \"accuracy\", got \""
                    + metric + "\"");
        }
        List<Double> epochs = h.epochs();
        List<Double> train = h.get("train_" + metric);
        if (epochs.isEmpty() || train.isEmpty()) {
            throw new IllegalArgumentException("learningCurves: the history has no " + metric + " values yet"
                    + (epochs.isEmpty() ? " (no epoch has finished)" : " (the targets are not class labels)"));
        }
        String title = metric.equals("loss") ? "Loss" : "Accuracy";
        XYChart c = Style.xyChart(title, "epoch", metric);
        List<Double> val = h.get("val_" + metric);
        List<Double> test = h.get("test_" + metric);
        Runs.add((XYPlot) c, array(epochs), array(train), val.isEmpty() ? null : array(val), test.isEmpty() ? null : array(test),
                null);
        if (metric.equals("accuracy") && (pinned(train, test) || pinned(val, List.of()))) {
            c.getStyler().setYAxisMin(-0.02).setYAxisMax(1.02);     // 0 and 1 stay labelled
        }
        return c;
    }

    /** Whether the accuracy axis shows all of [0, 1]: some train or test accuracy is below {@link #PIN_BELOW}. */
    static boolean pinned(List<Double> train, List<Double> test) {
        return train.stream().anyMatch(a -> a < PIN_BELOW) || test.stream().anyMatch(a -> a < PIN_BELOW);
    }

    private static double[] array(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
