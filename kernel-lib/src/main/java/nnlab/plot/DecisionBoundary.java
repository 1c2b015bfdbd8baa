package nnlab.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.function.Function;
import nnlab.data.Dataset;
import nnlab.tensor.Tensor;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The regions a classifier assigns to each class, with the dataset's points on top.
 *
 * <p>The model runs once on a {@code 150 × 150} grid covering the data plus 10% margins, as a
 * batch [22500, 2]. A [G², 1] or [G²] output is read as p(class 1): the background blends class 0's
 * and class 1's pale colours by p and a black line marks p = 0.5. A [G², C] output is read as class
 * scores: each pixel gets the pale colour of its arg-max class. Values are interpolated bilinearly
 * between grid points, so boundaries are smooth at any chart size.
 *
 * <pre>{@code
 * Net net = new Net(new Linear(2, 16, rng), new ReLU(), new Linear(16, 1, rng), new Sigmoid());
 * FieldChart db = DecisionBoundary.of(net::predict, circles);
 * Plots.show(db);
 * }</pre>
 */
final class DecisionBoundary {
    static final int GRID = 150;
    private static final double PALE = 0.6;

    private DecisionBoundary() {
    }

    static FieldChart of(Function<Tensor, Tensor> model, Dataset ds) {
        Scatter.labels(ds, "decisionBoundary");
        double[] xs = axis(ds.x().col(0));
        double[] ys = axis(ds.x().col(1));
        double[] grid = new double[2 * GRID * GRID];
        for (int j = 0; j < GRID; j++) {
            for (int i = 0; i < GRID; i++) {
                grid[2 * (j * GRID + i)] = xs[i];
                grid[2 * (j * GRID + i) + 1] = ys[j];
            }
        }
        Tensor out = model.apply(Tensor.fromArray(grid, GRID * GRID, 2));
        if (out == null || out.shape(0) != GRID * GRID || out.rank() > 2) {
            throw new IllegalArgumentException("decisionBoundary: the model must map [N, 2] to [N], [N, 1] or [N, C]; for N = "
                    + GRID * GRID + " it returned " + (out == null ? "null" : java.util.Arrays.toString(out.shape())));
        }
        FieldChart chart = out.rank() == 1 || out.shape(1) == 1 ? binary(xs, ys, out.reshape(-1)) : multi(xs, ys, out);
        chart.setXAxisTitle("x1");
        chart.setYAxisTitle("x2");
        Scatter.addPoints(chart, ds, "decisionBoundary");
        chart.getStyler().setLegendVisible(true);
        LegendCorner.place(chart);
        return chart;
    }

    private static FieldChart binary(double[] xs, double[] ys, Tensor p) {
        double lo = p.min();
        double hi = p.max();
        if (lo < 0 || hi > 1 || !p.isFinite()) {
            throw new IllegalArgumentException("decisionBoundary: a [N] or [N, 1] output must be probabilities in [0, 1], got values from "
                    + lo + " to " + hi + "; end the net with Sigmoid (or pass x -> scores [N, C] for several classes)");
        }
        double[][] z = grid(p, 0, 1);
        Bilinear field = new Bilinear(xs, ys, z);
        Color c0 = Palette.light(0, PALE);
        Color c1 = Palette.light(1, PALE);
        FieldChart chart = new FieldChart("", xs[0], xs[GRID - 1], ys[0], ys[GRID - 1],
                (x, y) -> Palette.mix(c0, c1, Math.max(0, Math.min(1, field.at(x, y)))).getRGB());
        MarchingSquares.Lines half = MarchingSquares.isolines(xs, ys, z, 0.5);
        if (half.x().length > 0) {
            XYSeries s = chart.addSeries("p = 0.5", half.x(), half.y());
            s.setLineColor(new Color(0x262626));
            s.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            s.setMarker(SeriesMarkers.NONE);
            s.setShowInLegend(false);
        }
        return chart;
    }

    private static FieldChart multi(double[] xs, double[] ys, Tensor scores) {
        int classes = scores.shape(1);
        Bilinear[] fields = new Bilinear[classes];
        for (int k = 0; k < classes; k++) {
            fields[k] = new Bilinear(xs, ys, grid(scores, k, classes));
        }
        int[] pale = new int[classes];
        for (int k = 0; k < classes; k++) {
            pale[k] = Palette.light(k, PALE).getRGB();
        }
        return new FieldChart("", xs[0], xs[GRID - 1], ys[0], ys[GRID - 1], (x, y) -> {
            int best = 0;
            double top = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < classes; k++) {
                double v = fields[k].at(x, y);
                if (v > top) {
                    top = v;
                    best = k;
                }
            }
            return pale[best];
        });
    }

    /** Column k of an output [G², C] laid out as z[j][i]. */
    private static double[][] grid(Tensor out, int k, int classes) {
        double[] v = out.toArray();
        double[][] z = new double[GRID][GRID];
        for (int j = 0; j < GRID; j++) {
            for (int i = 0; i < GRID; i++) {
                z[j][i] = v[(j * GRID + i) * classes + k];
            }
        }
        return z;
    }

    /** GRID points spanning a feature's range plus 10% on each side. */
    private static double[] axis(Tensor column) {
        double lo = column.min();
        double hi = column.max();
        double pad = hi > lo ? 0.1 * (hi - lo) : 1;
        return Contour.linspace(lo - pad, hi + pad, GRID);
    }
}
