package nnlab.loss;

import java.util.Arrays;
import nnlab.nn.Softmax;
import nnlab.tensor.Tensor;

/**
 * Softmax cross-entropy on logits: the negative log-probability of the true class.
 *
 * <p>Formula: {@code L = (1/N) Σ_i [logsumexp(z_i) - Σ_c y_ic z_ic]}, i.e. {@code -log softmax(z)}
 * at the true class, with {@code logsumexp(z) = m + log Σ_c e^(z_c - m)}, m the row maximum, so
 * large logits never overflow. Softmax is fused in: {@code dL/dz = (softmax(z) - y_onehot) / N}.
 *
 * <p>Shapes: yHat = logits [N, C] (no Softmax layer before this loss); y is either integer labels
 * [N] (or [N, 1]) in 0..C-1, or one-hot / probability rows [N, C] that each sum to 1. Reduction: mean over N.
 *
 * <p>Parameters: none.
 *
 * <pre>{@code
 * Loss ce = new CrossEntropy();
 * double l = ce.value(Tensor.ofInts(2), Tensor.of(new double[][] {{1, 2, 3}}));   // 0.407606
 * Tensor p = CrossEntropy.softmax(Tensor.of(new double[][] {{1, 2, 3}}));          // [[0.090031, 0.244728, 0.665241]]
 * }</pre>
 */
public final class CrossEntropy implements Loss {

    /** Row-wise softmax of logits [N, C] (the probabilities this loss compares with y). */
    public static Tensor softmax(Tensor logits) {
        if (logits == null || logits.rank() != 2) {
            throw new IllegalArgumentException("CrossEntropy.softmax: expected logits [N, C], got " + Checks.str(logits));
        }
        return Softmax.softmax(logits);
    }

    /** y as one-hot rows [N, C], checking its shape against the logits. */
    private static Tensor targets(Tensor y, Tensor logits) {
        if (logits == null || logits.rank() != 2) {
            throw new IllegalArgumentException("CrossEntropy: expected logits yHat [N, C], got " + Checks.str(logits));
        }
        int n = logits.shape(0);
        int c = logits.shape(1);
        if (y != null && Arrays.equals(y.shape(), logits.shape())) {
            return y;
        }
        if (y == null || !Checks.isColumn(y) || y.shape(0) != n) {
            throw new IllegalArgumentException("CrossEntropy: y has shape " + Checks.str(y) + " but logits have shape "
                    + Checks.str(logits) + "; expected labels [" + n + "] or one-hot [" + n + ", " + c + "]");
        }
        Tensor notAClass = y.reshape(-1).map(v -> v == Math.rint(v) && v >= 0 && v < c ? 0 : 1);
        if (n > 0 && notAClass.max() > 0) {
            int i = notAClass.argmax();                                 // the first bad label
            throw new IllegalArgumentException("CrossEntropy: label " + y.reshape(-1).get(i) + " at row " + i
                    + " is not an integer in 0.." + (c - 1) + " (logits have " + c + " classes)");
        }
        return y.reshape(n, 1).eq(Tensor.arange(c));                   // row i: 1 in column y_i
    }

    @Override
    public double value(Tensor y, Tensor yHat) {
        Tensor t = targets(y, yHat);
        Tensor m = yHat.max(1, true);
        Tensor lse = yHat.sub(m).exp().sum(1, true).log().add(m);     // [N, 1], never overflows
        // -log softmax(z)_c = lse - z_c, weighted by the target; a zero weight skips a z of -Infinity
        return t.zip("CrossEntropy", lse.sub(yHat), (tc, nll) -> tc != 0 ? tc * nll : 0).sum() / yHat.shape(0);
    }

    @Override
    public Tensor grad(Tensor y, Tensor yHat) {
        Tensor t = targets(y, yHat);
        int n = yHat.shape(0);
        return Softmax.softmax(yHat).sub(t).div(n); // dL/dz = (softmax(z) - y) / N
    }

    @Override
    public String toString() {
        return "CrossEntropy()";
    }
}
