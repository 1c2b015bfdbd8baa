package nnlab.plot;

/**
 * Round contour levels that cover a range, the way matplotlib picks them for {@code levels=n}.
 *
 * <p>step = the smallest of {1, 2, 2.5, 5, 10}·10^k that is at least (max − min) / n; levels run
 * from floor(min / step)·step to ceil(max / step)·step. So [-2.1, 84.2] with n = 10 gives -10, 0, ..., 90.
 *
 * <pre>{@code
 * double[] lv = Levels.nice(-2.1, 84.2, 10);    // [-10, 0, 10, ..., 90]
 * double[] lv2 = Levels.nice(0, 1, 4);          // [0, 0.25, 0.5, 0.75, 1]
 * XYChart c = Plots.contour(f, -5, 5, -5, 5, lv2);
 * }</pre>
 */
public final class Levels {
    private static final double[] STEPS = {1, 2, 2.5, 5, 10};

    private Levels() {
    }

    /** About {@code n} intervals of a round step covering [min, max]. */
    public static double[] nice(double min, double max, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("Levels.nice: need at least 1 interval, got n=" + n);
        }
        if (!Double.isFinite(min) || !Double.isFinite(max) || min > max) {
            throw new IllegalArgumentException("Levels.nice: need finite min <= max, got [" + min + ", " + max + "]");
        }
        if (min == max) {
            double pad = min == 0 ? 0.5 : Math.abs(min) * 0.05;
            min -= pad;
            max += pad;
        }
        double raw = (max - min) / n;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = 10 * mag;
        for (double s : STEPS) {
            if (s * mag >= raw * (1 - 1e-9)) {
                step = s * mag;
                break;
            }
        }
        long lo = (long) Math.floor(min / step + 1e-9);
        long hi = (long) Math.ceil(max / step - 1e-9);
        double[] levels = new double[(int) (hi - lo + 1)];
        for (int k = 0; k < levels.length; k++) {
            levels[k] = clean((lo + k) * step);
        }
        return levels;
    }

    /** Removes binary noise such as 0.30000000000000004 so labels print as typed. */
    static double clean(double v) {
        return Double.parseDouble(String.format(java.util.Locale.ROOT, "%.12g", v));
    }
}
