package nnlab.nn;

import java.util.List;
import nnlab.Rng;
import nnlab.tensor.Tensor;

/**
 * A fully connected layer: every output is a weighted sum of all inputs plus a bias.
 *
 * <p>Formula: {@code y = x·W + b}.
 *
 * <p>Shapes: x [N, in], W [in, out], b [out], y [N, out].
 *
 * <p>Parameters: W starts Glorot/Xavier-uniform, {@code W ~ U(-a, a)} with
 * {@code a = sqrt(6 / (in + out))}; b starts at 0. {@link #params()} is W then b.
 *
 * <pre>{@code
 * Linear fc = new Linear(64, 32, new Rng(1));
 * Tensor y = fc.forward(Tensor.ones(10, 64));                        // [10, 64] -> [10, 32]
 * Tensor dx = fc.backward(Tensor.ones(10, 64), Tensor.ones(10, 32));  // adds to weight().grad(), bias().grad()
 * }</pre>
 */
public final class Linear implements Layer {
    private final int in;
    private final int out;
    private final Param weight;
    private final Param bias;

    /** A layer from {@code in} to {@code out} features, W Glorot-uniform from {@code rng}, b = 0. */
    public Linear(int in, int out, Rng rng) {
        this(glorot(in, out, rng), Tensor.zeros(Math.max(out, 0)));
    }

    /** A layer with the given W [in, out] and b [out] (copied). */
    public Linear(Tensor W, Tensor b) {
        if (W == null || b == null || W.rank() != 2) {
            throw new IllegalArgumentException("Linear: expected W [in, out] and b [out], got W "
                    + (W == null ? "null" : Checks.str(W.shape())) + " and b " + (b == null ? "null" : Checks.str(b.shape())));
        }
        this.in = W.shape(0);
        this.out = W.shape(1);
        this.weight = new Param("W", W.copy());
        this.bias = new Param("b", Tensor.zeros(out));
        setWeights(W, b);
    }

    private static Tensor glorot(int in, int out, Rng rng) {
        if (in <= 0 || out <= 0) {
            throw new IllegalArgumentException("Linear: in and out must be > 0, got in=" + in + ", out=" + out);
        }
        if (rng == null) {
            throw new IllegalArgumentException("Linear(in=" + in + ", out=" + out + "): rng is null; pass e.g. new Rng(1)");
        }
        double a = Math.sqrt(6.0 / (in + out));
        return rng.uniform(-a, a, in, out);
    }

    @Override
    public Tensor forward(Tensor x) {
        Checks.input2d(this, x, in);
        Tensor y = x.matmul(weight.value()).addInPlace(bias.value());   // y = x·W + b, b added to every row
        // A NaN or infinity in x always reaches y, and y is cheaper to scan (out columns, not in), so
        // x is searched only then, to name the bad position. A y that is not finite while x is comes
        // from diverged weights, which the Trainer's NaN guard reports with the epoch and step.
        if (!y.isFinite()) {
            x.requireFinite(this + ": input");
        }
        return y;
    }

    @Override
    public Tensor backward(Tensor x, Tensor dy) {
        backwardParams(x, dy);                                  // checks shapes; adds dW and db
        return dy.matmulTranspose(weight.value());              // dL/dx = dy·Wᵀ
    }

    @Override
    public void backwardParams(Tensor x, Tensor dy) {
        Checks.input2d(this, x, in);
        Checks.dy(this, dy, new int[] {x.shape(0), out});
        x.addTransposeMatmul(dy, weight.grad());               // dL/dW += xᵀ·dy
        bias.accumulateGrad(dy.sum(0));                        // dL/db += sum of dy over the batch
    }

    /** Replaces W [in, out] and b [out] by copies of the given tensors, in place. */
    public void setWeights(Tensor W, Tensor b) {
        Checks.weights(this, W, new int[] {in, out}, b, out);
        weight.value().copyFromInPlace(W);
        bias.value().copyFromInPlace(b);
    }

    /** W [in, out] with its gradient. */
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

    @Override
    public int[] outputShape(int[] inputShape) {
        int[] s = inputShape.clone();
        s[s.length - 1] = out;
        return s;
    }

    @Override
    public String toString() {
        return "Linear(in=" + in + ", out=" + out + ")";
    }
}
