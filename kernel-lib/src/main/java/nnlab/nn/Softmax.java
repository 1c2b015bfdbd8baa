package nnlab.nn;

import nnlab.tensor.Tensor;

/**
 * Turns each row of scores into probabilities that are positive and sum to 1.
 *
 * <p>Formula: {@code s_ij = e^(x_ij - m_i) / Σ_k e^(x_ik - m_i)} with {@code m_i = max_k x_ik}
 * (subtracting the row maximum changes nothing mathematically and keeps exp from overflowing).
 *
 * <p>Shapes: x [N, C], y [N, C]; each row is one sample.
 *
 * <p>Parameters: none. For training a classifier prefer {@code CrossEntropy} on the logits, which
 * fuses softmax and the log and is more accurate.
 *
 * <pre>{@code
 * Layer sm = new Softmax();
 * Tensor p = sm.forward(Tensor.of(new double[][] {{1, 2, 3}}));   // [[0.090031, 0.244728, 0.665241]]
 * Tensor dx = sm.backward(Tensor.of(new double[][] {{1, 2, 3}}), Tensor.of(new double[][] {{1, 0, 0}}));
 * }</pre>
 */
public final class Softmax implements Layer {

    /** Row-wise softmax of a 2-d tensor. */
    public static Tensor softmax(Tensor x) {
        Tensor e = x.sub(x.max(1, true)).exp();                // e^(x - m), m the row maximum
        return e.div(e.sum(1, true));
    }

    @Override
    public Tensor forward(Tensor x) {
        checkInput(x);
        return softmax(x);
    }

    @Override
    public Tensor backward(Tensor x, Tensor dy) {
        checkInput(x);
        return backward(x, softmax(x), dy);
    }

    /** The backward a {@link Net} calls, with s = softmax(x) kept from the forward pass. */
    @Override
    public Tensor backward(Tensor x, Tensor s, Tensor dy) {
        checkInput(x);
        Checks.outputAndDy(this, x, s, dy);
        Tensor dots = s.mul(dy).sum(1, true);
        return s.mul(dy.sub(dots)); // dx_j = s_j (dy_j - Σ_k dy_k s_k), the Jacobian-vector product
    }

    private void checkInput(Tensor x) {
        Checks.notNull(this, x);
        if (x.rank() != 2) {
            throw new IllegalArgumentException(this + ": expected input [N, C], got " + Checks.str(x.shape()));
        }
    }

    @Override
    public String toString() {
        return "Softmax()";
    }
}
