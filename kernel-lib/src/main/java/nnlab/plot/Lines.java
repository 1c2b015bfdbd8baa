package nnlab.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Line series and trajectories on XY charts: {@code y = f(x)} curves, several of them on one chart,
 * and a path of points (gradient-descent steps) drawn over a contour map.
 *
 * <p>Each new line takes the next {@link Palette} colour; paths on a contour map are red, then
 * orange, pink, cyan, blue so they stand out on viridis. The legend goes to the corner with the
 * fewest points in it ({@link LegendCorner}).
 *
 * <pre>{@code
 * XYChart c = Lines.line(null, xs, sigmoid, "sigmoid");
 * Lines.line(c, xs, relu, "ReLU");              // a second series, orange
 * Lines.path(contour, stepsX, stepsY, "SGD");  // red line with markers
 * }</pre>
 */
final class Lines {
    private static final int[] PATH_COLORS = {3, 1, 6, 9, 0, 2};
    private static final BasicStroke LINE = new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    private static final BasicStroke PATH = new BasicStroke(1.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);

    private Lines() {
    }

    /** Adds the line {@code (xs, ys)} called {@code name} to {@code chart} (a new chart when null). */
    static XYChart line(XYChart chart, double[] xs, double[] ys, String name) {
        sameLength("line", xs, ys);
        XYChart c = chart != null ? chart : Style.xyChart("", "x", "y");
        int index = c.getSeriesCollection().size();
        XYSeries s = c.addSeries(unique(c, name == null || name.isEmpty() ? "y" : name), xs, ys);
        Color color = Palette.color(index);
        s.setLineColor(color);
        s.setLineStyle(LINE);
        s.setMarker(xs.length <= XYPlot.SPARSE ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
        s.setMarkerColor(color);
        LegendCorner.place(c);
        return c;
    }

    /** Adds the trajectory {@code (xs, ys)} with a marker at every point. */
    static XYChart path(XYChart chart, double[] xs, double[] ys, String name) {
        sameLength("path", xs, ys);
        if (chart == null) {
            throw new IllegalArgumentException("path: chart is null; draw the path on a chart, e.g. Plots.contour(f, ...)");
        }
        int paths = 0;
        for (XYSeries other : chart.getSeriesCollection()) {
            boolean isPath = other.getMarker() == SeriesMarkers.CIRCLE
                    && other.getXYSeriesRenderStyle().orElse(null) == XYSeries.XYSeriesRenderStyle.Line;
            paths += isPath ? 1 : 0;
        }
        Color color = chart instanceof FieldChart ? Palette.color(PATH_COLORS[paths % PATH_COLORS.length])
                : Palette.color(chart.getSeriesCollection().size());
        XYSeries s = chart.addSeries(unique(chart, name == null ? "path" : name), xs, ys);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setLineColor(color);
        s.setLineStyle(PATH);
        s.setMarker(SeriesMarkers.CIRCLE);
        s.setMarkerColor(color);
        if (name != null) {
            chart.getStyler().setLegendVisible(true);
            LegendCorner.place(chart);
        }
        return chart;
    }

    static String unique(XYChart chart, String name) {
        String n = name;
        for (int k = 2; chart.getSeries(n) != null; k++) {
            n = name + " " + k;
        }
        return n;
    }

    static double[] toArray(List<? extends Number> values, String what) {
        if (values == null) {
            throw new IllegalArgumentException(what + " is null");
        }
        double[] v = new double[values.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = values.get(i).doubleValue();
        }
        return v;
    }

    static void sameLength(String op, double[] xs, double[] ys) {
        if (xs == null || ys == null) {
            throw new IllegalArgumentException(op + ": xs and ys must not be null");
        }
        if (xs.length != ys.length) {
            throw new IllegalArgumentException(op + ": xs has " + xs.length + " values but ys has " + ys.length
                    + "; expected one y per x");
        }
        if (xs.length == 0) {
            throw new IllegalArgumentException(op + ": no points to draw (xs and ys are empty)");
        }
    }
}
