package nnlab.nn;

import nnlab.tensor.Tensor;

/** Shape rules shared by MaxPool2d and AvgPool2d, with messages that start with the layer's name. */
final class Pooling {
    private Pooling() {
    }

    static void checkSizes(Object layer, int k, int stride) {
        if (k < 1 || stride < 1) {
            throw new IllegalArgumentException(layer + ": kernel and stride must be >= 1");
        }
    }

    /** x must be [N, C, H, W] with H, W >= k; returns x's shape. */
    static int[] check(Object layer, Tensor x, int k) {
        Checks.notNull(layer, x);
        int[] s = x.shape();
        outputShape(layer, s, k, 1);
        return s;
    }

    /** The number of output values, N·C·H'·W'. */
    static int outputSize(Object layer, int[] s, int k, int stride) {
        int[] o = outputShape(layer, s, k, stride);
        return o[0] * o[1] * o[2] * o[3];
    }

    /** [N, C, H', W'] with H' = (H − k) / s + 1; an error when the input is not 4-d or smaller than k×k. */
    static int[] outputShape(Object layer, int[] s, int k, int stride) {
        if (s.length != 4) {
            throw new IllegalArgumentException(layer + ": expected input [N, C, H, W], got " + Checks.str(s)
                    + (s.length == 3 ? " (no channel axis? use x.reshape(N, 1, H, W))" : ""));
        }
        if (s[2] < k || s[3] < k) {
            throw new IllegalArgumentException(layer + ": kernel " + k + "x" + k + " is larger than the input "
                    + s[2] + "x" + s[3] + " (H x W) of " + Checks.str(s));
        }
        return new int[] {s[0], s[1], (s[2] - k) / stride + 1, (s[3] - k) / stride + 1};
    }
}
