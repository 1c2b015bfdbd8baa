package nnlab.plot;

import java.awt.image.BufferedImage;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/** Test helpers: render headless, read pixels, compare colours. */
final class Render {
    private Render() {
    }

    static BufferedImage png(Chart<?, ?> chart) {
        return BitmapEncoder.getBufferedImage(chart);
    }

    static int rgb(BufferedImage im, double x, double y) {
        return im.getRGB((int) Math.round(x), (int) Math.round(y)) & 0xffffff;
    }

    /** Largest per-channel difference of two 0xRRGGBB colours. */
    static int distance(int a, int b) {
        int d = 0;
        for (int shift = 0; shift <= 16; shift += 8) {
            d = Math.max(d, Math.abs(((a >> shift) & 0xff) - ((b >> shift) & 0xff)));
        }
        return d;
    }

    /** True when a pixel within {@code radius} of (x, y) is within {@code tol} of {@code color}. */
    static boolean near(BufferedImage im, double x, double y, int radius, int color, int tol) {
        for (int dy = -radius; dy <= radius; dy++) {
            for (int dx = -radius; dx <= radius; dx++) {
                int px = (int) Math.round(x) + dx;
                int py = (int) Math.round(y) + dy;
                if (px >= 0 && py >= 0 && px < im.getWidth() && py < im.getHeight()
                        && distance(im.getRGB(px, py) & 0xffffff, color) <= tol) {
                    return true;
                }
            }
        }
        return false;
    }
}
