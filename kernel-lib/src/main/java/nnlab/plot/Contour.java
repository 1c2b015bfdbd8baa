package nnlab.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.function.DoubleBinaryOperator;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A contour map of z = f(x, y), like matplotlib's {@code contourf} + {@code contour} + {@code colorbar}.
 *
 * <p>f is sampled on a {@code resolution × resolution} grid over [xmin, xmax] × [ymin, ymax]. Each
 * pixel of the plot gets the band of its bilinearly interpolated z, coloured by viridis; the
 * isolines z = level (marching squares on the same grid, so they sit exactly on the band edges)
 * are thin dark series named "z = level"; a colour bar shows the levels.
 *
 * <pre>{@code
 * FieldChart c = Contour.of((x, y) -> x * x + y * y + x * (y + 2) + Math.cos(3 * x), -5, 5, -5, 5, 20, 100);
 * Plots.path(c, xs, ys);
 * Plots.save(c, "contour.png");
 * }</pre>
 */
public final class Contour {
    /** Grid points per axis when none is given. */
    public static final int RESOLUTION = 100;
    /** About this many bands when no levels are given. */
    public static final int LEVELS = 10;
    private static final Color LINE = new Color(0, 0, 0, 150);
    private static final BasicStroke STROKE = new BasicStroke(0.8f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);

    private Contour() {
    }

    /** About {@code levels} round levels over the range of f, sampled {@code resolution} times per axis. */
    public static FieldChart of(DoubleBinaryOperator f, double xmin, double xmax, double ymin, double ymax,
                                int levels, int resolution) {
        double[] xs = linspace(xmin, xmax, resolution);
        double[] ys = linspace(ymin, ymax, resolution);
        double[][] z = sample(f, xs, ys);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] row : z) {
            for (double v : row) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (lo > hi) {
            throw new IllegalArgumentException("Contour: f is NaN or infinite everywhere on [" + xmin + ", " + xmax
                    + "] x [" + ymin + ", " + ymax + "]");
        }
        return of(xs, ys, z, Levels.nice(lo, hi, levels));
    }

    /** Contours at the given increasing {@code levels}, f sampled {@code resolution} times per axis. */
    public static FieldChart of(DoubleBinaryOperator f, double xmin, double xmax, double ymin, double ymax,
                                double[] levels, int resolution) {
        double[] xs = linspace(xmin, xmax, resolution);
        double[] ys = linspace(ymin, ymax, resolution);
        return of(xs, ys, sample(f, xs, ys), levels);
    }

    /** Contours of grid values {@code z[j][i] = f(xs[i], ys[j])} at {@code levels}. */
    public static FieldChart of(double[] xs, double[] ys, double[][] z, double[] levels) {
        ColorBar bar = new ColorBar(levels, ColorMap.VIRIDIS);
        Bilinear field = new Bilinear(xs, ys, z);
        FieldChart chart = new FieldChart("", xs[0], xs[xs.length - 1], ys[0], ys[ys.length - 1], (x, y) -> {
            int band = bar.band(field.at(x, y));
            return band < 0 || band >= levels.length - 1 ? 0 : bar.bandColor(band);
        });
        chart.setColorBar(bar);
        for (double level : levels) {
            MarchingSquares.Lines lines = MarchingSquares.isolines(xs, ys, z, level);
            if (lines.x().length > 0) {
                XYSeries s = chart.addSeries("z = " + ColorBar.label(level), lines.x(), lines.y());
                s.setLineColor(LINE);
                s.setLineStyle(STROKE);
                s.setMarker(SeriesMarkers.NONE);
                s.setShowInLegend(false);
            }
        }
        return chart;
    }

    /** {@code n} evenly spaced values from {@code a} to {@code b} inclusive. */
    public static double[] linspace(double a, double b, int n) {
        if (n < 2) {
            throw new IllegalArgumentException("Contour: resolution must be at least 2 points per axis, got " + n);
        }
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = i == n - 1 ? b : a + (b - a) * i / (n - 1);
        }
        return v;
    }

    /** {@code z[j][i] = f(xs[i], ys[j])}: rows follow y, columns follow x. */
    public static double[][] sample(DoubleBinaryOperator f, double[] xs, double[] ys) {
        double[][] z = new double[ys.length][xs.length];
        for (int j = 0; j < ys.length; j++) {
            for (int i = 0; i < xs.length; i++) {
                z[j][i] = f.applyAsDouble(xs[i], ys[j]);
            }
        }
        return z;
    }
}
