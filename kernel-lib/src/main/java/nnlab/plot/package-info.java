/**
 * Plots for the course on XChart: contour maps with descent paths, lines, learning curves (also live,
 * during training), subplot grids, digit images, confusion matrices, scatter plots and decision boundaries.
 *
 * <p>Start from {@link nnlab.plot.Plots}. Every chart is a real XChart chart in one house style
 * ({@link nnlab.plot.Style}, {@link nnlab.plot.Palette}); contour maps and decision boundaries are
 * {@link nnlab.plot.FieldChart}s, XY charts whose plot area is painted from a function of (x, y), with
 * isolines from {@link nnlab.plot.MarchingSquares}.
 *
 * <pre>{@code
 * XYChart c = Plots.contour((x, y) -> x * x + y * y + x * (y + 2) + Math.cos(3 * x), -5, 5, -5, 5);
 * Plots.path(c, xs, ys);
 * Plots.show(c);
 * }</pre>
 */
package nnlab.plot;
