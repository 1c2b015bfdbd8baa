package nnlab.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import nnlab.Rng;
import nnlab.grad.GradCheck;
import nnlab.tensor.Tensor;
import org.junit.jupiter.api.Test;

class MeanSquaredErrorTest {
    private final Loss mse = new MeanSquaredError();

    @Test
    void valueAndGradByHand() {
        assertEquals(0.625, mse.value(Tensor.of(1, 2), Tensor.of(1.5, 1)), 1e-15);
        assertEquals(Tensor.of(0.5, -1), mse.grad(Tensor.of(1, 2), Tensor.of(1.5, 1)));
    }

    @Test
    void takesOneHotTargetsForSeveralOutputs() {
        assertEquals(Loss.Target.ONE_HOT, mse.target());
        assertEquals(Loss.Target.LABELS, new CrossEntropy().target());
        assertEquals(Loss.Target.LABELS, new BinaryCrossEntropy().target());
    }

    @Test
    void meanIsOverAllElements() {
        Tensor y = Tensor.zeros(2, 2);
        Tensor yHat = Tensor.of(new double[][] {{1, 2}, {3, 4}});
        assertEquals(30.0 / 4, mse.value(y, yHat), 1e-15);
        assertEquals(yHat.mul(0.5), mse.grad(y, yHat));
    }

    @Test
    void gradientMatchesCentralDifferences() {
        Rng rng = new Rng(1);
        GradCheck.Report r = GradCheck.loss(mse, rng.normal(0, 1, 3, 2), rng.normal(0, 1, 3, 2));
        assertTrue(r.maxRelativeError() < 1e-6, r.toString());
    }

    @Test
    void shapes() {
        assertEquals(0.5, mse.value(Tensor.of(1, 0), Tensor.of(new double[][] {{0}, {0}})), 1e-15);
        var e = assertThrows(IllegalArgumentException.class, () -> mse.value(Tensor.zeros(2, 3), Tensor.zeros(3, 2)));
        assertEquals("MeanSquaredError: y has shape [2, 3] but yHat has shape [3, 2]; expected equal shapes", e.getMessage());
    }
}
