package nnlab.classical;

import java.util.Arrays;
import nnlab.Rng;
import nnlab.tensor.Tensor;

/**
 * k-means clustering: k centres that minimise the sum of squared distances of the points to their nearest centre.
 *
 * <pre>
 * init (k-means++): c_1 = a random point; c_j = a point drawn with probability ∝ D(x)²,
 *                   D(x) the distance from x to its nearest centre so far
 * repeat (Lloyd):   label_i  = argmin_j ||x_i - c_j||²          assignment step
 *                   c_j      = mean of the points labelled j     update step
 * until the centres move by Σ_j ||c_j' - c_j||² ≤ tol · (mean variance of the features), or maxIter
 * inertia = Σ_i ||x_i - c_{label_i}||²
 * </pre>
 *
 * <p>Shapes: x [N, d], centres [k, d], labels [N] in 0..k-1. A centre left without points moves to the
 * point farthest from its own centre. Randomness only from the given {@link Rng}.
 *
 * <pre>{@code
 * KMeans km = KMeans.fit(x, 10, new Rng(0));      // 1 <= k <= N
 * Tensor centres = km.centers();                   // [10, d]
 * System.out.println(km.inertia() + " after " + km.iterations() + " iterations");
 * }</pre>
 */
public final class KMeans {
    private final Tensor centers;
    private final Tensor labels;
    private final double inertia;
    private final int iterations;

    private KMeans(Tensor centers, Tensor labels, double inertia, int iterations) {
        this.centers = centers;
        this.labels = labels;
        this.inertia = inertia;
        this.iterations = iterations;
    }

    /** k clusters of x [N, d] with at most 300 Lloyd iterations and tolerance 1e-4. */
    public static KMeans fit(Tensor x, int k, Rng rng) {
        return fit(x, k, rng, 300, 1e-4);
    }

    /** k clusters of x [N, d]: k-means++ from rng, then Lloyd iterations until the tolerance or maxIter. */
    public static KMeans fit(Tensor x, int k, Rng rng, int maxIter, double tol) {
        checkArgs(x, k, maxIter, tol);
        double threshold = tol * x.std(0).pow(2).mean();
        Tensor xx = x.pow(2).sum(1, true);   // [N, 1], computed once
        Tensor c = plusPlus(x, xx, k, rng);
        Tensor lab = squaredDistances(x, xx, c).neg().argmax(1);
        int it = 0;
        while (it < maxIter) {
            if (Thread.interrupted()) {
                throw new IllegalStateException("KMeans.fit: interrupted after " + it + " iterations");
            }
            Tensor next = update(x, lab, c);
            it++;
            double shift = next.sub(c).pow(2).sum();
            c = next;
            lab = squaredDistances(x, xx, c).neg().argmax(1);   // the assignment step
            if (shift <= threshold) {
                break;
            }
        }
        return new KMeans(c, lab, inertia(x, c, lab), it);
    }

    /** The assignment step: for each row of x [N, d], the index of its nearest centre in centers [k, d]; [N]. */
    public static Tensor assign(Tensor x, Tensor centers) {
        return squaredDistances(x, centers).neg().argmax(1);   // argmin; the first centre on a tie
    }

    /** ||x_i - c_j||² for all pairs, [N, k], as ||x||² - 2 x·c + ||c||² (clipped at 0 against rounding). */
    static Tensor squaredDistances(Tensor x, Tensor c) {
        return squaredDistances(x, x.pow(2).sum(1, true), c);
    }

    /** As {@link #squaredDistances(Tensor, Tensor)} with the rows' squared norms xx [N, 1] given. */
    private static Tensor squaredDistances(Tensor x, Tensor xx, Tensor c) {
        if (c.rank() != 2 || x.rank() != 2 || c.shape(1) != x.shape(1)) {
            throw new IllegalArgumentException("KMeans: expected x [N, d] and centers [k, d] with the same d, got "
                    + Arrays.toString(x.shape()) + " and " + Arrays.toString(c.shape()));
        }
        Tensor cc = c.pow(2).sum(1);         // [k]
        return x.matmulTranspose(c).mul(-2).add(xx).add(cc).clip(0, Double.MAX_VALUE);
    }

