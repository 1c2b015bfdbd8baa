package nnlab.plot;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Several charts or images side by side in one picture, like matplotlib's {@code plt.subplot}.
 *
 * <p>Every cell is as large as the largest part ({@code cellW = max width}, {@code cellH = max
 * height}); the picture is {@code cols·cellW × rows·cellH}. Parts fill the cells row by row; a
 * smaller part is centred in its cell, a null part leaves the cell blank.
 *
 * <pre>{@code
 * BufferedImage g = Grid.of(1, 2, List.of(sigmoidChart, reluChart));   // 1200 × 400
 * Plots.save(g, "activations.png");
 * Plots.show(g);
 * }</pre>
 */
final class Grid {

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
        BufferedImage[] images = new BufferedImage[parts.size()];
        int cellW = 1;
        int cellH = 1;
        for (int k = 0; k < images.length; k++) {
            images[k] = image(parts.get(k), k);
            if (images[k] != null) {
                cellW = Math.max(cellW, images[k].getWidth());
                cellH = Math.max(cellH, images[k].getHeight());
            }
        }
        BufferedImage out = new BufferedImage(cols * cellW, rows * cellH, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        for (int k = 0; k < images.length; k++) {
            if (images[k] != null) {
                int x = (k % cols) * cellW + (cellW - images[k].getWidth()) / 2;
                int y = (k / cols) * cellH + (cellH - images[k].getHeight()) / 2;
                g.drawImage(images[k], x, y, null);
            }
        }
        g.dispose();
        return out;
    }

    static BufferedImage image(Object part, int k) {
        if (part == null) {
            return null;
        }
        if (part instanceof BufferedImage im) {
            return im;
        }
        if (part instanceof Chart<?, ?> chart) {
            return BitmapEncoder.getBufferedImage(chart);
        }
        throw new IllegalArgumentException("grid: part " + k + " is a " + part.getClass().getSimpleName()
                + "; expected an XChart chart or a BufferedImage");
    }
}
