package nnlab.plot;

import java.util.ArrayList;
import java.util.List;
import nnlab.data.Dataset;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Two-feature samples as points coloured by class: class k is {@code Palette.color(k)}, one series
 * per class named after the class.
 *
 * <p>Shapes: {@code ds.x()} [N, 2], {@code ds.y()} [N] with class indices 0..C-1.
 *
 * <pre>{@code
 * Dataset ds = Datasets.moons(200, 0.1, new Rng(0));
 * XYChart c = Scatter.of(ds);
 * Plots.save(c, "moons.png");
 * }</pre>
 */
final class Scatter {

    private Scatter() {
    }

    /** A new chart with the points of {@code ds}. */
    static XYChart of(Dataset ds) {
        XYChart c = Style.xyChart("", "x1", "x2");
        addPoints(c, ds, "scatter");
        LegendCorner.place(c);
        return c;
    }

    /** Adds one scatter series per class of {@code ds} to {@code chart}. */
    static void addPoints(XYChart chart, Dataset ds, String op) {
        int[] labels = labels(ds, op);
        int classes = 0;
        for (int k : labels) {
            classes = Math.max(classes, k + 1);
        }
        classes = Math.max(classes, ds.numClasses());
        double[] x = ds.x().col(0).toArray();
        double[] y = ds.x().col(1).toArray();
        for (int k = 0; k < classes; k++) {
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] == k) {
                    xs.add(x[i]);
                    ys.add(y[i]);
                }
            }
            if (xs.isEmpty()) {
                continue;
            }
            XYSeries s = chart.addSeries(Lines.unique(chart, className(ds, k)), xs, ys);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setMarkerColor(Palette.color(k));
        }
    }

    static String className(Dataset ds, int k) {
        List<String> names = ds.classNames();
        return names != null && k < names.size() ? names.get(k) : "class " + k;
    }

    /** The labels as class indices, checking that the dataset has 2 features. */
    static int[] labels(Dataset ds, String op) {
        if (ds == null) {
            throw new IllegalArgumentException(op + ": dataset is null");
        }
        if (ds.features() != 2) {
            throw new IllegalArgumentException(op + ": needs a dataset with 2 features (x [N, 2]), got "
                    + ds.features() + " features");
        }
        double[] y = ds.y().toArray();
        int[] labels = new int[y.length];
        for (int i = 0; i < y.length; i++) {
            if (y[i] != Math.rint(y[i]) || y[i] < 0) {
                throw new IllegalArgumentException(op + ": labels must be class indices 0, 1, 2, ..., got " + y[i]
                        + " at row " + i);
            }
            labels[i] = (int) y[i];
        }
        return labels;
    }
}
