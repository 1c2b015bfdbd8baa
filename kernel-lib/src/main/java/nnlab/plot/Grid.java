package nnlab.plot;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Several charts or images side by side in one picture, like matplotlib's {@code plt.subplot}.
 *
 * <p>Every cell is as large as the largest part ({@code cellW = max width}, {@code cellH = max
 * height}); the picture is {@code cols·cellW × rows·cellH}, shrunk by {@code s = COLUMN_WIDTH /
 * (cols·cellW)} when that is wider than the notebook column ({@link Style#COLUMN_WIDTH}), so it is
 * shown at 100 %. A chart is then drawn afresh in its smaller cell with its text scaled by
 * {@code max(s, MIN_TEXT_SCALE)}: fonts shrink with the panel, yet a 12 px tick label stays at least
 * 11 px. Images are resampled by {@code s}. Parts fill the cells row by row; a smaller part is centred
 * in its cell, a null part leaves the cell blank.
 *
 * <pre>{@code
 * BufferedImage g = Grid.of(1, 2, List.of(sigmoidChart, reluChart));   // 940 × 313, not 1200 × 400
 * Plots.save(g, "activations.png");
 * Plots.show(g);
 * }</pre>
 */
final class Grid {
    /** Text in a shrunk grid keeps at least this fraction of its size (12 px ticks stay >= 11 px). */
    static final double MIN_TEXT_SCALE = 0.92;

    private Grid() {
    }

    static BufferedImage of(int rows, int cols, List<?> parts) {
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("grid: rows and cols must be >= 1, got " + rows + " x " + cols);
        }
        if (parts.size() > rows * cols) {
            throw new IllegalArgumentException("grid: " + parts.size() + " parts do not fit in " + rows + " x " + cols
                    + " = " + rows * cols + " cells");
        }
        int cellW = 1;
        int cellH = 1;
        for (int k = 0; k < parts.size(); k++) {
            int[] size = size(parts.get(k), k);
            cellW = Math.max(cellW, size[0]);
            cellH = Math.max(cellH, size[1]);
        }
        double s = Math.min(1.0, (double) Style.COLUMN_WIDTH / (cols * cellW));
        int w = (int) Math.floor(cellW * s);
        int h = (int) Math.floor(cellH * s);
        BufferedImage out = new BufferedImage(cols * w, rows * h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        for (int k = 0; k < parts.size(); k++) {
            int[] size = size(parts.get(k), k);
            int pw = (int) Math.round(size[0] * s);
            int ph = (int) Math.round(size[1] * s);
            Graphics2D cell = (Graphics2D) g.create((k % cols) * w + (w - pw) / 2, (k / cols) * h + (h - ph) / 2, pw, ph);
            draw(cell, parts.get(k), pw, ph, s);
            cell.dispose();
        }
        g.dispose();
        return out;
    }

    /** {width, height} of a part as drawn on its own ({0, 0} for null). */
    private static int[] size(Object part, int k) {
        if (part == null) {
            return new int[2];
        }
        if (part instanceof BufferedImage im) {
            return new int[] {im.getWidth(), im.getHeight()};
        }
        if (part instanceof Chart<?, ?> chart) {
            return new int[] {chart.getWidth(), chart.getHeight()};
        }
        throw new IllegalArgumentException("grid: part " + k + " is a " + part.getClass().getSimpleName()
                + "; expected an XChart chart or a BufferedImage");
    }

    /** Draws a part into a w × h cell: an image resampled, a chart painted anew at text scale {@link #textScale}. */
    private static void draw(Graphics2D g, Object part, int w, int h, double s) {
        if (part instanceof BufferedImage im) {
            g.drawImage(im, 0, 0, w, h, null);
        } else if (part instanceof Chart<?, ?> chart) {
            if (s == 1.0) {
                g.drawImage(BitmapEncoder.getBufferedImage(chart), 0, 0, null);
                return;
            }
            double t = textScale(s);
            int width = chart.getWidth();
            int height = chart.getHeight();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.scale(t, t);
            chart.paint(g, (int) Math.round(w / t), (int) Math.round(h / t));
            restoreSize(chart, width, height);
        }
    }

    /** How much a chart's text shrinks when its picture shrinks by {@code s}: {@code max(s, MIN_TEXT_SCALE)}. */
    static double textScale(double s) {
        return Math.min(1.0, Math.max(s, MIN_TEXT_SCALE));
    }

    /** XChart's paint(g, w, h) keeps w × h as the chart's size; give the chart back the size it had. */
    private static void restoreSize(Chart<?, ?> chart, int width, int height) {
        if (chart instanceof XYPlot p) {
            p.resize(width, height);
        } else {
            BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = scratch.createGraphics();
            chart.paint(g, width, height);
            g.dispose();
        }
    }
}
