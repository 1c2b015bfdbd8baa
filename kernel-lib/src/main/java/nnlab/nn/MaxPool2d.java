package nnlab.nn;

import nnlab.tensor.PoolOps;
import nnlab.tensor.Tensor;

/**
 * Max pooling: each k×k window of every channel is replaced by its largest value.
 *
 * <p>Formula: {@code y[n, c, i, j] = max over u, v < k of x[n, c, i·s + u, j·s + v]}. The gradient goes
 * to the arg-max alone: {@code dx = dy} at the window's maximum, 0 at the other values. On a tie the
 * first maximum in row-major order within the window gets it all (as PyTorch's CPU kernel does); with
 * overlapping windows (s &lt; k) a value that is the maximum of several windows receives their sum.
 *
 * <p>Shapes: x [N, C, H, W], y [N, C, H', W'] with {@code H' = (H − k) / s + 1} (rounded down: rows and
 * columns no window reaches are dropped), the same for W'. No padding.
 *
 * <p>Parameters: none; kernel k and stride s (PyTorch's default stride is k: {@code new MaxPool2d(2)}).
 * In training mode forward remembers where each maximum was; a backward that brings forward's own output
 * y (as {@link Net} does) uses that instead of searching again.
 *
 * <pre>{@code
 * Layer pool = new MaxPool2d(2, 2);
 * Tensor y = pool.forward(Tensor.arange(16).reshape(1, 1, 4, 4));          // [[[[5, 7], [13, 15]]]]
 * Tensor dx = pool.backward(Tensor.arange(16).reshape(1, 1, 4, 4), Tensor.ones(1, 1, 2, 2)); // 1 at the maxima
 * }</pre>
 */
public final class MaxPool2d extends Pool2d {
    private boolean training = true;
    private Seen seen;

    /** Windows of k×k with stride k (non-overlapping). */
    public MaxPool2d(int kernelSize) {
        this(kernelSize, kernelSize);
    }

    /** Windows of k×k, {@code stride} apart. */
    public MaxPool2d(int kernelSize, int stride) {
        super(kernelSize, stride);
    }

    @Override
    public Tensor forward(Tensor x) {
        checkInput(x);
        int[] argmax = training ? new int[outputSize(x.shape())] : null;
        Tensor y = PoolOps.maxPool2d(x, k, stride, argmax);
        seen = training ? new Seen(x, y, argmax) : null;
        return y;
    }

    @Override
    public Tensor backward(Tensor x, Tensor dy) {
        return backward(x, null, dy);
    }

    /** As {@link #backward(Tensor, Tensor)}; when y is the output of the last training forward, on this x, its arg-max is reused. */
    @Override
    public Tensor backward(Tensor x, Tensor y, Tensor dy) {
        int[] s = checkInput(x);
        Checks.dy(this, dy, outputShape(s));
        boolean known = y != null && seen != null && seen.x == x && seen.y == y;
        int[] argmax = known ? seen.argmax : new int[dy.size()];
        if (!known) {
            PoolOps.maxPool2d(x, k, stride, argmax);               // where each maximum came from
        }
        return PoolOps.maxPool2dBackward(dy, argmax, s);           // d max/dx = 1 at the arg-max, else 0
    }

    /** The last training forward's input, output and arg-max positions (see {@link Conv2d}'s twin). */
    private record Seen(Tensor x, Tensor y, int[] argmax) {
    }

    @Override
    public void train(boolean training) {
        this.training = training;
        seen = null;
    }
}
