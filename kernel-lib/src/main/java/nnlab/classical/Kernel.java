package nnlab.classical;

import nnlab.tensor.Tensor;

/**
 * An SVM kernel: the similarity K(u, v) that replaces the dot product, in LibSVM's four families.
 *
 * <pre>
 * linear:      K(u, v) = uᵀv
 * polynomial:  K(u, v) = (γ uᵀv + c₀)^degree
 * RBF:         K(u, v) = exp(-γ ||u - v||²)
 * sigmoid:     K(u, v) = tanh(γ uᵀv + c₀)
 * </pre>
 *
 * <p>Ranges: degree in 1..10, γ &gt; 0, c₀ finite.
 *
 * <pre>{@code
 * Kernel rbf = Kernel.rbf(2.0);
 * double k = rbf.apply(Tensor.of(0, 0), Tensor.of(1, 0));    // exp(-2)
 * Classifier svm = Classifier.svm(Kernel.poly(2), 1.0).fit(train);
 * }</pre>
 */
public final class Kernel {
    /** LibSVM's kernel families. */
    public enum Type { LINEAR, POLY, RBF, SIGMOID }

    private final Type type;
    private final int degree;
    private final double gamma;
    private final double coef0;

    private Kernel(Type type, int degree, double gamma, double coef0) {
        this.type = type;
        this.degree = degree;
        this.gamma = gamma;
        this.coef0 = coef0;
    }

    /** K(u, v) = uᵀv. */
    public static Kernel linear() {
        return new Kernel(Type.LINEAR, 1, 1, 0);
    }

    /** K(u, v) = (uᵀv + 1)^degree: γ = 1, c₀ = 1. */
    public static Kernel poly(int degree) {
        return poly(degree, 1, 1);
    }

    /** K(u, v) = (γ uᵀv + c₀)^degree, degree in 1..10, γ &gt; 0. */
    public static Kernel poly(int degree, double gamma, double coef0) {
        if (degree < 1 || degree > 10) {
            throw new IllegalArgumentException("Kernel.poly: degree must be in 1..10, got " + degree);
        }
        return new Kernel(Type.POLY, degree, checkGamma("poly", gamma), checkCoef0("poly", coef0));
    }

    /** K(u, v) = exp(-γ ||u - v||²), γ &gt; 0. */
    public static Kernel rbf(double gamma) {
        return new Kernel(Type.RBF, 1, checkGamma("rbf", gamma), 0);
    }

    /** K(u, v) = tanh(γ uᵀv + c₀), γ &gt; 0. */
    public static Kernel sigmoid(double gamma, double coef0) {
        return new Kernel(Type.SIGMOID, 1, checkGamma("sigmoid", gamma), checkCoef0("sigmoid", coef0));
    }

    /** K(u, v) for two vectors u, v [d]. */
    public double apply(Tensor u, Tensor v) {
        if (u.rank() != 1 || !java.util.Arrays.equals(u.shape(), v.shape())) {
            throw new IllegalArgumentException("Kernel.apply: expected two vectors [d] of one length, got "
                    + java.util.Arrays.toString(u.shape()) + " and " + java.util.Arrays.toString(v.shape()));
        }
        return switch (type) {
            case LINEAR -> u.dot(v);
            case POLY -> Math.pow(gamma * u.dot(v) + coef0, degree);
            case RBF -> Math.exp(-gamma * u.sub(v).pow(2).sum());
            case SIGMOID -> Math.tanh(gamma * u.dot(v) + coef0);
        };
    }

    /** The family. */
    public Type type() {
        return type;
    }

    /** The polynomial degree (1 for the other families). */
    public int degree() {
        return degree;
    }

    /** γ (1 for the linear kernel). */
    public double gamma() {
        return gamma;
    }

    /** c₀ (0 for the linear and RBF kernels). */
    public double coef0() {
        return coef0;
    }

    private static double checkGamma(String who, double gamma) {
        if (!(gamma > 0) || Double.isInfinite(gamma)) {
            throw new IllegalArgumentException("Kernel." + who + ": gamma must be a finite number > 0, got " + gamma);
        }
        return gamma;
    }

    private static double checkCoef0(String who, double coef0) {
        if (!Double.isFinite(coef0)) {
            throw new IllegalArgumentException("Kernel." + who + ": coef0 must be finite, got " + coef0);
        }
        return coef0;
    }

    @Override
    public String toString() {
        return switch (type) {
            case LINEAR -> "linear";
            case POLY -> "poly(degree=" + degree + ", gamma=" + gamma + ", coef0=" + coef0 + ")";
            case RBF -> "rbf(gamma=" + gamma + ")";
            case SIGMOID -> "sigmoid(gamma=" + gamma + ", coef0=" + coef0 + ")";
        };
    }
}
