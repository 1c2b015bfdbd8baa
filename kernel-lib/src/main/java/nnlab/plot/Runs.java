package nnlab.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Train and test curves of training runs on one chart, paired by colour as in {@code plt.plot(e, train,
 * 'b--'); plt.plot(e, test, 'b')}: a run's train curve is dashed and its test curve solid, in one colour
 * (a validation curve, when the run has one, is dotted between them).
 *
 * <p>One run is drawn in the first {@link Palette} colour (blue). Several runs are runs that differ in
 * one setting (learning rate 0.01, then 0.001), so run {@code i} of {@code n} gets step {@code i} of
 * {@link Palette#ordered}: the order of the colours follows the order the runs were added in. Colours
 * are set at every paint, so adding a third run recolours the first two.
 *
 * <pre>{@code
 * XYChart c = Plots.trainTest(null, epochs, trainLoss, testLoss, "lr 0.01");
 * Plots.trainTest(c, epochs, slowTrain, slowTest, "lr 0.001");
 * Plots.show(c);
 * }</pre>
 */
final class Runs {
    static final BasicStroke TRAIN = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
            new float[] {6f, 4f}, 0f);
    static final BasicStroke VALIDATION = new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f,
            new float[] {0.5f, 4f}, 0f);
    static final BasicStroke TEST = new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    /** {train, validation, test series names} per run (null when absent), in the order they were added. */
    private final List<String[]> pairs = new ArrayList<>();

    /** Adds the train (dashed) and test (solid) curves of one run to {@code chart}; returns the chart. */
    static XYChart add(XYPlot chart, double[] xs, double[] train, double[] test, String run) {
        return add(chart, xs, train, null, test, run);
    }

    /** Adds the train (dashed), validation (dotted) and test (solid) curves of one run; val and test may be null. */
    static XYChart add(XYPlot chart, double[] xs, double[] train, double[] val, double[] test, String run) {
        String suffix = run == null || run.isBlank() ? "" : ", " + run;
        String[] names = {series(chart, xs, train, "train" + suffix, TRAIN), series(chart, xs, val, "validation" + suffix,
                VALIDATION), series(chart, xs, test, "test" + suffix, TEST)};
        chart.runs().pairs.add(names);
        LegendCorner.place(chart);
        return chart;
    }

    /** Adds one curve in {@code stroke} and returns its (unique) name; nothing and null when {@code ys} is null. */
    private static String series(XYPlot chart, double[] xs, double[] ys, String name, BasicStroke stroke) {
        if (ys == null) {
            return null;
        }
        XYSeries s = chart.addSeries(Lines.unique(chart, name), xs, ys);
        s.setLineStyle(stroke);
        s.setMarker(xs.length <= XYPlot.SPARSE ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
        return s.getName();
    }

    /** Colours every run's pair: blue for a single run, steps of the ordered palette for several. */
    void color(XYChart chart) {
        for (int i = 0; i < pairs.size(); i++) {
            Color c = pairs.size() == 1 ? Palette.color(0) : Palette.ordered(i, pairs.size());
            for (String name : pairs.get(i)) {
                XYSeries s = name == null ? null : chart.getSeries(name);
                if (s != null) {
                    s.setLineColor(c);
                    s.setMarkerColor(c);
                }
            }
        }
    }
}
