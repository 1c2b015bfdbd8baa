package nnlab.train;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import nnlab.nn.Param;
import nnlab.tensor.Tensor;

/**
 * What the {@link Trainer} trains: a forward pass for a batch, the backward pass from the loss gradient,
 * and the parameters an optimizer updates.
 *
 * <p>{@code forward(x)} returns the output for a batch and remembers what {@code backward} needs;
 * {@code backward(dOutput)} takes dL/d(output of that last forward) and <em>adds</em> every parameter's
 * gradient to its {@link Param#grad()} (gradients accumulate; the Trainer zeroes them before each
 * backward). A {@code Net} is a Model; so is a model written with the tensor autograd, and
 * {@link #of} makes one from two lambdas.
 *
 * <p>Shapes: x is a batch [N, ...]; dOutput has the shape of the last output.
 *
 * <pre>{@code
 * Model m = new Net(new Linear(2, 1, rng), new Sigmoid());
 * Tensor out = m.forward(xb);
 * m.backward(loss.grad(yb, out));        // params' grads += dL/dparams
 * }</pre>
 */
public interface Model {

    /** The output for a batch {@code x}; remembers what {@link #backward} needs. */
    Tensor forward(Tensor x);

    /** Back-propagates dL/d(last forward's output), adding to every parameter's gradient. */
    void backward(Tensor dOutput);

    /** The parameters an optimizer updates, with their gradients. */
    List<Param> params();

    /** Switches training behaviour (such as dropout) on or off; the default ignores it. */
    default void train(boolean training) {
    }

    /** The output in evaluation mode ({@code train(false)}), back in training mode after. */
    default Tensor predict(Tensor x) {
        train(false);
        try {
            return forward(x);
        } finally {
            train(true);
        }
    }

    /**
     * A model from a forward and a backward function: {@code forward} maps a batch to the output (and
     * keeps what backward needs), {@code backward} receives dL/doutput and adds the gradients of
     * {@code params}.
     *
     * <pre>{@code
     * Param w = new Param("w", Tensor.zeros(3, 1));
     * Tensor[] last = new Tensor[1];
     * Model linear = Model.of(x -> (last[0] = x).matmul(w.value()), dy -> w.accumulateGrad(last[0].transposeMatmul(dy)), List.of(w));
     * }</pre>
     */
    static Model of(Function<Tensor, Tensor> forward, Consumer<Tensor> backward, List<Param> params) {
        if (forward == null || backward == null || params == null) {
            throw new IllegalArgumentException("Model.of: forward, backward and params must not be null");
        }
        List<Param> ps = List.copyOf(params);
        return new Model() {
            @Override
            public Tensor forward(Tensor x) {
                return forward.apply(x);
            }

            @Override
            public void backward(Tensor dOutput) {
                backward.accept(dOutput);
            }

            @Override
            public List<Param> params() {
                return ps;
            }

            @Override
            public String toString() {
                return "Model.of(params=" + ps + ")";
            }
        };
    }
}
