package nnlab.nn;

import java.util.List;
import nnlab.Rng;
import nnlab.tensor.ConvOps;
import nnlab.tensor.Tensor;

/**
 * A 2-d convolution (strictly, cross-correlation, as in PyTorch): every output channel slides its own
 * k×k×C filter over the input and takes a weighted sum at every position.
 *
 * <p>Formula: {@code y[n, o, i, j] = b[o] + Σ_c Σ_u Σ_v W[o, c, u, v] · x[n, c, i·s − p + u, j·s − p + v]},
 * x read as 0 outside the image (zero padding p), stride s.
 *
 * <p>Shapes: x [N, C, H, W], W [out, C, k, k], b [out], y [N, out, H', W'] with
 * {@code H' = (H + 2p − k) / s + 1} (rounded down), the same for W'; PyTorch's {@code Conv2d} layout.
 *
 * <p>Parameters: W starts He/Kaiming-uniform for ReLU, {@code W ~ U(-a, a)} with
 * {@code a = sqrt(6 / fan_in)}, {@code fan_in = C·k·k} (PyTorch's
 * {@code kaiming_uniform_(W, nonlinearity='relu')}; PyTorch's own Conv2d default is smaller, a = 1/sqrt(fan_in));
 * b starts at 0. {@link #params()} is W then b.
 *
 * <p>How it runs (im2col): {@link ConvOps#im2col} copies every patch into one column of a matrix, so the
 * whole batch is one matrix product on BLAS, and the backward pass is two more.
 * <pre>
 *  x (1 channel, 3×3)     cols [C·k·k, N·H'·W'] for k = 2      W [out, C·k·k]   y = W · cols [out, N·H'·W']
 *   a b c                   a b d e                             w1 w2 w3 w4      then reshaped and permuted
 *   d e f        →          b c e f        (one patch per column)                to [N, out, H', W'], + b
 *   g h i                   d e g h
 *                           e f h i
 *  backward: dW = dy · colsᵀ,  db = Σ dy,  dcols = Wᵀ · dy,  dx = col2im(dcols) (patches summed back)
 * </pre>
 * In training mode forward keeps cols for the backward that brings forward's own output y (as {@link Net}
 * does); evaluation mode ({@code Net.predict}) keeps nothing. Gradients are added to {@code grad()}.
 *
 * <pre>{@code
 * Conv2d conv = new Conv2d(1, 32, 3, new Rng(1));           // stride 1, padding 0
 * Tensor y = conv.forward(Tensor.zeros(8, 1, 28, 28));      // [8, 32, 26, 26]
 * Tensor dx = conv.backward(Tensor.zeros(8, 1, 28, 28), y); // adds to weight().grad(), bias().grad()
 * }</pre>
 */
public final class Conv2d implements Layer {
    private final int in;
    private final int out;
    private final int k;
    private final int stride;
    private final int padding;
    private final Param weight;
    private final Param bias;
    private boolean training = true;
    private Seen seen;

    /** A square-kernel convolution with stride 1 and no padding; W He-uniform from {@code rng}, b = 0. */
    public Conv2d(int inChannels, int outChannels, int kernelSize, Rng rng) {
        this(inChannels, outChannels, kernelSize, 1, 0, rng);
    }

    /** A square-kernel convolution; W He-uniform from {@code rng}, b = 0. */
    public Conv2d(int inChannels, int outChannels, int kernelSize, int stride, int padding, Rng rng) {
        this.in = inChannels;
        this.out = outChannels;
        this.k = kernelSize;
        this.stride = stride;
        this.padding = padding;
        if (in < 1 || out < 1 || k < 1 || stride < 1 || padding < 0) {
            throw new IllegalArgumentException("Conv2d: in, out, kernel and stride must be >= 1 and padding >= 0, got " + this);
        }
        if (rng == null) {
            throw new IllegalArgumentException(this + ": rng is null; pass e.g. new Rng(1)");
        }
        double a = Math.sqrt(6.0 / (in * k * k));
        this.weight = new Param("W", rng.uniform(-a, a, out, in, k, k));
        this.bias = new Param("b", Tensor.zeros(out));
    }

    @Override
    public Tensor forward(Tensor x) {
        int[] y = checkInput(x);
        Tensor cols = ConvOps.im2col(x, k, k, stride, padding);                 // [C·k·k, N·H'·W']
        Tensor prod = weight2d().matmul(cols);                                   // [out, N·H'·W']
        Tensor out4 = ConvOps.swapAxes01(prod.reshape(out, y[0], y[2], y[3]), bias.value()); // [N, out, H', W'] + b
        if (!out4.isFinite()) {
            x.requireFinite(this + ": input");                                   // names a bad input value
        }
        seen = training ? new Seen(x, out4, cols) : null;
        return out4;
    }

