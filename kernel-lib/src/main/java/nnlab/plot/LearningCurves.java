package nnlab.plot;

import java.util.List;
import nnlab.train.History;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Train and test curves of one metric per epoch from a training {@link History}.
 *
 * <p>{@code "loss"} draws train_loss and test_loss, {@code "accuracy"} train_accuracy and
 * test_accuracy (test only when the run had a test set); x = epoch (from 1). Train is blue, test
 * orange; accuracy runs on a fixed axis from 0 to 1 (plus 2%).
 *
 * <pre>{@code
 * History h = Trainer.fit(net, loss, opt, train, test, 50, 32);
 * XYChart lc = LearningCurves.of(h, "loss");
 * Plots.show(lc);
 * }</pre>
 */
final class LearningCurves {

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
        add(c, "train", epochs, train, 0);
        List<Double> test = h.get("test_" + metric);
        if (!test.isEmpty()) {
            add(c, "test", epochs, test, 1);
        }
        if (metric.equals("accuracy")) {
            c.getStyler().setYAxisMin(-0.02).setYAxisMax(1.02);     // 0 and 1 stay labelled
        }
        LegendCorner.place(c);
        return c;
    }

    private static void add(XYChart c, String name, List<Double> epochs, List<Double> values, int color) {
        XYSeries s = c.addSeries(name, epochs, values);
        s.setLineColor(Palette.color(color));
        s.setLineStyle(new java.awt.BasicStroke(2f));
        s.setMarker(epochs.size() == 1 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
        s.setMarkerColor(Palette.color(color));
    }
}
