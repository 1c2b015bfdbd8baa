package nnlab.classical;

import java.util.Arrays;
import nnlab.tensor.Tensor;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;

/**
 * Principal component analysis: the k orthonormal directions along which centred data varies most.
 *
 * <pre>
 * X_c = X - mean(X)                 centred by the training mean
 * X_c = U S Vᵀ                      thin SVD (EJML), singular values s_1 ≥ s_2 ≥ ...
 *                                   (for N &gt; d: the SVD of X_cᵀX_c = V S² Vᵀ, d×d, which gives the same V, S)
 * components = first k rows of Vᵀ   [k, d], orthonormal
 * explained variance   λ_i = s_i² / (N - 1)
 * explained variance ratio = s_i² / Σ_j s_j² = λ_i / (total variance of X)
 * transform(x)         z = (x - mean) · componentsᵀ        [N, k]
 * inverseTransform(z)  x̂ = z · components + mean           [N, d]
 * </pre>
 *
 * <p>Signs: an SVD fixes each direction only up to its sign, so every component is flipped so that
 * its entry of largest magnitude is positive (the first such entry on a tie). Re-running a fit, on
 * any machine, then gives the same components and the same projections.
 *
 * <pre>{@code
 * Pca pca = Pca.fit(train.x(), 50);                      // x [N, d] with 1 <= k <= min(N, d)
 * Tensor z = pca.transform(test.x());                     // [N, 50]
 * Tensor back = pca.inverseTransform(z);                  // [N, d], the best rank-50 approximation
 * }</pre>
 */
public final class Pca {
    private final Tensor mean;
    private final Tensor components;
    private final Tensor explainedVariance;
    private final Tensor explainedVarianceRatio;

    private Pca(Tensor mean, Tensor components, Tensor explainedVariance, Tensor explainedVarianceRatio) {
        this.mean = mean;
        this.components = components;
        this.explainedVariance = explainedVariance;
        this.explainedVarianceRatio = explainedVarianceRatio;
    }

    /** Fits k components to x [N, d]; k must lie in 1..min(N, d). */
    public static Pca fit(Tensor x, int k) {
        checkData(x);
        int n = x.shape(0);
        int d = x.shape(1);
        if (k < 1 || k > Math.min(n, d)) {
            throw new IllegalArgumentException("Pca.fit: k must be in 1..min(N, d) = 1.." + Math.min(n, d)
                    + " for x of shape " + Arrays.toString(x.shape()) + ", got k = " + k);
        }
        Tensor mean = x.mean(0);
        Tensor centred = x.sub(mean);
        double total = centred.pow(2).sum();   // Σ_j s_j² = ||X_c||_F²
        Svd svd = svd(centred, x);
        double[] s = svd.s();
        Integer[] order = new Integer[s.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(s[b], s[a]));   // EJML does not promise sorted values
        double[] comp = new double[k * d];
        double[] variance = new double[k];
        double[] ratio = new double[k];
        for (int i = 0; i < k; i++) {
            int r = order[i];
            System.arraycopy(svd.vt(), r * d, comp, i * d, d);
            flipSign(comp, i * d, d);
            variance[i] = n > 1 ? s[r] * s[r] / (n - 1) : 0;
            ratio[i] = total > 0 ? s[r] * s[r] / total : 0;
        }
        return new Pca(mean, Tensor.fromArray(comp, k, d), Tensor.fromArray(variance, k), Tensor.fromArray(ratio, k));
    }

    /** Singular values s and the rows of Vᵀ (row-major, d columns) of the centred data. */
    private record Svd(double[] s, double[] vt) {
    }

    private static Svd svd(Tensor centred, Tensor x) {
        int n = centred.shape(0);
        int d = centred.shape(1);
        boolean tall = n > d;
        // tall: X_cᵀX_c = V S² Vᵀ gives the same V and s² from a d×d matrix (one BLAS product) instead of N×d
        Tensor m = tall ? centred.transposeMatmul(centred) : centred;
        var svd = DecompositionFactory_DDRM.svd(m.shape(0), d, false, true, true);
        if (!svd.decompose(DMatrixRMaj.wrap(m.shape(0), d, m.array()))) {
            throw new IllegalStateException("Pca.fit: EJML's SVD did not converge for x of shape " + Arrays.toString(x.shape()));
        }
        double[] s = svd.getSingularValues();
        for (int i = 0; tall && i < s.length; i++) {
            s[i] = Math.sqrt(s[i]);
        }
        return new Svd(s, svd.getV(null, true).data);
    }

    /** The sign rule: the entry of largest magnitude of row [from, from + d) becomes positive. */
    private static void flipSign(double[] a, int from, int d) {
        int big = from;
        for (int j = from + 1; j < from + d; j++) {
            if (Math.abs(a[j]) > Math.abs(a[big])) {
                big = j;
            }
        }
        if (a[big] < 0) {
            for (int j = from; j < from + d; j++) {
                a[j] = -a[j];
            }
        }
    }

    /** Projects x [N, d] onto the components: (x - mean) · componentsᵀ, shape [N, k]. */
    public Tensor transform(Tensor x) {
        requireCols("transform", "x", x, features());
        return x.sub(mean).matmulTranspose(components);
    }

    /** Maps codes z [N, k] back to data space: z · components + mean, shape [N, d]. */
    public Tensor inverseTransform(Tensor z) {
        requireCols("inverseTransform", "z", z, k());
        return z.matmul(components).add(mean);
    }

    /** The principal directions as rows, [k, d], orthonormal, sorted by explained variance. */
    public Tensor components() {
        return components.copy();
    }

    /** The training mean, [d]. */
    public Tensor mean() {
        return mean.copy();
    }

    /** The variance along each component, s_i² / (N - 1), [k]. */
    public Tensor explainedVariance() {
        return explainedVariance.copy();
    }

    /** The fraction of the data's total variance along each component, [k], decreasing, summing to ≤ 1. */
    public Tensor explainedVarianceRatio() {
        return explainedVarianceRatio.copy();
    }

    /** The number of components k. */
    public int k() {
        return components.shape(0);
    }

    /** The number of features d. */
    public int features() {
        return components.shape(1);
    }

    @Override
    public String toString() {
        return String.format("Pca(k=%d, features=%d, explained variance %.3f)", k(), features(), explainedVarianceRatio.sum());
    }

    static void checkData(Tensor x) {
        if (x == null || x.rank() != 2) {
            throw new IllegalArgumentException("Pca.fit: x must be 2-d [N, d], got "
                    + (x == null ? "null" : "shape " + Arrays.toString(x.shape())));
        }
        if (x.shape(0) == 0 || x.shape(1) == 0) {
            throw new IllegalArgumentException("Pca.fit: x is empty (shape " + Arrays.toString(x.shape())
                    + "); expected at least one sample and one feature");
        }
        x.requireFinite("Pca.fit: x");
    }

    private static void requireCols(String who, String name, Tensor t, int cols) {
        if (t == null || t.rank() != 2 || t.shape(1) != cols) {
            throw new IllegalArgumentException("Pca." + who + ": expected " + name + " of shape [N, " + cols + "], got "
                    + (t == null ? "null" : Arrays.toString(t.shape())));
        }
    }
}
