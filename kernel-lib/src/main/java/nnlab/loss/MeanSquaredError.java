package nnlab.loss;

import java.util.Arrays;
import nnlab.tensor.Tensor;

/**
 * Mean squared error: the average squared difference between predictions and targets.
 *
 * <p>Formula: {@code L = (1/M) Σ (yHat - y)²} where M is the number of elements (N samples times
 * K outputs), PyTorch's {@code reduction='mean'}; {@code dL/dyHat = 2 (yHat - y) / M}.
 *
 * <p>Shapes: y and yHat have the same shape; a [N] target also matches a [N, 1] prediction (and
 * the other way round). The gradient has yHat's shape.
 *
 * <p>Parameters: none.
 *
 * <pre>{@code
 * Loss mse = new MeanSquaredError();
 * double l = mse.value(Tensor.of(1, 2), Tensor.of(1.5, 1));   // (0.25 + 1) / 2 = 0.625
 * Tensor g = mse.grad(Tensor.of(1, 2), Tensor.of(1.5, 1));    // [0.5, -1]
 * }</pre>
 */
public final class MeanSquaredError implements Loss {

    private static void check(Tensor y, Tensor yHat) {
        if (y != null && yHat != null && Arrays.equals(y.shape(), yHat.shape())) {
            return;
        }
        if (y != null && yHat != null && Checks.isColumn(y) && Checks.isColumn(yHat) && y.shape(0) == yHat.shape(0)) {
            return;
        }
        throw new IllegalArgumentException("MeanSquaredError: y has shape " + Checks.str(y) + " but yHat has shape "
                + Checks.str(yHat) + "; expected equal shapes");
    }

    @Override
    public double value(Tensor y, Tensor yHat) {
        check(y, yHat);
        double[] t = y.array();
        double[] q = yHat.array();
        double s = 0;
        for (int i = 0; i < t.length; i++) {
            s += (q[i] - t[i]) * (q[i] - t[i]);
        }
        return s / t.length;
    }

    @Override
    public Tensor grad(Tensor y, Tensor yHat) {
        check(y, yHat);
        double[] t = y.array();
        Tensor g = yHat.copy();
        double[] d = g.array();
        for (int i = 0; i < d.length; i++) {
            d[i] = 2 * (d[i] - t[i]) / d.length; // d(yHat - y)²/dyHat = 2 (yHat - y)
        }
        return g;
    }

    @Override
    public String toString() {
        return "MeanSquaredError()";
    }
}
