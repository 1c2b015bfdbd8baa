package nnlab.optim;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import nnlab.nn.Param;
import nnlab.tensor.Tensor;

/** {@link Optimizer#minimize}: an optimizer's steps on a function of one Param from its gradient, and the path taken. */
final class Descent {
    private Descent() {
    }

    /** The path [steps + 1, n] of {@code opt}'s one Param, row 0 the start; see {@link Optimizer#minimize}. */
    static Tensor path(Optimizer opt, Function<Tensor, Tensor> gradient, int steps) {
        Param p = checks(opt, gradient, steps);
        String name = opt.name();
        int n = p.size();
        double[] path = new double[(steps + 1) * n];
        System.arraycopy(p.value().array(), 0, path, 0, n);
        for (int k = 1; k <= steps; k++) {
            Tensor g = gradient.apply(p.value().copy());
            if (g == null || !Arrays.equals(g.shape(), p.value().shape())) {
                throw new IllegalArgumentException(name + ".minimize: the gradient must have the position's shape "
                        + Arrays.toString(p.value().shape()) + ", got " + (g == null ? "null" : Arrays.toString(g.shape()))
                        + " at step " + k);
            }
            opt.zeroGrad();
            p.accumulateGrad(g);
            if (g.isFinite()) {
                opt.step();
            }
            if (!g.isFinite() || !p.value().isFinite()) {
                throw diverged(opt, p, k, steps, g, Arrays.copyOfRange(path, (k - 1) * n, k * n));
            }
            System.arraycopy(p.value().array(), 0, path, k * n, n);
        }
        return Tensor.fromArray(path, steps + 1, n);
    }

    private static Param checks(Optimizer opt, Function<Tensor, Tensor> gradient, int steps) {
        String name = opt.name();
        List<Param> params = opt.params();
        if (params.size() != 1) {
            throw new IllegalArgumentException(name + ".minimize: needs exactly one Param (the position), got "
                    + params.size() + " " + params + "; create the optimizer over one, e.g. new " + name
                    + "(List.of(xy), lr)");
        }
        if (gradient == null) {
            throw new IllegalArgumentException(name + ".minimize: gradient must not be null; expected a function "
                    + "from the position to the gradient, e.g. p -> Tensor.of(2 * p.get(0), 2 * p.get(1))");
        }
        if (steps < 1) {
            throw new IllegalArgumentException(name + ".minimize: steps must be >= 1, got " + steps);
        }
        return params.get(0);
    }

    /** The error for a NaN or infinite gradient or position at step k; the Param goes back to {@code from}. */
    private static IllegalStateException diverged(Optimizer opt, Param p, int k, int steps, Tensor g, double[] from) {
        String name = opt.name();
        double lr = opt.learningRate();
        String at = String.format(Locale.ROOT, "%s.minimize: at step %d of %d, ", name, k, steps);
        String back = Arrays.toString(from);
        if (!g.isFinite()) {
            return new IllegalStateException(at + "the gradient is " + Arrays.toString(g.toArray()) + " at the position "
                    + back + "; " + p.name() + " is left there. Check the gradient function at that point");
        }
        String now = Arrays.toString(p.value().toArray());
        System.arraycopy(from, 0, p.value().array(), 0, from.length);
        return new IllegalStateException(at + "the position became " + now + " from " + back + " (learning rate "
                + lr + "): the steps have diverged; " + p.name() + " is left at " + back + ". Try a smaller learning rate, e.g. "
                + Double.parseDouble(String.format(Locale.ROOT, "%.3g", lr / 10)));
    }
}
