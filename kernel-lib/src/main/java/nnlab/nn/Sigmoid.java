package nnlab.nn;

import nnlab.tensor.Tensor;

/**
 * The logistic function, squashing every value into (0, 1).
 *
 * <p>Formula: {@code σ(x) = 1 / (1 + e^(-x))}, computed as {@code e^x / (1 + e^x)} for x &lt; 0 so
 * that no exp overflows for large |x|.
 *
 * <p>Shapes: any; y has the shape of x.
 *
 * <p>Parameters: none.
 *
 * <pre>{@code
 * Layer s = new Sigmoid();
 * Tensor y = s.forward(Tensor.of(-1, 0, 1));    // [0.268941, 0.5, 0.731059]
 * Tensor dx = s.backward(Tensor.of(-1, 0, 1), Tensor.ones(3));   // y (1 - y) = [0.196612, 0.25, 0.196612]
 * }</pre>
 */
public final class Sigmoid implements Layer {

    /** σ(v) for one value, stable for any v. */
    public static double sigmoid(double v) {
        if (v >= 0) {
            return 1 / (1 + Math.exp(-v));
        }
        double e = Math.exp(v);
        return e / (1 + e);
    }

    @Override
    public Tensor forward(Tensor x) {
        Checks.notNull(this, x);
        return x.map(Sigmoid::sigmoid);
    }

    @Override
    public Tensor backward(Tensor x, Tensor dy) {
        return backward(x, forward(x), dy);                    // forward checks x
    }

    /** The backward a {@link Net} calls, with y = σ(x) kept from the forward pass. */
    @Override
    public Tensor backward(Tensor x, Tensor y, Tensor dy) {
        Checks.outputAndDy(this, x, y, dy);
        return dy.zip("Sigmoid.backward", y, (d, s) -> d * (s * (1 - s))); // dσ/dx = σ(1 - σ)
    }

    @Override
    public String toString() {
        return "Sigmoid()";
    }
}
