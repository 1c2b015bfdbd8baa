package nnlab.nn;

import java.util.Arrays;
import nnlab.tensor.Tensor;

/** Shape checks whose messages start with the layer's name, e.g. {@code Linear(in=2, out=3): ...}. */
final class Checks {
    private Checks() {
    }

    static String str(int[] shape) {
        return Arrays.toString(shape);
    }

    /** x must be [N, features] for some N. */
    static void input2d(Object layer, Tensor x, int features) {
        if (x == null) {
            throw new IllegalArgumentException(layer + ": input is null; expected [N, " + features + "]");
        }
        if (x.rank() != 2 || x.shape(1) != features) {
            throw new IllegalArgumentException(layer + ": expected input [N, " + features + "], got "
                    + str(x.shape()));
        }
    }

    /** dy must have exactly the shape {@code expected}. */
    static void dy(Object layer, Tensor dy, int[] expected) {
        if (dy == null) {
            throw new IllegalArgumentException(layer + ": dy is null; expected " + str(expected));
        }
        if (!Arrays.equals(dy.shape(), expected)) {
            throw new IllegalArgumentException(layer + ": expected dy " + str(expected) + ", got "
                    + str(dy.shape()));
        }
    }

    /** For {@code backward(x, y, dy)}: y must have x's shape (it is forward(x)) and dy y's shape. */
    static void outputAndDy(Object layer, Tensor x, Tensor y, Tensor dy) {
        notNull(layer, x);
        if (y == null || !Arrays.equals(y.shape(), x.shape())) {
            throw new IllegalArgumentException(layer + ": expected y = forward(x) of shape " + str(x.shape())
                    + ", got " + (y == null ? "null" : str(y.shape())));
        }
        dy(layer, dy, x.shape());
    }

    static void notNull(Object layer, Tensor x) {
        if (x == null) {
            throw new IllegalArgumentException(layer + ": input is null; expected a tensor");
        }
    }

    /** For setWeights: W must have shape {@code wShape}, b [out], both finite. */
    static void weights(Object layer, Tensor W, int[] wShape, Tensor b, int out) {
        if (W == null || b == null) {
            throw new IllegalArgumentException(layer + ": setWeights needs W and b, got null");
        }
        if (!Arrays.equals(W.shape(), wShape)) {
            throw new IllegalArgumentException(layer + ": expected W " + str(wShape) + ", got " + str(W.shape()));
        }
        if (!Arrays.equals(b.shape(), new int[] {out})) {
            throw new IllegalArgumentException(layer + ": expected b [" + out + "], got " + str(b.shape()));
        }
        W.requireFinite(layer + ": W");
        b.requireFinite(layer + ": b");
    }
}
