package nnlab.nn;

import java.util.Objects;
import nnlab.tensor.Tensor;

/**
 * A trainable parameter: its value and the gradient of the loss with respect to it.
 *
 * <p>Both tensors have the same shape and are updated in place. The library's one rule for gradients:
 * <b>they accumulate</b>, as in micrograd and PyTorch. Every backward pass <em>adds</em> its contribution
 * to {@link #grad()} ({@link #accumulateGrad}), so a parameter used twice, or a batch split in two, gets
 * the sum; {@link #zeroGrad()} starts over. Who zeroes:
 * <ul>
 *   <li>a training loop (the {@code Trainer}, or yours) calls {@code optimizer.zeroGrad()} before each
 *       backward; an {@code Optimizer}'s {@code step()} reads the gradients and leaves them, as PyTorch's does;</li>
 *   <li>{@code layer.step(lr)} and {@code net.step(lr)}, the plain gradient descent of hand-written loops,
 *       update the values and then zero the gradients they used, so {@code backward; step} repeated needs
 *       no zeroing;</li>
 *   <li>to read one backward's gradient on its own (a gradient check), call {@code zeroGrad()} before it.</li>
 * </ul>
 * The tensor autograd's {@code Var.param} wraps a Param and accumulates into this same grad tensor, so the
 * optimizers train both kinds of model unchanged.
 *
 * <pre>{@code
 * Param w = new Param("w", Tensor.of(1, 2));
 * w.accumulateGrad(Tensor.of(0.5, 0.5));  w.accumulateGrad(Tensor.of(1, 1));   // grad [1.5, 1.5]
 * w.value().addScaledInPlace(-0.1, w.grad());  w.zeroGrad();                   // value [0.85, 1.85]
 * }</pre>
 */
public final class Param {
    private final String name;
    private final Tensor value;
    private final Tensor grad;

    /** A parameter named {@code name} (e.g. "W", "b") holding {@code value}; its gradient starts at 0. */
    public Param(String name, Tensor value) {
        this.name = Objects.requireNonNull(name, "name");
        this.value = Objects.requireNonNull(value, "value");
        this.grad = Tensor.zerosLike(value);
    }

    public String name() {
        return name;
    }

    /** The value, updated in place by optimizers. */
    public Tensor value() {
        return value;
    }

    /** The gradient dL/dvalue accumulated since the last {@link #zeroGrad()}; layers add to it in place. */
    public Tensor grad() {
        return grad;
    }

    /** {@code grad += g}, in place; {@code g} must have the value's shape. */
    public void accumulateGrad(Tensor g) {
        if (g == null || !java.util.Arrays.equals(g.shape(), grad.shape())) {
            throw new IllegalArgumentException("Param " + this + ": cannot accumulate a gradient of shape "
                    + (g == null ? "null" : java.util.Arrays.toString(g.shape())) + "; expected the value's shape "
                    + java.util.Arrays.toString(grad.shape()));
        }
        grad.addInPlace(g);
    }

    /** Sets the gradient to zero, in place (before a backward whose gradient should stand on its own). */
    public void zeroGrad() {
        grad.fillInPlace(0);
    }

    /** Number of scalar values. */
    public int size() {
        return value.size();
    }

    @Override
    public String toString() {
        return name + java.util.Arrays.toString(value.shape());
    }
}
