package nnlab.nn;

import nnlab.tensor.Tensor;

/**
 * The hyperbolic tangent, squashing every value into (-1, 1).
 *
 * <p>Formula: {@code tanh(x) = (e^x - e^(-x)) / (e^x + e^(-x))}.
 *
 * <p>Shapes: any; y has the shape of x.
 *
 * <p>Parameters: none.
 *
 * <pre>{@code
 * Layer t = new Tanh();
 * Tensor y = t.forward(Tensor.of(-1, 0, 1));    // [-0.761594, 0, 0.761594]
 * Tensor dx = t.backward(Tensor.of(-1, 0, 1), Tensor.ones(3));   // 1 - y² = [0.419974, 1, 0.419974]
 * }</pre>
 */
public final class Tanh implements Layer {

    @Override
    public Tensor forward(Tensor x) {
        Checks.notNull(this, x);
        return x.tanh();
    }

    @Override
    public Tensor backward(Tensor x, Tensor dy) {
        return backward(x, forward(x), dy);                    // forward checks x
    }

    /** The backward a {@link Net} calls, with y = tanh(x) kept from the forward pass. */
    @Override
    public Tensor backward(Tensor x, Tensor y, Tensor dy) {
        Checks.outputAndDy(this, x, y, dy);
        return dy.zip("Tanh.backward", y, (d, t) -> d * (1 - t * t)); // d tanh/dx = 1 - tanh²
    }

    @Override
    public String toString() {
        return "Tanh()";
    }
}
