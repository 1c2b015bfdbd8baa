package nnlab.plot;

import java.awt.Color;

/**
 * A colour map: a value {@code t} in [0, 1] to a colour, by linear interpolation between stops.
 *
 * <p>{@code color(t) = (1 - s) * stop[k] + s * stop[k + 1]} with {@code k = floor(t * (n - 1))};
 * values outside [0, 1] are clamped, NaN gives transparent. A 256-entry table makes look-ups cheap.
 *
 * <pre>{@code
 * int argb = ColorMap.VIRIDIS.argb(0.5);        // the middle of viridis
 * Color c = ColorMap.GRAY_R.color(1.0);         // black
 * BufferedImage im = Plots.images(x, 8, 8, null, ColorMap.GRAY);
 * }</pre>
 */
public final class ColorMap {

    /** matplotlib's default: dark purple, blue, green, yellow; perceptually uniform. */
    public static final ColorMap VIRIDIS = new ColorMap("viridis", 0x440154, 0x482878, 0x3e4a89, 0x31688e,
            0x26828e, 0x1f9e89, 0x35b779, 0x6dcd59, 0xb4de2c, 0xfde725);
    /** White to black: ink on paper, for digits. */
    public static final ColorMap GRAY_R = new ColorMap("gray_r", 0xffffff, 0x000000);
    /** Black to white, like MNIST pictures. */
    public static final ColorMap GRAY = new ColorMap("gray", 0x000000, 0xffffff);
    /** White to mid blue: counts in a confusion matrix stay readable in black. */
    public static final ColorMap BLUES = new ColorMap("blues", 0xf7fbff, 0xc6dbef, 0x6baed6, 0x3182bd);

    /**
     * Diverging, blue (negative) through white (0) to red (positive), matplotlib's "RdBu_r": for weights,
     * filters and other signed values. {@link Plots#images} centres a diverging map on 0.
     */
    public static final ColorMap RDBU_R = diverging("RdBu_r", 0x053061, 0x2166ac, 0x4393c3, 0x92c5de, 0xd1e5f0,
            0xf7f7f7, 0xfddbc7, 0xf4a582, 0xd6604d, 0xb2182b, 0x67001f);

    private final String name;
    private final int[] table = new int[256];
    private boolean diverging;

    /** A diverging map (its middle stop stands for 0): images scale it symmetrically, -max|v| to +max|v|. */
    public static ColorMap diverging(String name, int... stops) {
        ColorMap m = new ColorMap(name, stops);
        m.diverging = true;
        return m;
    }

    /** A map through the given 0xRRGGBB stops, evenly spaced over [0, 1]. */
    public ColorMap(String name, int... stops) {
        if (stops.length < 2) {
            throw new IllegalArgumentException("ColorMap " + name + ": needs at least 2 colour stops, got "
                    + stops.length);
        }
        this.name = name;
        for (int k = 0; k < table.length; k++) {
            double pos = k / 255.0 * (stops.length - 1);
            int lo = Math.min((int) pos, stops.length - 2);
            table[k] = 0xff000000 | lerp(stops[lo], stops[lo + 1], pos - lo);
        }
    }

    private static int lerp(int a, int b, double s) {
        int rgb = 0;
        for (int shift = 16; shift >= 0; shift -= 8) {
            int ca = (a >> shift) & 0xff;
            int cb = (b >> shift) & 0xff;
            rgb |= ((int) Math.round(ca + s * (cb - ca))) << shift;
        }
        return rgb;
    }

    /** The colour of {@code t} as 0xAARRGGBB (clamped to [0, 1]; NaN is fully transparent). */
    public int argb(double t) {
        if (Double.isNaN(t)) {
            return 0;
        }
        double c = t < 0 ? 0 : (t > 1 ? 1 : t);
        return table[(int) Math.round(c * 255)];
    }

    /** The colour of {@code t} (clamped to [0, 1]). */
    public Color color(double t) {
        return new Color(argb(t), true);
    }

    /** True for a map made by {@link #diverging}, whose middle colour stands for 0. */
    public boolean isDiverging() {
        return diverging;
    }

    /** The map's name, e.g. "viridis". */
    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return "ColorMap(" + name + ")";
    }
}
