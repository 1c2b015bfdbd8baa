package nnlab.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.knowm.xchart.style.AxesChartStyler;

/**
 * The colour bar beside a filled contour map: one box per band between consecutive levels, in the
 * band's colour, with the level values written beside it (like matplotlib's {@code colorbar()}).
 *
 * <p>Band k spans [levels[k], levels[k+1]] and has colour {@code map((k + 0.5) / bands)}; the bar
 * is as tall as the plot area. With many levels only every second (third, ...) one is labelled.
 *
 * <pre>{@code
 * ColorBar bar = new ColorBar(new double[] {0, 10, 20, 30}, ColorMap.VIRIDIS);
 * fieldChart.setColorBar(bar);
 * int argb = bar.bandColor(1);     // the colour of [10, 20]
 * }</pre>
 */
public final class ColorBar {
    private static final int GAP = 14;
    private static final int BAR = 16;
    private static final int TICK = 4;
    private final double[] levels;
    private final ColorMap map;

    /** A bar for {@code levels} (increasing, at least 2) coloured by {@code map}. */
    public ColorBar(double[] levels, ColorMap map) {
        if (levels.length < 2) {
            throw new IllegalArgumentException("ColorBar: need at least 2 levels, got " + levels.length);
        }
        for (int k = 1; k < levels.length; k++) {
            if (!(levels[k] > levels[k - 1])) {
                throw new IllegalArgumentException("ColorBar: levels must increase, got " + levels[k - 1]
                        + " then " + levels[k] + " at index " + k);
            }
        }
        this.levels = levels.clone();
        this.map = map;
    }

    /** The levels, lowest first. */
    public double[] levels() {
        return levels.clone();
    }

    /** The colour of band k (between levels[k] and levels[k+1]). */
    public int bandColor(int k) {
        return map.argb((k + 0.5) / (levels.length - 1));
    }

    /** The band holding {@code z}: -1 below the first level, bands() above the last. */
    int band(double z) {
        int lo = 0;
        int hi = levels.length - 1;
        if (z < levels[0]) {
            return -1;
        }
        if (z > levels[hi]) {
            return hi;
        }
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (z >= levels[mid]) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Pixels the bar needs to the right of the plot, labels included. */
    int width(AxesChartStyler s) {
        FontMetrics fm = metrics(s.getAxisTickLabelsFont());
        int widest = 0;
        for (double v : levels) {
            widest = Math.max(widest, fm.stringWidth(label(v)));
        }
        return GAP + BAR + TICK + 4 + widest + 10;
    }

    void paint(Graphics2D g, int left, int top, int height, AxesChartStyler s) {
        int x = left + GAP;
        int bands = levels.length - 1;
        for (int k = 0; k < bands; k++) {
            int yTop = top + (int) Math.round((double) (bands - k - 1) * height / bands);
            int yBottom = top + (int) Math.round((double) (bands - k) * height / bands);
            g.setColor(new Color(bandColor(k), true));
            g.fillRect(x, yTop, BAR, yBottom - yTop);
        }
        g.setColor(s.getPlotBorderColor());
        g.setStroke(new BasicStroke(1f));
        g.drawRect(x, top, BAR, height);
        g.setFont(s.getAxisTickLabelsFont());
        g.setColor(s.getAxisTickLabelsColor());
        FontMetrics fm = g.getFontMetrics();
        int every = (int) Math.ceil(levels.length / 11.0);
        for (int k = 0; k < levels.length; k += every) {
            int y = top + (int) Math.round((double) (bands - k) * height / bands);
            g.drawLine(x + BAR, y, x + BAR + TICK, y);
            g.drawString(label(levels[k]), x + BAR + TICK + 4, y + fm.getAscent() / 2 - 1);
        }
    }

    /** A level as a short label: "20", "0.25", "1e+03". */
    static String label(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e6) {
            return Long.toString((long) v);
        }
        String s = String.format(java.util.Locale.ROOT, "%.3g", v);
        return s.contains("e") ? s : s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    private static FontMetrics metrics(java.awt.Font font) {
        Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB).createGraphics();
        try {
            return g.getFontMetrics(font);
        } finally {
            g.dispose();
        }
    }
}
