package nnlab.widgets;

/** The checks {@link Slider}s share: a finite range with min <= max, a positive step, a value inside; JSON numbers. */
final class Ranges {
    private Ranges() {
    }

    static void check(String who, double min, double max, double step) {
        if (!Double.isFinite(min) || !Double.isFinite(max)) {
            throw new IllegalArgumentException(who + ": min and max must be finite numbers, got min " + min + ", max " + max);
        }
        if (min > max) {
            throw new IllegalArgumentException(who + ": min " + min + " is greater than max " + max + " (expected min <= max)");
        }
        if (!(step > 0) || !Double.isFinite(step)) {
            throw new IllegalArgumentException(who + ": step must be a positive number, got " + step);
        }
    }

    static void inside(String who, double v, double min, double max) {
        if (!(v >= min && v <= max)) {
            throw new IllegalArgumentException(who + ": value " + v + " is outside its range [" + min + ", " + max + "]");
        }
    }

    /** {@code .Nf} with as many decimals as {@code step} needs (0.01: ".2f"). */
    static String format(double step) {
        int digits = (int) Math.max(0, Math.min(10, Math.ceil(-Math.log10(step) - 1e-9)));
        return "." + digits + "f";
    }

    static double number(Object json) {
        if (json instanceof Number n) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException("not a number: " + json);
    }
}
