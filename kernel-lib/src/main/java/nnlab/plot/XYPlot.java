package nnlab.plot;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.util.LinkedHashSet;
import java.util.Set;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The XYChart every nnlab line chart is: plain XChart, painted with two fixes for smooth, readable plots.
 *
 * <p>Lines are stroked at sub-pixel precision ({@code STROKE_PURE}), so a sigmoid is a smooth curve
 * rather than a staircase. And XChart puts x ticks only at data points when all x values are equally
 * spaced (from {@code linspace}: ticks at -5, -4.4, -3.8, ...); while painting, a hidden one-point series
 * breaks that spacing so the ticks fall on round numbers (-4, -2, 0, 2, 4) as in matplotlib. The
 * hidden series exists only during {@link #paint}.
 *
 * <pre>{@code
 * XYChart c = new XYPlot(600, 400);
 * c.addSeries("sigmoid", xs, ys);
 * Plots.save(c, "sigmoid.png");
 * }</pre>
 */
public class XYPlot extends XYChart {
    private static final String TICK_HELPER = "\u0000ticks";

    /** An empty chart of the given size in pixels. */
    public XYPlot(int width, int height) {
        super(width, height);
    }

    @Override
    public void paint(Graphics2D g, int width, int height) {
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        boolean helper = addTickHelper();
        try {
            super.paint(g, width, height);
        } finally {
            if (helper) {
                removeSeries(TICK_HELPER);
            }
        }
    }

    /** Adds the hidden point when XChart would see equally spaced x values; true if it did. */
    private boolean addTickHelper() {
        Set<Double> xs = new LinkedHashSet<>();
        double y = Double.NaN;
        for (XYSeries s : getSeriesCollection()) {
            for (int i = 0; i < s.getXData().length; i++) {
                xs.add(s.getXData()[i]);
                y = Double.isNaN(y) && Double.isFinite(s.getYData()[i]) ? s.getYData()[i] : y;
            }
        }
        if (xs.size() < 3 || Double.isNaN(y) || getSeries(TICK_HELPER) != null) {
            return false;
        }
        Double[] v = xs.toArray(new Double[0]);
        double space = v[1] - v[0];
        for (int i = 2; i < v.length; i++) {
            if (Math.abs(v[i] - v[i - 1] - space) >= 1e-4) {
                return false;
            }
        }
        XYSeries s = addSeries(TICK_HELPER, new double[] {v[0] + space / 2}, new double[] {y});
        s.setMarker(SeriesMarkers.NONE);
        s.setLineStyle(SeriesLines.NONE);
        s.setShowInLegend(false);
        return true;
    }
}
