package nnlab.nn;

import java.util.Arrays;
import nnlab.Rng;
import nnlab.tensor.Tensor;

/**
 * Inverted dropout: in training, zeroes each value with probability p and scales the rest by 1/(1-p).
 *
 * <p>Formula: training {@code y = x * m / (1 - p)} with {@code m ~ Bernoulli(1 - p)} drawn per
 * value; evaluation {@code y = x}. The scaling keeps the expected value of y equal to x, so nothing
 * changes at evaluation time.
 *
 * <p>Shapes: any; y has the shape of x.
 *
 * <p>Parameters: none; p in [0, 1) is the drop probability, {@code rng} draws the masks (seeded,
 * so runs repeat). Starts in training mode; {@code train(false)} or {@code Net.predict} turns it
 * off. {@code forward} remembers its mask and {@code backward(x, dy)} uses it, so a backward must
 * follow the forward of the same batch. {@link #freezeMask(boolean)} keeps reusing that mask (for
 * gradient checks, which call forward many times).
 *
 * <pre>{@code
 * Layer drop = new Dropout(0.5, new Rng(1));
 * Tensor y = drop.forward(Tensor.ones(2, 4));                     // about half zeroed, the rest 2.0
 * Tensor dx = drop.backward(Tensor.ones(2, 4), Tensor.ones(2, 4)); // equals y: the same mask
 * }</pre>
 */
public final class Dropout implements Layer {
    private final double p;
    private final Rng rng;
    private boolean training = true;
    private boolean frozen;
    private Tensor scaledMask;

    /** Drops each value with probability {@code p} in [0, 1), drawing masks from {@code rng}. */
    public Dropout(double p, Rng rng) {
        if (!(p >= 0 && p < 1)) {
            throw new IllegalArgumentException("Dropout: p must be in [0, 1), got p=" + p);
        }
        if (rng == null) {
            throw new IllegalArgumentException("Dropout(p=" + p + "): rng is null; pass e.g. new Rng(1)");
        }
        this.p = p;
        this.rng = rng;
    }

    @Override
    public Tensor forward(Tensor x) {
        Checks.notNull(this, x);
        if (!training) {
            return x.copy();
        }
        if (!frozen || scaledMask == null || !Arrays.equals(scaledMask.shape(), x.shape())) {
            scaledMask = rng.bernoulli(1 - p, x.shape()).mul(1 / (1 - p));
        }
        return x.mul(scaledMask);
    }

    @Override
    public Tensor backward(Tensor x, Tensor dy) {
        Checks.notNull(this, x);
        Checks.dy(this, dy, x.shape());
        if (!training) {
            return dy.copy(); // dy/dx = 1 in evaluation
        }
        if (scaledMask == null || !Arrays.equals(scaledMask.shape(), x.shape())) {
            throw new IllegalStateException(this + ": backward must follow a forward on the same batch; the last mask has shape "
                    + (scaledMask == null ? "none (no forward yet)" : Checks.str(scaledMask.shape())) + ", x has " + Checks.str(x.shape()));
        }
        return dy.mul(scaledMask); // dy/dx = m / (1 - p)
    }

    @Override
    public void train(boolean training) {
        this.training = training;
    }

    /** True in training mode (masks applied). */
    public boolean isTraining() {
        return training;
    }

    /** While frozen, forward reuses the last mask (drawing one if the shape changed). Returns this. */
    public Dropout freezeMask(boolean freeze) {
        this.frozen = freeze;
        return this;
    }

    /** The last mask already scaled by 1/(1-p) (values 0 or 1/(1-p)), or null before any training forward. */
    public Tensor mask() {
        return scaledMask == null ? null : scaledMask.copy();
    }

    @Override
    public String toString() {
        return "Dropout(p=" + p + ")";
    }
}
