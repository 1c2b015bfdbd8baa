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
 * 'b--'); plt.plot(e, test, 'b')}: a run's train curve is dashed and its test curve solid, in one colour.
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
    static final BasicStroke TEST = new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    /** {train series name, test series name} per run, in the order they were added. */
    private final List<String[]> pairs = new ArrayList<>();

    /** Adds the train (dashed) and test (solid) curves of one run to {@code chart}; returns the chart. */
    static XYChart add(XYPlot chart, double[] xs, double[] train, double[] test, String run) {
        String suffix = run == null || run.isBlank() ? "" : ", " + run;
        XYSeries tr = chart.addSeries(Lines.unique(chart, "train" + suffix), xs, train);
        tr.setLineStyle(TRAIN);
        XYSeries te = test == null ? null : chart.addSeries(Lines.unique(chart, "test" + suffix), xs, test);
        if (te != null) {
            te.setLineStyle(TEST);
        }
        for (XYSeries s : te == null ? List.of(tr) : List.of(tr, te)) {
            s.setMarker(xs.length <= XYPlot.SPARSE ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
        }
        chart.runs().pairs.add(new String[] {tr.getName(), te == null ? null : te.getName()});
        LegendCorner.place(chart);
        return chart;
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
