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
 * Tensor dx = t.backward(x, dy);                // dy * (1 - y²)
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
        Checks.notNull(this, x);
        Checks.dy(this, dy, x.shape());
        Tensor t = x.tanh();
        return t.zip("Tanh.backward", dy, (ti, d) -> d * (1 - ti * ti)); // d tanh/dx = 1 - tanh²
    }

    @Override
    public String toString() {
        return "Tanh()";
    }
}