    /** The update step: each centre becomes the mean of its points; an empty one takes the worst-served point. */
    private static Tensor update(Tensor x, Tensor lab, Tensor old) {
        int k = old.shape(0);
        int d = x.shape(1);
        double[] sum = new double[k * d];
        int[] count = new int[k];
        double[] xs = x.array();
        int[] l = lab.toIntArray();
        for (int i = 0; i < l.length; i++) {
            count[l[i]]++;
            for (int f = 0; f < d; f++) {
                sum[l[i] * d + f] += xs[i * d + f];
            }
        }
        Tensor own = null;
        for (int j = 0; j < k; j++) {
            if (count[j] == 0) {
                own = own == null ? squaredDistances(x, old) : own;
                int far = farthest(own, l);
                System.arraycopy(xs, far * d, sum, j * d, d);
                own.set(0, far, l[far]);   // the next empty centre takes another point
                count[j] = 1;
            }
            for (int f = 0; f < d; f++) {
                sum[j * d + f] /= count[j];
            }
        }
        return Tensor.fromArray(sum, k, d);
    }

    private static int farthest(Tensor dist, int[] l) {
        int best = 0;
        for (int i = 1; i < l.length; i++) {
            if (dist.get(i, l[i]) > dist.get(best, l[best])) {
                best = i;
            }
        }
        return best;
    }

    /** k-means++: each new centre is a point drawn with probability proportional to D(x)². */
    private static Tensor plusPlus(Tensor x, Tensor xx, int k, Rng rng) {
        int n = x.shape(0);
        int[] chosen = new int[k];
        chosen[0] = rng.nextInt(n);
        double[] dist = squaredDistances(x, xx, x.take(new int[] {chosen[0]})).array().clone();
        for (int j = 1; j < k; j++) {
            double total = Arrays.stream(dist).sum();
            chosen[j] = total > 0 ? draw(dist, total * rng.nextDouble()) : rng.nextInt(n);
            double[] dj = squaredDistances(x, xx, x.take(new int[] {chosen[j]})).array();
            for (int i = 0; i < n; i++) {
                dist[i] = Math.min(dist[i], dj[i]);
            }
        }
        return x.take(chosen);
    }

    private static int draw(double[] weights, double target) {
        double acc = 0;
        for (int i = 0; i < weights.length; i++) {
            acc += weights[i];
            if (target < acc && weights[i] > 0) {
                return i;
            }
        }
        int last = weights.length - 1;
        while (weights[last] == 0) {
            last--;
        }
        return last;
    }

    private static double inertia(Tensor x, Tensor c, Tensor lab) {
        Tensor d = squaredDistances(x, c);
        int[] l = lab.toIntArray();
        double s = 0;
        for (int i = 0; i < l.length; i++) {
            s += d.get(i, l[i]);
        }
        return s;
    }

    private static void checkArgs(Tensor x, int k, int maxIter, double tol) {
        if (x == null || x.rank() != 2 || x.shape(0) == 0 || x.shape(1) == 0) {
            throw new IllegalArgumentException("KMeans.fit: x must be non-empty 2-d data [N, d], got "
                    + (x == null ? "null" : "shape " + Arrays.toString(x.shape())));
        }
        x.requireFinite("KMeans.fit: x");
        if (k < 1 || k > x.shape(0)) {
            throw new IllegalArgumentException("KMeans.fit: k must be in 1..N = 1.." + x.shape(0) + ", got k = " + k);
        }
        if (maxIter < 1) {
            throw new IllegalArgumentException("KMeans.fit: maxIter must be >= 1, got " + maxIter);
        }
        if (!(tol >= 0) || Double.isInfinite(tol)) {
            throw new IllegalArgumentException("KMeans.fit: tol must be a finite number >= 0, got " + tol);
        }
    }

    /** The nearest centre's index for each row of new data x [N, d]; [N]. */
    public Tensor predict(Tensor x) {
        return assign(x, centers);
    }

    /** The centres, [k, d]. */
    public Tensor centers() {
        return centers.copy();
    }

    /** Each training point's cluster, [N] in 0..k-1. */
    public Tensor labels() {
        return labels.copy();
    }

    /** Σ_i ||x_i - c_{label_i}||², the sum of squared distances to the nearest centre. */
    public double inertia() {
        return inertia;
    }

    /** The number of Lloyd iterations run. */
    public int iterations() {
        return iterations;
    }

    /** k, the number of clusters. */
    public int k() {
        return centers.shape(0);
    }

    @Override
    public String toString() {
        return String.format("KMeans(k=%d, inertia=%.6g, iterations=%d)", k(), inertia, iterations);
    }
}
