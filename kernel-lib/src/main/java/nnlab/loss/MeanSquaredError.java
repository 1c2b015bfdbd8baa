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
        return yHat.reshape(-1).zip("MeanSquaredError", y.reshape(-1), (q, t) -> (q - t) * (q - t)).sum() / y.size();
    }

    @Override
    public Tensor grad(Tensor y, Tensor yHat) {
        check(y, yHat);
        int m = yHat.size();
        return yHat.reshape(-1).zip("MeanSquaredError", y.reshape(-1), (q, t) -> 2 * (q - t) / m) // d(yHat - y)²/dyHat = 2 (yHat - y)
                .reshape(yHat.shape());
    }

    /** One-hot rows: for C outputs, each output is pulled towards 1 for the true class and 0 for the others. */
    @Override
    public Target target() {
        return Target.ONE_HOT;
    }

    @Override
    public String toString() {
        return "MeanSquaredError()";
    }
}
