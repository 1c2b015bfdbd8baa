package nnlab.plot;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import javax.imageio.ImageIO;
import nnlab.autograd.Value;
import nnlab.autograd.Var;
import nnlab.data.Dataset;
import nnlab.display.Display;
import nnlab.metrics.ConfusionMatrix;
import nnlab.optim.Schedule;
import nnlab.tensor.Tensor;
import nnlab.train.History;
import nnlab.train.Model;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * The plots of the course in one place: contour maps with descent paths, lines, learning curves,
 * subplot grids, digit images, bar charts, confusion matrices, scatter plots, decision boundaries and
 * computation graphs.
 *
 * <p>Every chart is a real XChart object (600×400, {@link Style}, {@link Palette} colours), so
 * {@code getStyler()} still changes anything; pictures made of several parts are {@link BufferedImage}s.
 * {@link #show} hands either to the notebook; outside a notebook a window opens, or, headless, a PNG is
 * written and its path printed ({@link ChartFallback}, installed when this class is first used).
 *
 * <pre>{@code
 * XYChart c = Plots.contour((x, y) -> x * x + y * y + x * (y + 2) + Math.cos(3 * x), -5, 5, -5, 5);
 * Plots.path(c, xs, ys);                         // gradient-descent steps, red with markers
 * Plots.show(Plots.grid(1, 2, c, Plots.line(steps, losses, "loss")));
 * }</pre>
 */
public final class Plots {

    static {
        ChartFallback.install();
    }

    private Plots() {
    }

    // ---- contour maps --------------------------------------------------------------------------

    /** Filled contours, isolines and a colour bar of z = f(x, y): about 10 round levels, 100×100 samples. */
    public static FieldChart contour(DoubleBinaryOperator f, double xmin, double xmax, double ymin, double ymax) {
        return Contour.of(f, xmin, xmax, ymin, ymax, Contour.LEVELS, Contour.RESOLUTION);
    }

    /** As {@link #contour(DoubleBinaryOperator, double, double, double, double)} with about {@code levels} levels. */
    public static FieldChart contour(DoubleBinaryOperator f, double xmin, double xmax, double ymin, double ymax,
                                     int levels) {
        return Contour.of(f, xmin, xmax, ymin, ymax, levels, Contour.RESOLUTION);
    }

    /** About {@code levels} levels, f sampled {@code resolution} times per axis. */
    public static FieldChart contour(DoubleBinaryOperator f, double xmin, double xmax, double ymin, double ymax,
                                     int levels, int resolution) {
        return Contour.of(f, xmin, xmax, ymin, ymax, levels, resolution);
    }

    /** Contours at exactly these increasing {@code levels}. */
    public static FieldChart contour(DoubleBinaryOperator f, double xmin, double xmax, double ymin, double ymax,
                                     double[] levels) {
        return Contour.of(f, xmin, xmax, ymin, ymax, levels, Contour.RESOLUTION);
    }

    // ---- paths and lines -----------------------------------------------------------------------

    /** Draws the trajectory (xs[k], ys[k]) with a marker at each point over {@code chart}; returns the chart. */
    public static XYChart path(XYChart chart, double[] xs, double[] ys) {
        return Lines.path(chart, xs, ys, null);
    }

    /** A named trajectory; the legend shows its name (compare several optimizers on one map). */
    public static XYChart path(XYChart chart, double[] xs, double[] ys, String name) {
        return Lines.path(chart, xs, ys, name);
    }

    /** A trajectory from lists, e.g. the steps collected in a loop. */
    public static XYChart path(XYChart chart, List<? extends Number> xs, List<? extends Number> ys) {
        return Lines.path(chart, Lines.toArray(xs, "path: xs"), Lines.toArray(ys, "path: ys"), null);
    }

    /** A named trajectory from lists. */
    public static XYChart path(XYChart chart, List<? extends Number> xs, List<? extends Number> ys, String name) {
        return Lines.path(chart, Lines.toArray(xs, "path: xs"), Lines.toArray(ys, "path: ys"), name);
    }

    /** A trajectory from tensors xs [K] and ys [K]. */
    public static XYChart path(XYChart chart, Tensor xs, Tensor ys) {
        return Lines.path(chart, values(xs, "path: xs"), values(ys, "path: ys"), null);
    }

    /** A trajectory from points [K, 2], one (x, y) per row. */
    public static XYChart path(XYChart chart, Tensor points) {
        if (points == null || points.rank() != 2 || points.shape(1) != 2) {
            throw new IllegalArgumentException("path: expected points of shape [K, 2], got "
                    + (points == null ? "null" : Arrays.toString(points.shape())));
        }
        return Lines.path(chart, points.col(0).toArray(), points.col(1).toArray(), null);
    }

    /** A new chart with the line y = ys(xs) called {@code name}. */
    public static XYChart line(double[] xs, double[] ys, String name) {
        return Lines.line(null, xs, ys, name);
    }

    /** A new line chart from lists. */
    public static XYChart line(List<? extends Number> xs, List<? extends Number> ys, String name) {
        return Lines.line(null, Lines.toArray(xs, "line: xs"), Lines.toArray(ys, "line: ys"), name);
    }

    /** A new line chart from tensors xs [N] and ys [N]. */
    public static XYChart line(Tensor xs, Tensor ys, String name) {
        return Lines.line(null, values(xs, "line: xs"), values(ys, "line: ys"), name);
    }

    /** The curve y = f(x) on [xmin, xmax], sampled at 201 points. */
    public static XYChart line(DoubleUnaryOperator f, double xmin, double xmax, String name) {
        double[] xs = Contour.linspace(xmin, xmax, 201);
        return Lines.line(null, xs, Arrays.stream(xs).map(f).toArray(), name);
    }

    /** Several lines over the same xs: {@code ys.get(k)} is called {@code names.get(k)}. */
    public static XYChart line(double[] xs, List<double[]> ys, List<String> names) {
        if (ys == null || names == null || ys.size() != names.size() || ys.isEmpty()) {
            throw new IllegalArgumentException("line: need as many names as series (at least one), got "
                    + (ys == null ? "null" : ys.size()) + " series and " + (names == null ? "null" : names.size()) + " names");
        }
        XYChart c = null;
        for (int k = 0; k < ys.size(); k++) {
            c = Lines.line(c, xs, ys.get(k), names.get(k));
        }
        return c;
    }

    /** Adds a line to an existing chart and returns the chart. */
    public static XYChart line(XYChart chart, double[] xs, double[] ys, String name) {
        if (chart == null) {
            throw new IllegalArgumentException("line: chart is null; use Plots.line(xs, ys, name) for a new chart");
        }
        return Lines.line(chart, xs, ys, name);
    }

    /** Adds the curve y = f(x) on [xmin, xmax] to an existing chart. */
    public static XYChart line(XYChart chart, DoubleUnaryOperator f, double xmin, double xmax, String name) {
        double[] xs = Contour.linspace(xmin, xmax, 201);
        return line(chart, xs, Arrays.stream(xs).map(f).toArray(), name);
    }

    // ---- training --------------------------------------------------------------------------------

    /** Train and test {@code "loss"} or {@code "accuracy"} per epoch. */
    public static XYChart learningCurves(History h, String metric) {
        return LearningCurves.of(h, metric);
    }

    /**
     * Train (dashed) and test (solid) curves of one run in one colour on {@code chart} (a new chart with
     * an "epoch" axis when null); several runs on one chart get ordered colours. {@code test} may be null.
     */
    public static XYChart trainTest(XYChart chart, double[] xs, double[] train, double[] test, String run) {
        Lines.sameLength("trainTest", xs, train);
        if (test != null) {
            Lines.sameLength("trainTest", xs, test);
        }
        XYChart c = chart != null ? chart : Style.xyChart("", "epoch", "");
        if (!(c instanceof XYPlot p)) {
            throw new IllegalArgumentException("trainTest: the chart must be one made by Plots (e.g. Plots.trainTest(null, ...)), "
                    + "got a plain " + c.getClass().getSimpleName());
        }
        return Runs.add(p, xs, train, test, run);
    }

    /** As {@link #trainTest(XYChart, double[], double[], double[], String)} with per-epoch lists; x = 1, 2, 3, ... */
    public static XYChart trainTest(XYChart chart, List<? extends Number> train, List<? extends Number> test, String run) {
        double[] tr = Lines.toArray(train, "trainTest: train");
        double[] xs = new double[tr.length];
        Arrays.setAll(xs, i -> i + 1);
        return trainTest(chart, xs, tr, test == null ? null : Lines.toArray(test, "trainTest: test"), run);
    }

    /** The learning rate {@code s} gives each epoch, 1 to {@code epochs}: η against epoch, a line named by the schedule. */
    public static XYChart schedule(Schedule s, int epochs) {
        return ScheduleChart.add(null, s, epochs);
    }

    /** Adds schedule {@code s} to {@code chart} (from {@link #schedule(Schedule, int)}), to compare schedules. */
    public static XYChart schedule(XYChart chart, Schedule s, int epochs) {
        return ScheduleChart.add(chart, s, epochs);
    }

    /** A Trainer listener that redraws the learning curves of {@code metric} after every epoch. */
    public static LiveCurve liveLearningCurves(String metric) {
        return new LiveCurve(metric, 0);
    }

    /** As {@link #liveLearningCurves(String)}; {@code epochs} is shown in the progress line. */
    public static LiveCurve liveLearningCurves(String metric, int epochs) {
        return new LiveCurve(metric, epochs);
    }

    // ---- pictures ------------------------------------------------------------------------------

    /** Charts side by side, row by row, like {@code plt.subplot(rows, cols, k)}. */
    public static BufferedImage grid(int rows, int cols, Chart<?, ?>... charts) {
        return Grid.of(rows, cols, Arrays.asList(charts));
    }

    /** Images side by side, row by row. */
    public static BufferedImage grid(int rows, int cols, BufferedImage... images) {
        return Grid.of(rows, cols, Arrays.asList(images));
    }

    /** Charts and images mixed, row by row (null leaves a cell blank). */
    public static BufferedImage grid(int rows, int cols, List<?> parts) {
        return Grid.of(rows, cols, parts);
    }

    /** Rows of {@code x} [N, h·w] as grayscale h×w pictures, 10 per row. */
    public static BufferedImage images(Tensor x, int h, int w) {
        return Images.of(x, h, w, null, ColorMap.GRAY_R);
    }

    /** Pictures with a title above each (e.g. the label, or "3 → 8" for a mistake). */
    public static BufferedImage images(Tensor x, int h, int w, List<String> titles) {
        return Images.of(x, h, w, titles, ColorMap.GRAY_R);
    }

    /** Pictures with titles. */
    public static BufferedImage images(Tensor x, int h, int w, String[] titles) {
        return Images.of(x, h, w, titles == null ? null : Arrays.asList(titles), ColorMap.GRAY_R);
    }

    /**
     * Every [h, w] plane of x [N, h, w] or [N, C, h, w] as a picture, 10 per row, coloured by {@code map}:
     * the filters of a first Conv2d layer ({@code conv.weight().value()}, [out, 1, k, k]) with the diverging
     * {@link ColorMap#RDBU_R} (blue negative, white 0, red positive), or one digit's feature maps
     * ({@code [1, channels, H, W]}) with {@link ColorMap#GRAY_R}.
     */
    public static BufferedImage images(Tensor x, ColorMap map) {
        requirePlanes(x);
        return Images.of(x, x.shape(-2), x.shape(-1), null, map);
    }

    /** {@link #images(Tensor, ColorMap)} drawing each value as a {@code scale}×{@code scale} block (1..64 px), to look closer. */
    public static BufferedImage images(Tensor x, ColorMap map, int scale) {
        requirePlanes(x);
        return Images.of(x, x.shape(-2), x.shape(-1), null, map, scale);
    }

    private static void requirePlanes(Tensor x) {
        if (x == null || x.rank() < 3) {
            throw new IllegalArgumentException("images: expected x [N, h, w] or [N, C, h, w] (one picture per [h, w] plane), got "
                    + (x == null ? "null" : Arrays.toString(x.shape())));
        }
    }

    /** Pictures coloured by {@code map} (e.g. {@link ColorMap#GRAY} for white digits on black). */
    public static BufferedImage images(Tensor x, int h, int w, List<String> titles, ColorMap map) {
        return Images.of(x, h, w, titles, map);
    }

    // ---- bars ------------------------------------------------------------------------------------

    /** One bar per category of height {@code values[k]}; add series with {@code chart.addSeries}. */
    public static CategoryChart bar(List<String> categories, double[] values, String name) {
        return Bars.of(categories, values, name);
    }

    /** One bar per category of height {@code counts[k]} (e.g. {@code Datasets.classCounts(y)}). */
    public static CategoryChart bar(List<String> categories, int[] counts, String name) {
        return Bars.of(categories, counts == null ? null : Arrays.stream(counts).asDoubleStream().toArray(), name);
    }

    // ---- classification ------------------------------------------------------------------------

    /** The matrix as a heat map with its class names. */
    public static HeatMapChart confusion(ConfusionMatrix m) {
        return Confusion.of(m.counts(), m.classNames());
    }

    /** The matrix as a heat map labelled with {@code classNames}. */
    public static HeatMapChart confusion(ConfusionMatrix m, List<String> classNames) {
        return Confusion.of(m.counts(), classNames);
    }

    /** {@code counts[t][p]} = samples of true class t predicted as p, as a heat map. */
    public static HeatMapChart confusion(int[][] counts, List<String> classNames) {
        return Confusion.of(counts, classNames);
    }

    /** The class regions of {@code model.predict} (a {@code Net}, say) over the plane of a 2-feature dataset, with its points. */
    public static FieldChart decisionBoundary(Model model, Dataset ds) {
        return DecisionBoundary.of(model::predict, ds);
    }

    /** The class regions of any model: [N, 2] to probabilities [N] / [N, 1] or scores [N, C]. */
    public static FieldChart decisionBoundary(Function<Tensor, Tensor> model, Dataset ds) {
        return DecisionBoundary.of(model, ds);
    }

    /** The points of a 2-feature dataset coloured by class. */
    public static XYChart scatter(Dataset ds) {
        return Scatter.of(ds);
    }

    // ---- computation graphs (autograd) -------------------------------------------------------------

    /**
     * The graph that computed {@code v}, drawn by Graphviz's {@code dot} (Debian package graphviz): one box per
     * Var with its operation and shape, arrows from each input to what was computed from it.
     */
    public static BufferedImage graph(Var v) {
        return ComputationGraph.render(ComputationGraph.dot(v), "dot");
    }

    /** The graph of a scalar {@link Value}: one box per value with its data and gradient, its operation in front. */
    public static BufferedImage graph(Value v) {
        return ComputationGraph.render(ComputationGraph.dot(v), "dot");
    }

    /** The Graphviz DOT source behind {@link #graph(Var)}, e.g. to save or to draw elsewhere. */
    public static String graphSource(Var v) {
        return ComputationGraph.dot(v);
    }

    /** The Graphviz DOT source behind {@link #graph(Value)}. */
    public static String graphSource(Value v) {
        return ComputationGraph.dot(v);
    }

    // ---- output ----------------------------------------------------------------------------------

    /** Writes {@code chart} as a PNG ({@code .png} is added when the name has no extension). */
    public static Path save(Chart<?, ?> chart, String path) {
        return save(BitmapEncoder.getBufferedImage(chart), path);
    }

    /** Writes {@code image} as a PNG ({@code .png} is added when the name has no extension). */
    public static Path save(BufferedImage image, String path) {
        if (path == null || path.isBlank() || image == null) {
            throw new IllegalArgumentException("save: need an image and a file name, got " + image + " and \"" + path + "\"");
        }
        Path file = Path.of(Path.of(path).getFileName().toString().contains(".") ? path : path + ".png");
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                ImageIO.write(image, "png", out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("save: cannot write " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    /**
     * Shows a chart or image in the notebook (or a window, or a PNG file), like {@code plt.show()}.
     * To redraw the same output later, use {@code Display.display} and {@code Display.update}.
     */
    public static void show(Object chartOrImage) {
        if (!(chartOrImage instanceof Chart<?, ?>) && !(chartOrImage instanceof BufferedImage)) {
            throw new IllegalArgumentException("show: expected an XChart chart or a BufferedImage, got "
                    + (chartOrImage == null ? "null" : chartOrImage.getClass().getSimpleName()));
        }
        Display.display(chartOrImage);
    }

    private static double[] values(Tensor t, String what) {
        if (t == null) {
            throw new IllegalArgumentException(what + " is null");
        }
        return t.toArray();
    }
}
