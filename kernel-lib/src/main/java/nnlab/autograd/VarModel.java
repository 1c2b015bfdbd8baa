package nnlab.autograd;

import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import nnlab.nn.Param;
import nnlab.tensor.Tensor;
import nnlab.train.Model;

/**
 * A model written as a function of {@link Var}s, so {@code Trainer.fit} can train it: forward runs the function on
 * the batch, backward runs autograd from its output.
 *
 * <p>Formula: {@code out = f(Var.of(x))}; {@code backward(dOut)} is {@code out.backward(dOut)}, which adds
 * dL/dparam to every parameter's gradient (the trainer zeroes them before each batch).
 *
 * <p>Shapes: whatever {@code f} takes and returns, e.g. x [N, in] to scores [N, C]. Parameters: the given
 * {@link Var#param} Vars, in order. In evaluation mode ({@code train(false)}, as the trainer scores the test
 * set) the function runs inside {@link Autograd#noGrad()}, so no graph is kept.
 *
 * <pre>{@code
 * Var W1 = Var.param(rng.normal(0, 0.5, 2, 16)), b1 = Var.param(Tensor.zeros(16)), W2 = ..., b2 = ...;
 * Model m = new VarModel(x -> x.matmul(W1).add(b1).tanh().matmul(W2).add(b2), W1, b1, W2, b2);
 * History h = Trainer.fit(m, new CrossEntropy(), new SGD(m.params(), 0.5), train, test, 50, 32);
 * }</pre>
 */
public final class VarModel implements Model {
    private final UnaryOperator<Var> f;
    private final List<Param> params;
    private boolean training = true;
    private Var output;

    /** A model computing {@code f(x)} with the parameters {@code params} (each made with {@link Var#param}). */
    public VarModel(UnaryOperator<Var> f, Var... params) {
        if (f == null) {
            throw new IllegalArgumentException("VarModel: the function is null; pass e.g. x -> x.matmul(W).add(b)");
        }
        this.f = f;
        this.params = Var.params(params);
    }

    @Override
    public Tensor forward(Tensor x) {
        output = null;
        if (training) {
            output = result(f.apply(Var.of(x)));
            return output.value();
        }
        try (var off = Autograd.noGrad()) {
            return result(f.apply(Var.of(x))).value();
        }
    }

    @Override
    public void backward(Tensor dOutput) {
        if (output == null) {
            throw new IllegalStateException("VarModel.backward: no forward pass in training mode to back-propagate; "
                    + "call forward(x) with train(true) first");
        }
        output.backward(dOutput);
    }

    @Override
    public List<Param> params() {
        return params;
    }

    @Override
    public void train(boolean training) {
        this.training = training;
    }

    private static Var result(Var out) {
        if (out == null) {
            throw new IllegalStateException("VarModel: the function returned null; it must return the output Var");
        }
        return out;
    }

    @Override
    public String toString() {
        return "VarModel(params=" + params.stream().map(p -> p.name() + Arrays.toString(p.value().shape())).toList() + ")";
    }
}
