package nnlab.data;

import nnlab.Rng;
import nnlab.tensor.Tensor;

/**
 * The 2-d toy problems behind {@link Datasets#circles}, {@link Datasets#moons} and {@link Datasets#blobs},
 * built the way scikit-learn's {@code make_circles}, {@code make_moons} and {@code make_blobs} build them:
 * points on the curves (or around the centres), shuffled, then Gaussian noise added.
 */
final class Synthetic {
    private Synthetic() {
    }

    static Dataset circles(int n, double noise, double factor, Rng rng) {
        checkCommon("circles", n, noise, "noise");
        if (!(factor >= 0 && factor < 1)) {
            throw new IllegalArgumentException("circles: factor must be in [0, 1) (inner radius / outer radius), got "
                    + factor);
        }
        int nOut = n / 2;
        int nIn = n - nOut;
        double[] x = new double[2 * n];
        double[] y = new double[n];
        for (int i = 0; i < nOut; i++) {
            double a = 2 * Math.PI * i / nOut;
            x[2 * i] = Math.cos(a);
            x[2 * i + 1] = Math.sin(a);
        }
        for (int i = 0; i < nIn; i++) {
            double a = 2 * Math.PI * i / nIn;
            x[2 * (nOut + i)] = factor * Math.cos(a);
            x[2 * (nOut + i) + 1] = factor * Math.sin(a);
            y[nOut + i] = 1;
        }
        return shuffleAndJitter(x, y, 2, noise, rng);
    }

    static Dataset moons(int n, double noise, Rng rng) {
        checkCommon("moons", n, noise, "noise");
        int nOut = n / 2;
        int nIn = n - nOut;
        double[] x = new double[2 * n];
        double[] y = new double[n];
        for (int i = 0; i < nOut; i++) {
            double t = nOut == 1 ? 0 : Math.PI * i / (nOut - 1);
            x[2 * i] = Math.cos(t);
            x[2 * i + 1] = Math.sin(t);
        }
        for (int i = 0; i < nIn; i++) {
            double t = nIn == 1 ? 0 : Math.PI * i / (nIn - 1);
            x[2 * (nOut + i)] = 1 - Math.cos(t);
            x[2 * (nOut + i) + 1] = 1 - Math.sin(t) - 0.5;
            y[nOut + i] = 1;
        }
        return shuffleAndJitter(x, y, 2, noise, rng);
    }

    static Dataset blobs(int n, int centers, double std, Rng rng) {
        if (centers < 1) {
            throw new IllegalArgumentException("blobs: centers must be >= 1, got " + centers);
        }
        checkCommon("blobs", n, std, "std");
        return blobs(n, rng.uniform(-10, 10, centers, 2), std, rng);
    }

    static Dataset blobs(int n, Tensor centers, double std, Rng rng) {
        centers.requireShape("blobs: centers", -1, -1).requireFinite("blobs: centers");
        int k = centers.shape(0);
        int f = centers.shape(1);
        if (k < 1) {
            throw new IllegalArgumentException("blobs: centers must hold at least one row, got shape [0, " + f + "]");
        }
        checkCommon("blobs", n, std, "std");
        double[] c = centers.toArray();
        double[] x = new double[f * n];
        double[] y = new double[n];
        int row = 0;
        for (int j = 0; j < k; j++) {
            int count = n / k + (j < n % k ? 1 : 0);   // the first n % k centres get one more, as in sklearn
            for (int i = 0; i < count; i++, row++) {
                System.arraycopy(c, j * f, x, row * f, f);
                y[row] = j;
            }
        }
        return shuffleAndJitter(x, y, f, std, rng);
    }

    private static void checkCommon(String what, int n, double spread, String spreadName) {
        if (n < 1) {
            throw new IllegalArgumentException(what + ": n must be >= 1, got " + n);
        }
        if (!(spread >= 0) || Double.isInfinite(spread)) {
            throw new IllegalArgumentException(what + ": " + spreadName + " must be a finite number >= 0, got "
                    + spread);
        }
    }

    /** Rows in a random order, then N(0, noise²) added to every coordinate. */
    private static Dataset shuffleAndJitter(double[] x, double[] y, int f, double noise, Rng rng) {
        int n = y.length;
        int[] perm = rng.permutation(n);
        Tensor xs = Tensor.fromArray(x, n, f).take(perm);
        Tensor ys = Tensor.fromArray(y, n).take(perm);
        if (noise > 0) {
            xs = xs.add(rng.normal(0, noise, n, f));
        }
        return new Dataset(xs, ys);
    }
}
