package nnlab.nn;

import nnlab.tensor.Tensor;

/**
 * Flattens every sample into one row, so that convolutional features can feed a {@link Linear} layer.
 *
 * <p>Formula: {@code y[n, (c·H + i)·W + j] = x[n, c, i, j]} (row-major order, as PyTorch's
 * {@code nn.Flatten()}); backward reshapes dy back to x's shape, since moving values changes no gradient.
 *
 * <p>Shapes: x [N, d1, d2, ...] (rank 2 or more), y [N, d1·d2·...].
 *
 * <p>Parameters: none.
 *
 * <pre>{@code
 * Layer flat = new Flatten();
 * Tensor y = flat.forward(Tensor.zeros(8, 64, 5, 5));                  // [8, 1600]
 * Tensor dx = flat.backward(Tensor.zeros(8, 64, 5, 5), Tensor.ones(8, 1600));   // [8, 64, 5, 5]
 * }</pre>
 */
public final class Flatten implements Layer {

    @Override
    public Tensor forward(Tensor x) {
        Checks.notNull(this, x);
        return x.reshape(outputShape(x.shape()));
    }

    @Override
    public Tensor backward(Tensor x, Tensor dy) {
        Checks.notNull(this, x);
        Checks.dy(this, dy, outputShape(x.shape()));
        return dy.reshape(x.shape());              // dy/dx is the identity, values only move
    }

    @Override
    public int[] outputShape(int[] s) {
        if (s.length < 2) {
            throw new IllegalArgumentException(this + ": expected input [N, ...] with at least 2 dimensions, got "
                    + Checks.str(s));
        }
        int features = 1;
        for (int i = 1; i < s.length; i++) {
            features *= s[i];
        }
        return new int[] {s[0], features};
    }

    @Override
    public String toString() {
        return "Flatten()";
    }
}
