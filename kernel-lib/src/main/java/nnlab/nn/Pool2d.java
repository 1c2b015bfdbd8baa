package nnlab.nn;

import nnlab.tensor.Tensor;

/**
 * What {@link MaxPool2d} and {@link AvgPool2d} share: a k×k window moved {@code stride} apart over every
 * channel, and the shape rules, with messages that start with the layer's name.
 *
 * <p>Shapes: x [N, C, H, W], y [N, C, H', W'] with {@code H' = (H − k) / s + 1} (rounded down), the same
 * for W'. No padding.
 *
 * <pre>{@code
 * Layer pool = new MaxPool2d(2);                  // stride 2
 * pool.outputShape(new int[] {8, 32, 26, 26});    // [8, 32, 13, 13]
 * pool;                                           // MaxPool2d(kernel=2, stride=2)
 * }</pre>
 */
abstract class Pool2d implements Layer {
    /** The window's side k. */
    final int k;
    /** How far apart the windows start. */
    final int stride;

    /** Windows of k×k, {@code stride} apart; both must be at least 1. */
    Pool2d(int kernelSize, int stride) {
        this.k = kernelSize;
        this.stride = stride;
        if (k < 1 || stride < 1) {
            throw new IllegalArgumentException(this + ": kernel and stride must be >= 1");
        }
    }

    /** x must be [N, C, H, W] with H, W >= k; returns x's shape. */
    int[] checkInput(Tensor x) {
        Checks.notNull(this, x);
        int[] s = x.shape();
        outputShape(s);
        return s;
    }

    /** The number of output values, N·C·H'·W'. */
    int outputSize(int[] s) {
        int[] o = outputShape(s);
        return o[0] * o[1] * o[2] * o[3];
    }

    /** [N, C, H', W'] with H' = (H − k) / s + 1; an error when the input is not 4-d or smaller than k×k. */
    @Override
    public int[] outputShape(int[] s) {
        if (s.length != 4) {
            throw new IllegalArgumentException(this + ": expected input [N, C, H, W], got " + Checks.str(s)
                    + (s.length == 3 ? " (no channel axis? use x.reshape(N, 1, H, W))" : ""));
        }
        if (s[2] < k || s[3] < k) {
            throw new IllegalArgumentException(this + ": kernel " + k + "x" + k + " is larger than the input "
                    + s[2] + "x" + s[3] + " (H x W) of " + Checks.str(s));
        }
        return new int[] {s[0], s[1], (s[2] - k) / stride + 1, (s[3] - k) / stride + 1};
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(kernel=" + k + ", stride=" + stride + ")";
    }
}
