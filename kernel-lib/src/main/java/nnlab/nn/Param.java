package nnlab.nn;

import java.util.Objects;
import nnlab.tensor.Tensor;

/**
 * A trainable parameter: its value and the gradient of the loss with respect to it.
 *
 * <p>Both tensors have the same shape and are updated in place: a layer's {@code backward} writes
 * {@link #grad()}, an optimizer's {@code step} writes {@link #value()}.
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

    /** The latest gradient dL/dvalue, written in place by the layer's backward. */
    public Tensor grad() {
        return grad;
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
