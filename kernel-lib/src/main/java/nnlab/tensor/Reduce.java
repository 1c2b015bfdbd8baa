package nnlab.tensor;

/**
 * Reductions: of all values to one number ({@link #all}), and along one axis, where the tensor is seen as
 * [outer, n, inner] and the middle axis collapses ({@link #along}). Also the comparisons that reduce two
 * tensors to a number or a truth value.
 */
final class Reduce {
    /** Reduces {@code n} values spaced {@code stride} apart starting at {@code start}. */
    interface Op {
        double apply(double[] d, int start, int n, int stride);
    }

    static final Op SUM = (d, s, n, st) -> {
        double acc = 0;
        for (int i = 0; i < n; i++) {
            acc += d[s + i * st];
        }
        return acc;
    };
    static final Op MEAN = (d, s, n, st) -> SUM.apply(d, s, n, st) / n;
    static final Op MAX = (d, s, n, st) -> {
        double m = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            m = Math.max(m, d[s + i * st]);
        }
        return m;
    };
    static final Op MIN = (d, s, n, st) -> {
        double m = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            m = Math.min(m, d[s + i * st]);
        }
        return m;
    };
    static final Op STD = (d, s, n, st) -> {
        double mu = MEAN.apply(d, s, n, st);
        double acc = 0;
        for (int i = 0; i < n; i++) {
            double v = d[s + i * st] - mu;
            acc += v * v;
        }
        return Math.sqrt(acc / n);
    };
    static final Op ARGMAX = (d, s, n, st) -> {
        int best = 0;
        for (int i = 1; i < n; i++) {
            if (d[s + i * st] > d[s + best * st]) {
                best = i;
            }
        }
        return best;
    };

    private Reduce() {
    }

    static Tensor along(Tensor t, String name, int axis, boolean keepDims, Op op) {
        int[] shape = t.shapeRef();
        int ax = Shapes.axis(name, axis, shape.length);
        int n = shape[ax];
        if (n == 0 && op != SUM) {
            throw new IllegalStateException(name + ": axis " + axis + " of shape " + Shapes.str(shape)
                    + " is empty; nothing to reduce");
        }
        int outer = 1;
        for (int i = 0; i < ax; i++) {
            outer *= shape[i];
        }
        int inner = 1;
        for (int i = ax + 1; i < shape.length; i++) {
            inner *= shape[i];
        }
        double[] d = t.data();
        double[] out = new double[outer * inner];
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < inner; i++) {
                out[o * inner + i] = op.apply(d, o * n * inner + i, n, inner);
            }
        }
        int[] s;
        if (keepDims) {
            s = shape.clone();
            s[ax] = 1;
        } else {
            s = new int[shape.length - 1];
            for (int i = 0, j = 0; i < shape.length; i++) {
                if (i != ax) {
                    s[j++] = shape[i];
                }
            }
        }
        return Tensor.wrap(out, s);
    }

    /** {@code op} over every value of {@code t}, which must not be empty unless the op is a sum. */
    static double all(Tensor t, String name, Op op) {
        if (op != SUM) {
            Checks.nonEmpty(name, t);
        }
        return op.apply(t.data(), 0, t.size(), 1);
    }

    /** The flat index of the first largest ({@code sign} 1) or smallest ({@code sign} -1) value. */
    static int argBest(Tensor t, String name, int sign) {
        Checks.nonEmpty(name, t);
        double[] d = t.data();
        int best = 0;
        for (int i = 1; i < d.length; i++) {
            if (sign * d[i] > sign * d[best]) {
                best = i;
            }
        }
        return best;
    }

    static double norm(Tensor t) {
        double s = 0;
        for (double v : t.data()) {
            s += v * v;
        }
        return Math.sqrt(s);
    }

    /** Largest absolute difference between corresponding values (NaN as soon as one is NaN). */
    static double maxAbsDiff(Tensor a, Tensor b) {
        Checks.sameShape("maxAbsDiff", a, b);
        double[] x = a.data();
        double[] y = b.data();
        double m = 0;
        for (int i = 0; i < x.length; i++) {
            double diff = Math.abs(x[i] - y[i]);
            if (Double.isNaN(diff)) {
                return Double.NaN;
            }
            m = Math.max(m, diff);
        }
        return m;
    }

    static boolean isFinite(Tensor t) {
        for (double v : t.data()) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }
}
