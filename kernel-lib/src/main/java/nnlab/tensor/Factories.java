package nnlab.tensor;

/** The loops behind {@link Tensor}'s factories that build values: rows, ranges, the identity. */
final class Factories {
    private Factories() {
    }

    static Tensor of(double[][] rows) {
        int n = rows.length;
        int m = n == 0 ? 0 : rows[0].length;
        double[] d = new double[n * m];
        for (int i = 0; i < n; i++) {
            if (rows[i].length != m) {
                throw new IllegalArgumentException("Tensor.of: row " + i + " has " + rows[i].length
                        + " values but row 0 has " + m + "; every row must have the same length");
            }
            System.arraycopy(rows[i], 0, d, i * m, m);
        }
        return Tensor.wrap(d, new int[] {n, m});
    }

    static Tensor ofInts(int[] values) {
        double[] d = new double[values.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = values[i];
        }
        return Tensor.wrap(d, new int[] {d.length});
    }

    static Tensor linspace(double start, double stop, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("Tensor.linspace: n must be >= 0, got " + n);
        }
        double[] d = new double[n];
        double step = n > 1 ? (stop - start) / (n - 1) : 0;
        for (int i = 0; i < n; i++) {
            d[i] = start + i * step;
        }
        if (n > 1) {
            d[n - 1] = stop;
        }
        return Tensor.wrap(d, new int[] {n});
    }

    static Tensor arange(double start, double stop, double step) {
        if (step == 0 || !Double.isFinite(step)) {
            throw new IllegalArgumentException("Tensor.arange: step must be finite and non-zero, got " + step);
        }
        int n = (int) Math.max(0, Math.ceil((stop - start) / step));
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = start + i * step;
        }
        return Tensor.wrap(d, new int[] {n});
    }

    static Tensor eye(int n) {
        Tensor t = Tensor.zeros(n, n);
        double[] d = t.data();
        for (int i = 0; i < n; i++) {
            d[i * n + i] = 1;
        }
        return t;
    }
}
