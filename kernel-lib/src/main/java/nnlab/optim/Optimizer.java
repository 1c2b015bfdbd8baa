package nnlab.optim;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import nnlab.nn.Param;
import nnlab.tensor.Tensor;

/**
 * Updates a fixed list of parameters in place from their gradients, one {@link #step()} at a time.
 *
 * <p>Subclasses implement the update rule; the gradient of each {@link Param} is read, never changed,
 * except by {@link #zeroGrad()}. Gradients accumulate (see {@link Param}), so a loop zeroes them before
 * each backward, as in PyTorch. State such as momentum buffers is kept per parameter, in list order.
 * {@link #minimize} runs the same steps on a function of a few variables (one Param) from its gradient.
 *
 * <pre>{@code
 * Optimizer opt = new SGD(net.params(), 0.01);
 * Net.Trace trace = net.forward(xb);
 * opt.zeroGrad();                             // gradients add up: start each step from zero
 * net.backward(trace, loss.grad(yb, trace.output()));
 * opt.step();                                 // p -= 0.01 * dp for every parameter
 * }</pre>
 */
public abstract class Optimizer {
    private final String name;
    private final List<Param> params;
    private double lr;

    /** An optimizer called {@code name} (used in error messages) over {@code params}. */
    protected Optimizer(String name, List<Param> params, double lr) {
        this.name = name;
        if (params == null || params.isEmpty()) {
            throw new IllegalArgumentException(name + ": params must not be " + (params == null ? "null" : "empty")
                    + "; expected the parameters to train, e.g. net.params()");
        }
        for (int i = 0; i < params.size(); i++) {
            if (params.get(i) == null) {
                throw new IllegalArgumentException(name + ": params[" + i + "] is null");
            }
        }
        this.params = List.copyOf(params);
        setLearningRate(lr);
    }

    /** Updates every parameter's value in place from its current gradient. */
    public abstract void step();

    /** Sets every parameter's gradient to zero, in place. */
    public void zeroGrad() {
        for (Param p : params) {
            p.zeroGrad();
        }
    }

    /**
     * Minimises a function of one parameter, a point such as (x, y), from its gradient, and returns the path taken.
     *
     * <pre>
     * path[0] = p                                  (the Param's value before the first step)
     * for k = 1 .. steps:
     *     zeroGrad();  p.accumulateGrad(gradient(p));  step()
     *     path[k] = p
     * </pre>
     *
     * <p>Shapes: the one Param's value [n]; {@code gradient} maps a copy of the position [n] to dL/dp [n];
     * returns [steps + 1, n] (a value of another shape is one row of its values in row-major order). The
     * Param ends at the last point; a NaN or infinite gradient or position stops with an error naming the step.
     *
     * <pre>{@code
     * Param xy = new Param("xy", Tensor.of(-1.5, 2.0));
     * Tensor path = new Adam(List.of(xy), 0.05).minimize(p -> Tensor.of(2 * p.get(0), 20 * p.get(1)), 200);
     * Tensor end = path.row(200);                   // close to the minimum (0, 0) of x^2 + 10 y^2
     * }</pre>
     */
    public Tensor minimize(Function<Tensor, Tensor> gradient, int steps) {
        return Descent.path(this, gradient, steps);
    }

    /** The name in error messages, e.g. "Adam". */
    String name() {
        return name;
    }

    /** The current learning rate. */
    public double learningRate() {
        return lr;
    }

    /** Changes the learning rate for the next steps (a {@link Schedule} does this each epoch). */
    public void setLearningRate(double lr) {
        this.lr = positive("lr", lr);
    }

    /** The parameters this optimizer updates, in order. */
    public List<Param> params() {
        return params;
    }

    /** One zero tensor per parameter, shaped like its value (for momentum and moment buffers). */
    protected final List<Tensor> zeroBuffers() {
        List<Tensor> buffers = new ArrayList<>(params.size());
        for (Param p : params) {
            buffers.add(Tensor.zerosLike(p.value()));
        }
        return buffers;
    }

    /** Checks {@code value > 0} (and not NaN); the message names the argument and its value. */
    protected final double positive(String arg, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + ": " + arg + " must be > 0, got " + value);
        }
        return value;
    }

    /** Checks {@code value >= 0} (and finite). */
    protected final double nonNegative(String arg, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + ": " + arg + " must be >= 0, got " + value);
        }
        return value;
    }

    /** Checks {@code 0 <= value < 1}. */
    protected final double unitInterval(String arg, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException(name + ": " + arg + " must be in [0, 1), got " + value);
        }
        return value;
    }

    @Override
    public String toString() {
        return name + "(lr=" + lr + ", params=" + params.size() + ")";
    }
}
