package nnlab.nn;

import nnlab.tensor.PoolOps;
import nnlab.tensor.Tensor;

/**
 * Average pooling: each k×k window of every channel is replaced by its mean.
 *
 * <p>Formula: {@code y[n, c, i, j] = (1 / k²) Σ_{u, v < k} x[n, c, i·s + u, j·s + v]}; so
 * {@code dx = dy / k²} spread over the window (summed where windows overlap).
 *
 * <p>Shapes: x [N, C, H, W], y [N, C, H', W'] with {@code H' = (H − k) / s + 1} (rounded down), the same
 * for W'. No padding.
 *
 * <p>Parameters: none; kernel k and stride s (default stride k).
 *
 * <pre>{@code
 * Layer pool = new AvgPool2d(2);
 * Tensor y = pool.forward(Tensor.arange(16).reshape(1, 1, 4, 4));           // [[[[2.5, 4.5], [10.5, 12.5]]]]
 * Tensor dx = pool.backward(Tensor.arange(16).reshape(1, 1, 4, 4), Tensor.ones(1, 1, 2, 2)); // all 0.25
 * }</pre>
 */
public final class AvgPool2d extends Pool2d {
    /** Windows of k×k with stride k (non-overlapping). */
    public AvgPool2d(int kernelSize) {
        this(kernelSize, kernelSize);
    }

    /** Windows of k×k, {@code stride} apart. */
    public AvgPool2d(int kernelSize, int stride) {
        super(kernelSize, stride);
    }

    @Override
    public Tensor forward(Tensor x) {
        checkInput(x);
        return PoolOps.avgPool2d(x, k, stride);
    }

    @Override
    public Tensor backward(Tensor x, Tensor dy) {
        int[] s = checkInput(x);
        Checks.dy(this, dy, outputShape(s));
        return PoolOps.avgPool2dBackward(dy, s, k, stride);         // d mean/dx = 1/k² inside the window
    }
}