    @Override
    public Tensor backward(Tensor x, Tensor dy) {
        return backward(x, null, dy);
    }

    /** As {@link #backward(Tensor, Tensor)}; when y is the output of the last training forward, on this x, its im2col is reused. */
    @Override
    public Tensor backward(Tensor x, Tensor y, Tensor dy) {
        Tensor dy2 = gradients(x, y, dy);
        Tensor dcols = weight2d().transposeMatmul(dy2);                          // dL/dcols = Wᵀ · dy
        return ConvOps.col2im(dcols, x.shape(), k, k, stride, padding);          // dL/dx: patches summed back
    }

    @Override
    public void backwardParams(Tensor x, Tensor dy) {
        gradients(x, null, dy);
    }

    /** Adds dW and db to the parameters' gradients; returns dy as [out, N·H'·W'], the layout of forward's product. */
    private Tensor gradients(Tensor x, Tensor y, Tensor dy) {
        Checks.dy(this, dy, checkInput(x));
        Tensor dy2 = ConvOps.swapAxes01(dy).reshape(out, -1);                    // [out, N·H'·W']
        boolean known = y != null && seen != null && seen.x == x && seen.y == y;
        Tensor cols = known ? seen.cols : ConvOps.im2col(x, k, k, stride, padding);
        dy2.addMatmulTranspose(cols, weight.grad().reshape(out, in * k * k));   // dL/dW += dy · colsᵀ
        bias.accumulateGrad(dy2.sum(1));                                         // dL/db += Σ dy over n, i, j
        return dy2;
    }

    /**
     * The last training forward's input, output and im2col matrix. Its backward comes with that very output
     * (a {@link Net} passes it), which tells that cols still belongs to x; anything else recomputes it.
     */
    private record Seen(Tensor x, Tensor y, Tensor cols) {
    }

    /** In evaluation mode forward keeps no im2col matrix (a large batch's would be big). */
    @Override
    public void train(boolean training) {
        this.training = training;
        seen = null;
    }

    /** W [out, C, k, k] seen as the matrix [out, C·k·k] (one filter per row). */
    private Tensor weight2d() {
        return weight.value().reshape(out, in * k * k);
    }

    /** x must be [N, in, H, W] with the padded image at least k×k; returns the output shape. */
    private int[] checkInput(Tensor x) {
        Checks.notNull(this, x);
        return outputShape(x.shape());
    }

    /** Replaces W [out, in, k, k] and b [out] by copies of the given tensors, in place. */
    public void setWeights(Tensor W, Tensor b) {
        Checks.weights(this, W, new int[] {out, in, k, k}, b, out);
        weight.value().copyFromInPlace(W);
        bias.value().copyFromInPlace(b);
    }

    /** W [out, in, k, k] with its gradient. */
    public Param weight() {
        return weight;
    }

    /** b [out] with its gradient. */
    public Param bias() {
        return bias;
    }

    @Override
    public List<Param> params() {
        return List.of(weight, bias);
    }

    /** [N, out, H', W'] for [N, in, H, W]; an error when the padded input is smaller than the kernel. */
    @Override
    public int[] outputShape(int[] s) {
        if (s.length != 4 || s[1] != in) {
            String hint = s.length == 3 ? " (no channel axis? for " + in + " channel" + (in == 1 ? "" : "s")
                    + " use x.reshape(N, " + in + ", H, W))" : "";
            throw new IllegalArgumentException(this + ": expected input [N, " + in + ", H, W], got " + Checks.str(s) + hint);
        }
        if (s[2] + 2 * padding < k || s[3] + 2 * padding < k) {
            throw new IllegalArgumentException(this + ": kernel " + k + "x" + k + " is larger than the padded input "
                    + (s[2] + 2 * padding) + "x" + (s[3] + 2 * padding) + " (H + 2·padding, W + 2·padding) of input "
                    + Checks.str(s));
        }
        return new int[] {s[0], out, ConvOps.outSize(s[2], k, stride, padding), ConvOps.outSize(s[3], k, stride, padding)};
    }

    @Override
    public String toString() {
        return "Conv2d(in=" + in + ", out=" + out + ", kernel=" + k + ", stride=" + stride + ", padding=" + padding + ")";
    }
}
