package nnlab.tensor;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The data movement behind convolution and pooling on [N, C, H, W] tensors, as static operations in
 * EJML's {@code CommonOps} style: im2col and its adjoint col2im, swapping the first two axes, and
 * max/average pooling with their backward passes. Layers in {@code nnlab.nn} call these; the arithmetic
 * that matters (the matrix products) stays in {@link Tensor#matmul}.
 *
 * <p>im2col lays every k×k patch of the (zero-padded) input out as one column, so that a convolution
 * becomes a single matrix product {@code W [out, C·k·k] · cols [C·k·k, N·H'·W']}. Row {@code (c·k + i)·k + j}
 * of cols, column {@code (n·H' + oh)·W' + ow} holds {@code x[n, c, oh·s − p + i, ow·s − p + j]} (0 outside).
 *
 * <pre>{@code
 * Tensor x = Tensor.arange(9).reshape(1, 1, 3, 3);
 * Tensor cols = ConvOps.im2col(x, 2, 2, 1, 0);        // [4, 4]: column 0 is the patch 0 1 3 4
 * Tensor back = ConvOps.col2im(cols, x.shape(), 2, 2, 1, 0);   // each pixel times the patches it is in
 * }</pre>
 */
public final class ConvOps {
    /** Below this many values, work runs on the calling thread only. */
    private static final int PARALLEL = 1 << 16;

    private ConvOps() {
    }

    /** The output length of a window k with stride s over n + 2p values: {@code (n + 2p − k) / s + 1}. */
    public static int outSize(int n, int k, int stride, int padding) {
        return (n + 2 * padding - k) / stride + 1;
    }

    /** x [N, C, H, W] → cols [C·kH·kW, N·H'·W'], one zero-padded patch per column (see the class comment). */
    public static Tensor im2col(Tensor x, int kH, int kW, int stride, int padding) {
        int[] g = geometry("im2col", x.shape(), kH, kW, stride, padding);
        int n = g[0], c = g[1], oh = g[4], ow = g[5];
        Tensor result = Tensor.zeros(c * kH * kW, n * oh * ow);
        double[] cols = result.array();
        rows(c * kH * kW, cols.length, r -> im2colRow(x.array(), g, kH, kW, stride, padding, r, cols));
        return result;
    }

    /** One row of cols: input channel c = r / (kH·kW) seen through kernel offset (i, j). */
    private static void im2colRow(double[] x, int[] g, int kH, int kW, int s, int p, int r, double[] cols) {
        int n = g[0], c = g[1], h = g[2], w = g[3], oh = g[4], ow = g[5];
        int ch = r / (kH * kW), i = r / kW % kH, j = r % kW;
        int dst = r * n * oh * ow;
        for (int b = 0; b < n; b++) {
            int plane = (b * c + ch) * h * w;
            for (int y = 0; y < oh; y++, dst += ow) {
                int iy = y * s - p + i;
                if (iy < 0 || iy >= h) {
                    continue;                                   // a padding row: cols is already 0
                }
                int src = plane + iy * w - p + j;               // x index of output column 0
                int lo = Math.max(0, ceilDiv(p - j, s));        // first output column inside the image
                int hi = Math.min(ow, ceilDiv(w + p - j, s));   // one past the last
                if (s == 1) {
                    System.arraycopy(x, src + lo, cols, dst + lo, Math.max(0, hi - lo));
                } else {
                    for (int q = lo; q < hi; q++) {
                        cols[dst + q] = x[src + q * s];
                    }
                }
            }
        }
    }

    /**
     * The adjoint of im2col: cols [C·kH·kW, N·H'·W'] → dx [N, C, H, W], each value added back onto the
     * pixel it was copied from (a pixel inside several patches receives the sum). This is the backward
     * pass of im2col: {@code dx = col2im(dcols)}.
     */
    public static Tensor col2im(Tensor cols, int[] xShape, int kH, int kW, int stride, int padding) {
        int[] g = geometry("col2im", xShape, kH, kW, stride, padding);
        int n = g[0], c = g[1], h = g[2], w = g[3], oh = g[4], ow = g[5];
        int[] expected = {c * kH * kW, n * oh * ow};
        if (!Arrays.equals(cols.shape(), expected)) {
            throw new IllegalArgumentException("col2im: input " + Shapes.str(xShape) + " with a " + kH + "x" + kW
                    + " kernel, stride " + stride + " and padding " + padding + " needs cols " + Shapes.str(expected)
                    + ", got " + Shapes.str(cols.shape()));
        }
        Tensor result = Tensor.zeros(xShape);
        double[] dx = result.array();
        // channels write disjoint parts of dx, so they can run in parallel
        rows(c, cols.size(), ch -> {
            for (int r = ch * kH * kW; r < (ch + 1) * kH * kW; r++) {
                col2imRow(cols.array(), g, kH, kW, stride, padding, r, dx);
            }
        });
        return result;
    }

    private static void col2imRow(double[] cols, int[] g, int kH, int kW, int s, int p, int r, double[] dx) {
        int n = g[0], c = g[1], h = g[2], w = g[3], oh = g[4], ow = g[5];
        int ch = r / (kH * kW), i = r / kW % kH, j = r % kW;
        int src = r * n * oh * ow;
        int lo = Math.max(0, ceilDiv(p - j, s));
        int hi = Math.min(ow, ceilDiv(w + p - j, s));
        for (int b = 0; b < n; b++) {
            int plane = (b * c + ch) * h * w;
            for (int y = 0; y < oh; y++, src += ow) {
                int iy = y * s - p + i;
                if (iy >= 0 && iy < h) {
                    int dst = plane + iy * w - p + j;
                    for (int q = lo; q < hi; q++) {
                        dx[dst + q * s] += cols[src + q];
                    }
                }
            }
        }
    }

    /** x [A, B, ...] → [B, A, ...] (numpy's {@code swapaxes(x, 0, 1)}), copying contiguous runs. */
    public static Tensor swapAxes01(Tensor x) {
        return swapAxes01(x, null);
    }

    /**
     * x [A, B, ...] → [B, A, ...] with {@code bias[a]} (length A; null for none) added to every value that
     * came from index a of axis 0, in the same pass: a convolution's product [out, N, H', W'] becomes its
     * output [N, out, H', W'] plus the channel's bias.
     */
    public static Tensor swapAxes01(Tensor x, Tensor bias) {
        int[] s = x.shape();
        if (s.length < 2) {
            throw new IllegalArgumentException("swapAxes01: needs at least 2 dimensions, got " + Shapes.str(s));
        }
        int a = s[0], b = s[1], run = a * b == 0 ? 0 : x.size() / (a * b);
        if (bias != null && (bias.rank() != 1 || bias.size() != a)) {
            throw new IllegalArgumentException("swapAxes01: x " + Shapes.str(s) + " needs bias [" + a + "], got "
                    + Shapes.str(bias.shape()));
        }
        s[0] = b;
        s[1] = a;
        Tensor result = Tensor.zeros(s);
        double[] in = x.array(), out = result.array(), add = bias == null ? new double[a] : bias.array();
        rows(b, out.length, j -> {
            for (int i = 0; i < a; i++) {
                int src = (i * b + j) * run, dst = (j * a + i) * run;
                double v = add[i];
                for (int q = 0; q < run; q++) {
                    out[dst + q] = in[src + q] + v;
                }
            }
        });
        return result;
    }

    /** Runs {@code body} for 0..count-1, on two or more threads when {@code work} values are many. */
    private static void rows(int count, long work, java.util.function.IntConsumer body) {
        IntStream range = IntStream.range(0, count);
        (work >= PARALLEL ? range.parallel() : range).forEach(body);
    }

    /** {N, C, H, W, H', W'} for a kernel over x, or an error naming the operation and the rule broken. */
    static int[] geometry(String op, int[] x, int kH, int kW, int stride, int padding) {
        if (x.length != 4) {
            throw new IllegalArgumentException(op + ": expected x [N, C, H, W], got " + Shapes.str(x));
        }
        if (kH < 1 || kW < 1 || stride < 1 || padding < 0) {
            throw new IllegalArgumentException(op + ": kernel and stride must be >= 1 and padding >= 0, got kernel "
                    + kH + "x" + kW + ", stride " + stride + ", padding " + padding);
        }
        if (x[2] + 2 * padding < kH || x[3] + 2 * padding < kW) {
            throw new IllegalArgumentException(op + ": kernel " + kH + "x" + kW + " is larger than the "
                    + (padding > 0 ? "padded input " : "input ")
                    + (x[2] + 2 * padding) + "x" + (x[3] + 2 * padding) + " of x " + Shapes.str(x));
        }
        return new int[] {x[0], x[1], x[2], x[3], outSize(x[2], kH, stride, padding), outSize(x[3], kW, stride, padding)};
    }

    private static int ceilDiv(int a, int b) {
        return -Math.floorDiv(-a, b);
    }
}
