package nnlab.plot;

import java.awt.Color;

/**
 * The one set of series colours every nnlab chart uses: matplotlib's "tab10", so plots look like
 * the ones in Python tutorials.
 *
 * <p>Colour {@code i} is {@code COLORS[i % 10]}; class {@code k} of a dataset is always drawn in
 * colour {@code k}, in scatter plots, decision boundaries and learning curves alike.
 *
 * <pre>{@code
 * Color first = Palette.color(0);              // blue, the first series
 * Color region = Palette.light(1, 0.6);        // pale orange for class 1's region
 * chart.getStyler().setSeriesColors(Palette.COLORS);
 * }</pre>
 */
public final class Palette {

    /** Blue, orange, green, red, purple, brown, pink, grey, olive, cyan. */
    public static final Color[] COLORS = {
        new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728),
        new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
        new Color(0xbcbd22), new Color(0x17becf)
    };

    /** The colour used for trajectories drawn over a contour map. */
    public static final Color PATH = new Color(0xd62728);

    private Palette() {
    }

    /** Colour number {@code i} (wraps around after 10). */
    public static Color color(int i) {
        if (i < 0) {
            throw new IllegalArgumentException("Palette.color: index must be >= 0, got " + i);
        }
        return COLORS[i % COLORS.length];
    }

    /**
     * Step {@code i} of {@code n} of one ordered palette (viridis from dark purple to green, the light
     * yellow end left out so the lightest step stays visible on white): runs that differ in one setting,
     * e.g. learning rates 0.1, 0.01, 0.001, get colours in the order of that setting.
     */
    public static Color ordered(int i, int n) {
        if (n < 1 || i < 0 || i >= n) {
            throw new IllegalArgumentException("Palette.ordered: need 0 <= i < n, got i = " + i + ", n = " + n);
        }
        return ColorMap.VIRIDIS.color(n == 1 ? 0.0 : 0.8 * i / (n - 1));
    }

    /** Colour {@code i} mixed with white: {@code amount} 0 keeps it, 1 gives white. */
    public static Color light(int i, double amount) {
        return mix(color(i), Color.WHITE, amount);
    }

    /** {@code (1 - t) * a + t * b} per channel. */
    static Color mix(Color a, Color b, double t) {
        return new Color(
                (int) Math.round(a.getRed() + t * (b.getRed() - a.getRed())),
                (int) Math.round(a.getGreen() + t * (b.getGreen() - a.getGreen())),
                (int) Math.round(a.getBlue() + t * (b.getBlue() - a.getBlue())));
    }
}
