package nnlab.plot;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.util.LinkedHashSet;
import java.util.Set;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The XYChart every nnlab line chart is: plain XChart, painted with two fixes for smooth, readable plots.
 *
 * <p>Lines are stroked at sub-pixel precision ({@code STROKE_PURE}), so a sigmoid is a smooth curve
 * rather than a staircase. An axis whose range was not fixed with the styler spans the data plus 5%
 * on each side, with ticks inside it (matplotlib's margins); each paint recomputes it from the data
 * unless the styler's range was changed to something else since. And XChart puts x ticks only at data points when all x values are equally
 * spaced (from {@code linspace}: ticks at -5, -4.4, -3.8, ...); while painting, a hidden one-point series
 * breaks that spacing so the ticks fall on round numbers (-4, -2, 0, 2, 4) as in matplotlib. The
 * hidden series exists only during {@link #paint}.
 *
 * <p>Series added with plain {@code addSeries} and no marker set get one only when they are sparse (at
 * most {@link #SPARSE} points), not a dot on each of 100 epochs. A log axis labels every tick one way:
 * {@code 0.001, 0.01, 0.1, 1} when all ticks lie in [0.001, 10000], otherwise {@code 1E-4, 1E-3, ...}.
 * Train/test pairs added with {@link Plots#trainTest} share a colour per run ({@link Runs}).
 * {@code toString()} says what the chart holds and how to see it.
 *
 * <pre>{@code
 * XYChart c = new XYPlot(600, 400);
 * c.addSeries("sigmoid", xs, ys);
 * Plots.save(c, "sigmoid.png");
 * }</pre>
 */
public class XYPlot extends XYChart {
    /** Space left around the data on an axis with no fixed range, as a fraction of its span (matplotlib's 5%). */
    static final double MARGIN = 0.05;
    private Double autoX0;
    private Double autoX1;
    private Double autoY0;
    private Double autoY1;
    private String autoXPattern;
    private String autoYPattern;
    private static final String TICK_HELPER = "\u0000ticks";
    /** A series with at most this many points is sparse: it gets markers unless told otherwise. */
    static final int SPARSE = 30;
    private final Runs runs = new Runs();

    /** An empty chart of the given size in pixels. */
    public XYPlot(int width, int height) {
        super(width, height);
    }

    @Override
    public void paint(Graphics2D g, int width, int height) {
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        XYStyler s = getStyler();
        boolean autoX = isAuto(s.getXAxisMin(), s.getXAxisMax(), autoX0, autoX1);
        boolean autoY = isAuto(s.getYAxisMin(), s.getYAxisMax(), autoY0, autoY1);
        double[] r = dataRange(s.isXAxisLogarithmic(), s.isYAxisLogarithmic());
        if (r != null && (autoX || autoY)) {
            if (autoX) {
                double[] x = withMargins(r[0], r[1], s.isXAxisLogarithmic());
                autoX0 = x[0];
                autoX1 = x[1];
                s.setXAxisMin(autoX0).setXAxisMax(autoX1);
            }
            if (autoY) {
                double[] y = withMargins(r[2], r[3], s.isYAxisLogarithmic());
                autoY0 = y[0];
                autoY1 = y[1];
                s.setYAxisMin(autoY0).setYAxisMax(autoY1);
            }
            s.setPlotContentSize(1.0);
        }
        if (r != null) {
            String x = roundLabels(s.getXAxisDecimalPattern(), autoXPattern, r[1] - r[0], s.isXAxisLogarithmic());
            if (x != null && !x.equals(s.getXAxisDecimalPattern())) {       // only ever replace our own pattern
                autoXPattern = x;
                s.setXAxisDecimalPattern(x);
            }
            String y = roundLabels(s.getYAxisDecimalPattern(), autoYPattern, r[3] - r[2], s.isYAxisLogarithmic());
            if (y != null && !y.equals(s.getYAxisDecimalPattern())) {
                autoYPattern = y;
                s.setYAxisDecimalPattern(y);
            }
        }
        if (r != null) {
            logLabels(s, r);
        }
        sparseMarkers();
        runs.color(this);
        boolean helper = addTickHelper();
        try {
            super.paint(g, width, height);
        } finally {
            if (helper) {
                removeSeries(TICK_HELPER);
            }
        }
    }

    /** The train/test runs drawn on this chart ({@link Plots#trainTest}). */
    Runs runs() {
        return runs;
    }

    /** Sets the chart's size back after it was painted at another (XChart keeps the last painted size). */
    void resize(int width, int height) {
        setWidth(width);
        setHeight(height);
    }

    /** Markers for the series nobody chose a marker for: circles when sparse, none when dense. */
    private void sparseMarkers() {
        for (XYSeries series : getSeriesCollection()) {
            if (series.getMarker() == null) {
                series.setMarker(series.getXData().length <= SPARSE ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
            }
        }
    }

    /** One label style per log axis, unless the student set a pattern. */
    private void logLabels(XYStyler s, double[] r) {
        if (s.isXAxisLogarithmic() && (s.getXAxisDecimalPattern() == null || s.getXAxisDecimalPattern().equals(autoXPattern))) {
            autoXPattern = logPattern(s.getXAxisMin(), s.getXAxisMax());
            s.setXAxisDecimalPattern(autoXPattern);
        }
        if (s.isYAxisLogarithmic() && (s.getYAxisDecimalPattern() == null || s.getYAxisDecimalPattern().equals(autoYPattern))) {
            autoYPattern = logPattern(s.getYAxisMin(), s.getYAxisMax());
            s.setYAxisDecimalPattern(autoYPattern);
        }
    }

    /** "0.###" when every decade tick in [lo, hi] prints short that way (0.001 .. 10000), else "0E0". */
    static String logPattern(Double lo, Double hi) {
        boolean plain = lo != null && hi != null && lo >= 0.99e-3 && hi <= 1.01e4;
        return plain ? "0.###" : "0E0";
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(getClass().getSimpleName()).append(' ');
        sb.append(getTitle() == null || getTitle().isEmpty() ? "(untitled)" : "\"" + getTitle() + "\"");
        sb.append(", ").append(getWidth()).append('x').append(getHeight()).append(" px, ");
        int n = 0;
        StringBuilder names = new StringBuilder();
        for (XYSeries series : getSeriesCollection()) {
            if (!series.getName().equals(TICK_HELPER)) {
                names.append(n++ == 0 ? "" : ", ").append(series.getName()).append(" (")
                        .append(series.getXData().length).append(" points)");
            }
        }
        sb.append(n).append(" series").append(n == 0 ? "" : ": " + names);
        return sb.append("; see it with Plots.show(chart) or Plots.save(chart, \"chart.png\")").toString();
    }

    /** An axis range is automatic when unset, or still the one this class set at the last paint. */
    private static boolean isAuto(Double min, Double max, Double lastMin, Double lastMax) {
        return (min == null && max == null) || (min != null && min.equals(lastMin) && max != null && max.equals(lastMax));
    }

    /** {xmin, xmax, ymin, ymax} of the finite data (positive only on a log axis), or null when none or flat. */
    private double[] dataRange(boolean logX, boolean logY) {
        double[] r = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (XYSeries series : getSeriesCollection()) {
            double[] xs = series.getXData();
            double[] ys = series.getYData();
            for (int i = 0; i < xs.length; i++) {
                if (Double.isFinite(xs[i]) && Double.isFinite(ys[i]) && (!logX || xs[i] > 0) && (!logY || ys[i] > 0)) {
                    r[0] = Math.min(r[0], xs[i]);
                    r[1] = Math.max(r[1], xs[i]);
                    r[2] = Math.min(r[2], ys[i]);
                    r[3] = Math.max(r[3], ys[i]);
                }
            }
        }
        return r[0] < r[1] && r[2] < r[3] ? r : null;
    }

    /** [lo, hi] widened by {@link #MARGIN} of the span; on a log axis the span is measured in decades. */
    static double[] withMargins(double lo, double hi, boolean log) {
        if (!log) {
            return new double[] {lo - MARGIN * (hi - lo), hi + MARGIN * (hi - lo)};
        }
        double decades = Math.log10(hi) - Math.log10(lo);
        return new double[] {lo / Math.pow(10, MARGIN * decades), hi * Math.pow(10, MARGIN * decades)};
    }

    /**
     * A tick-label pattern with as many decimals as ticks about a tenth of {@code span} apart need
     * ("0.###" for a span of 0.25, "0.#" for 10; trailing zeros are not printed), unless the user set one; XChart's own default prints
     * ".08" and, for some ranges, 4.800000000000001.
     */
    static String roundLabels(String current, String lastAuto, double span, boolean log) {
        if (log || (current != null && !current.equals(lastAuto)) || !(span > 0)) {
            return current;
        }
        int decimals = (int) Math.max(0, Math.min(12, 1 - Math.floor(Math.log10(span / 10))));
        return decimals == 0 ? "0" : "0." + "#".repeat(decimals);
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
