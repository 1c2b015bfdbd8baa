package nnlab.loss;

import nnlab.tensor.Tensor;

/**
 * Binary cross-entropy: the negative log-likelihood of 0/1 targets under predicted probabilities.
 *
 * <p>Formula: {@code L = -(1/N) Σ_i [y_i log p_i + (1 - y_i) log(1 - p_i)]} with
 * {@code p_i = clamp(yHat_i, ε, 1 - ε)}, {@link #EPS ε} = 1e-7, so that yHat = 0 or 1 gives a large
 * but finite loss instead of Infinity or NaN. The gradient is the derivative of the same formula at
 * the clamped value, {@code dL/dyHat_i = (p_i - y_i) / (p_i (1 - p_i) N)}: finite everywhere, and
 * still pointing the right way where yHat hits 0 or 1 (the clamp's own derivative, 0, would stall).
 *
 * <p>Shapes: y and yHat are [N] or [N, 1] (either, independently) with the same N; the gradient has
 * yHat's shape. Reduction: mean over the N samples.
 *
 * <p>Parameters: none; y holds 0/1 labels (values in [0, 1] also work), yHat probabilities (e.g. a
 * Sigmoid's output).
 *
 * <pre>{@code
 * Loss bce = new BinaryCrossEntropy();
 * double l = bce.value(Tensor.of(1, 0), Tensor.of(0.9, 0.2));   // (-log 0.9 - log 0.8) / 2 = 0.164252
 * Tensor g = bce.grad(Tensor.of(1, 0), Tensor.of(0.9, 0.2));      // [-0.555556, 0.625]
 * }</pre>
 */
public final class BinaryCrossEntropy implements Loss {
    /** Predictions are clamped to [EPS, 1 - EPS] before the logarithm. */
    public static final double EPS = 1e-7;

    private static double clamp(double p) {
        return p < EPS ? EPS : (p > 1 - EPS ? 1 - EPS : p);
    }

    @Override
    public double value(Tensor y, Tensor yHat) {
        Checks.perSample("BinaryCrossEntropy", y, yHat);
        Tensor logLikelihood = y.reshape(-1).zip("BinaryCrossEntropy", yHat.reshape(-1), (t, q) -> {
            double p = clamp(q);
            return t * Math.log(p) + (1 - t) * Math.log(1 - p);
        });
        return -logLikelihood.sum() / y.size();
    }

    @Override
    public Tensor grad(Tensor y, Tensor yHat) {
        Checks.perSample("BinaryCrossEntropy", y, yHat);
        int n = yHat.size();
        return yHat.reshape(-1).zip("BinaryCrossEntropy", y.reshape(-1), (q, t) -> {
            double p = clamp(q);
            return (p - t) / (p * (1 - p) * n); // dL/dp = -(y/p - (1-y)/(1-p)) / N
        }).reshape(yHat.shape());
    }

    @Override
    public String toString() {
        return "BinaryCrossEntropy()";
    }
}
