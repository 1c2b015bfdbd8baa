package nnlab.nn;

import java.util.List;
import nnlab.tensor.Tensor;

/**
 * One step of a network: {@code y = forward(x)}, and the way back, {@code dx = backward(x, dy)}.
 *
 * <p>{@code backward} takes the layer's original input {@code x} and {@code dy = dL/dy}, returns
 * {@code dL/dx}, and <b>adds</b> the gradients of its own parameters to their {@link Param#grad()}: gradients
 * accumulate, as in PyTorch (see {@link Param} for the rule and who zeroes them). {@link #step(double)}
 * uses them up: it updates the parameters and zeroes their gradients, so a hand-written loop of
 * {@code backward; step} needs no zeroing. Inputs are batches: rows are samples. A {@link Net} is a
 * Layer too, so networks nest.
 *
 * <pre>{@code
 * Layer layer = new Linear(5, 7, new Rng(1));
 * Tensor y  = layer.forward(x);          // [N, 5] -> [N, 7]
 * Tensor dx = layer.backward(x, dy);     // [N, 7] -> [N, 5]; dW += xᵀ·dy, db += Σ dy
 * layer.step(0.01);                      // W -= 0.01 * dW; b -= 0.01 * db; then dW = db = 0
 * }</pre>
 */
public interface Layer {

    /** The layer's output for a batch {@code x}. */
    Tensor forward(Tensor x);

    /** dL/dx given the original input {@code x} and dL/dy; adds the parameters' gradients to their grad. */
    Tensor backward(Tensor x, Tensor dy);

    /**
     * {@link #backward(Tensor, Tensor)} when the output {@code y = forward(x)} is at hand too, as it is
     * in a {@link Net}'s trace. Activations whose derivative is simplest in terms of their output
     * (sigmoid: y(1 - y), tanh: 1 - y², softmax) override this and skip running forward again; the
     * default ignores y. {@code y} must be what {@code forward} returned for this very {@code x}.
     */
    default Tensor backward(Tensor x, Tensor y, Tensor dy) {
        return backward(x, dy);
    }

    /**
     * Adds the parameters' gradients as {@link #backward} does, when nobody needs dL/dx (the first
     * layer of a network, whose input is data). The default calls {@code backward} and drops dx.
     */
    default void backwardParams(Tensor x, Tensor dy) {
        backward(x, dy);
    }

    /** The trainable parameters with their accumulated gradients; empty for activations. */
    default List<Param> params() {
        return List.of();
    }

    /** Plain gradient descent on this layer's parameters, {@code p -= lr * dp}, then {@code dp = 0}. */
    default void step(double lr) {
        for (Param p : params()) {
            p.value().addScaledInPlace(-lr, p.grad());
            p.zeroGrad();
        }
    }

    /** Sets every parameter's gradient to zero (before a backward whose gradients should stand alone). */
    default void zeroGrad() {
        for (Param p : params()) {
            p.zeroGrad();
        }
    }

    /** Switches training behaviour on or off (only layers like Dropout care). */
    default void train(boolean training) {
    }

    /** Output shape for an input shape, for {@code Net.toString}; activations keep the shape. */
    default int[] outputShape(int[] inputShape) {
        return inputShape;
    }
}
