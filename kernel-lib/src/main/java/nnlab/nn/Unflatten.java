package nnlab.nn;

import java.util.Arrays;
import nnlab.tensor.Tensor;

/**
 * Gives every row of a batch a shape again: [N, C·H·W] → [N, C, H, W], the inverse of {@link Flatten}.
 * A {@code Dataset} holds images as rows of pixels; this layer lets a convolutional network take them.
 *
 * <p>Formula: {@code y[n, c, i, j] = x[n, (c·H + i)·W + j]} (row-major, as PyTorch's
 * {@code nn.Unflatten(1, (C, H, W))}); backward reshapes dy back to [N, C·H·W].
 *
 * <p>Shapes: x [N, d1·d2·...], y [N, d1, d2, ...] for the per-sample shape given to the constructor.
 *
 * <p>Parameters: none.
 *
 * <pre>{@code
 * Layer unflat = new Unflatten(1, 28, 28);                             // one channel of 28x28 pixels
 * Tensor y = unflat.forward(Tensor.zeros(8, 784));                     // [8, 1, 28, 28]
 * Tensor dx = unflat.backward(Tensor.zeros(8, 784), Tensor.ones(8, 1, 28, 28));   // [8, 784]
 * }</pre>
 */
public final class Unflatten implements Layer {
    private final int[] sample;
    private final int features;

    /** Each row becomes a tensor of shape {@code sampleShape}, e.g. {@code (1, 28, 28)}. */
    public Unflatten(int... sampleShape) {
        int f = 1;
        for (int d : sampleShape) {
            if (d < 1) {
                throw new IllegalArgumentException("Unflatten: every dimension must be >= 1, got " + Arrays.toString(sampleShape));
            }
            f *= d;
        }
        if (sampleShape.length == 0) {
            throw new IllegalArgumentException("Unflatten: needs a sample shape such as (1, 28, 28)");
        }
        this.sample = sampleShape.clone();
        this.features = f;
    }

    @Override
    public Tensor forward(Tensor x) {
        Checks.input2d(this, x, features);
        return x.reshape(outputShape(x.shape()));
    }

    @Override
    public Tensor backward(Tensor x, Tensor dy) {
        Checks.input2d(this, x, features);
        Checks.dy(this, dy, outputShape(x.shape()));
        return dy.reshape(x.shape());              // dy/dx is the identity, values only move
    }

    @Override
    public int[] outputShape(int[] s) {
        if (s.length != 2 || s[1] != features) {
            throw new IllegalArgumentException(this + ": expected input [N, " + features + "], got " + Checks.str(s));
        }
        int[] out = new int[sample.length + 1];
        out[0] = s[0];
        System.arraycopy(sample, 0, out, 1, sample.length);
        return out;
    }

    @Override
    public String toString() {
        return "Unflatten" + Arrays.toString(sample).replace('[', '(').replace(']', ')');
    }
}
