package nnlab.nn;

import nnlab.tensor.Tensor;

/**
 * The rectified linear unit: negative values become 0, the rest pass through.
 *
 * <p>Formula: {@code relu(x) = max(0, x)}; its derivative is 0 for x &lt; 0 and 1 for x &ge; 0.
 * At x = 0, where the derivative is undefined, we take 1 (the function is continuous there, and
 * either choice is a valid subgradient; the course's notebooks use 1).
 *
 * <p>Shapes: any; y has the shape of x.
 *
 * <p>Parameters: none.
 *
 * <pre>{@code
 * Layer r = new ReLU();
 * Tensor y = r.forward(Tensor.of(-2, 0, 3));    // [0, 0, 3]
 * Tensor dx = r.backward(Tensor.of(-2, 0, 3), Tensor.ones(3));   // [0, 1, 1]
 * }</pre>
 */
public final class ReLU implements Layer {

    @Override
    public Tensor forward(Tensor x) {
        Checks.notNull(this, x);
        return x.map(v -> v < 0 ? 0 : v); // NaN stays NaN, so a diverging net is noticed
    }

    @Override
    public Tensor backward(Tensor x, Tensor dy) {
        Checks.notNull(this, x);
        Checks.dy(this, dy, x.shape());
        return x.zip("ReLU.backward", dy, (xi, d) -> xi < 0 ? 0 : d); // d relu/dx = 0 if x < 0, else 1
    }

    @Override
    public String toString() {
        return "ReLU()";
    }
}
