package nnlab.tensor;

/**
 * Max and average pooling over k×k windows of [N, C, H, W] tensors, with their backward passes, as
 * static operations in EJML's {@code CommonOps} style (the layers {@code MaxPool2d} and {@code AvgPool2d}
 * call these). No padding; the output is [N, C, H', W'] with {@code H' = (H − k) / s + 1}, so rows and
 * columns a window does not reach are dropped, as in PyTorch.
 *
 * <pre>{@code
 * Tensor x = Tensor.arange(16).reshape(1, 1, 4, 4);
 * int[] argmax = new int[4];
 * Tensor y = PoolOps.maxPool2d(x, 2, 2, argmax);        // [[5, 7], [13, 15]]; argmax = {5, 7, 13, 15}
 * }</pre>
 */
public final class PoolOps {
    private PoolOps() {
    }

    /**
     * The maximum of every window; {@code argmax} (length y.size(), or null) receives the flat index into
     * x of each maximum. Ties go to the first maximum in row-major window order; a NaN wins over numbers.
     */
    public static Tensor maxPool2d(Tensor x, int k, int stride, int[] argmax) {
        int[] g = ConvOps.geometry("maxPool2d", x.shape(), k, k, stride, 0);
        int n = g[0], c = g[1], h = g[2], w = g[3], oh = g[4], ow = g[5];
        Tensor result = Tensor.zeros(n, c, oh, ow);
        double[] y = result.array();
        if (argmax != null && argmax.length != y.length) {
            throw new IllegalArgumentException("maxPool2d: argmax has length " + argmax.length + ", expected "
                    + y.length + " (one per output value)");
        }
        double[] d = x.array();
        int out = 0;
        for (int plane = 0; plane < n * c; plane++) {
            for (int oy = 0; oy < oh; oy++) {
                for (int ox = 0; ox < ow; ox++, out++) {
                    int best = plane * h * w + oy * stride * w + ox * stride;
                    for (int i = 0; i < k; i++) {
                        int row = plane * h * w + (oy * stride + i) * w + ox * stride;
                        for (int j = 0; j < k; j++) {
                            double v = d[row + j];
                            if (v > d[best] || Double.isNaN(v) && !Double.isNaN(d[best])) {
                                best = row + j;
                            }
                        }
                    }
                    y[out] = d[best];
                    if (argmax != null) {
                        argmax[out] = best;
                    }
                }
            }
        }
        return result;
    }

    /** dx [xShape]: each dy value added onto the position {@code argmax} names (from {@link #maxPool2d}). */
    public static Tensor maxPool2dBackward(Tensor dy, int[] argmax, int[] xShape) {
        if (argmax.length != dy.array().length) {
            throw new IllegalArgumentException("maxPool2dBackward: dy " + Shapes.str(dy.shape()) + " has " + dy.array().length
                    + " values but argmax has " + argmax.length);
        }
        Tensor result = Tensor.zeros(xShape);
        double[] dx = result.array();
        for (int q = 0; q < argmax.length; q++) {
            dx[argmax[q]] += dy.array()[q];            // d max / d x_i = 1 for the arg-max, 0 elsewhere
        }
        return result;
    }

    /** The mean of every k×k window. */
    public static Tensor avgPool2d(Tensor x, int k, int stride) {
        int[] g = ConvOps.geometry("avgPool2d", x.shape(), k, k, stride, 0);
        int n = g[0], c = g[1], h = g[2], w = g[3], oh = g[4], ow = g[5];
        Tensor result = Tensor.zeros(n, c, oh, ow);
        double[] y = result.array();
        int out = 0;
        for (int plane = 0; plane < n * c; plane++) {
            for (int oy = 0; oy < oh; oy++) {
                for (int ox = 0; ox < ow; ox++, out++) {
                    double s = 0;
                    for (int i = 0; i < k; i++) {
                        int row = plane * h * w + (oy * stride + i) * w + ox * stride;
                        for (int j = 0; j < k; j++) {
                            s += x.array()[row + j];
                        }
                    }
                    y[out] = s / (k * k);
                }
            }
        }
        return result;
    }

    /** dx [xShape]: each dy value spread evenly, dy / k², over the window it came from. */
    public static Tensor avgPool2dBackward(Tensor dy, int[] xShape, int k, int stride) {
        int[] g = ConvOps.geometry("avgPool2dBackward", xShape, k, k, stride, 0);
        int n = g[0], c = g[1], h = g[2], w = g[3], oh = g[4], ow = g[5];
        if (dy.array().length != n * c * oh * ow) {
            throw new IllegalArgumentException("avgPool2dBackward: x " + Shapes.str(xShape) + " needs dy ["
                    + n + ", " + c + ", " + oh + ", " + ow + "], got " + Shapes.str(dy.shape()));
        }
        Tensor result = Tensor.zeros(xShape);
        double[] dx = result.array();
        int out = 0;
        for (int plane = 0; plane < n * c; plane++) {
            for (int oy = 0; oy < oh; oy++) {
                for (int ox = 0; ox < ow; ox++, out++) {
                    double share = dy.array()[out] / (k * k);     // d mean / d x_i = 1 / k² inside the window
                    for (int i = 0; i < k; i++) {
                        int row = plane * h * w + (oy * stride + i) * w + ox * stride;
                        for (int j = 0; j < k; j++) {
                            dx[row + j] += share;
                        }
                    }
                }
            }
        }
        return result;
    }
}
