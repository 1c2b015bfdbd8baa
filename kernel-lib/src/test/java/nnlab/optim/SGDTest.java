package nnlab.optim;

import static nnlab.optim.OptimizerTest.param;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import nnlab.nn.Param;
import nnlab.tensor.Tensor;
import org.junit.jupiter.api.Test;

class SGDTest {
    // Every case: w = [1, -2], constant gradient g = [0.5, 1], lr = 0.1.
    private final Param p = param(new double[] {1, -2}, new double[] {0.5, 1});

    private void assertValue(double... expected) {
        assertTrue(p.value().allClose(Tensor.of(expected), 1e-12), "got " + p.value());
    }

    @Test
    void plainStepIsLrTimesGradient() {
        new SGD(List.of(p), 0.1).step();
        // w - 0.1 g = [1 - 0.05, -2 - 0.1]
        assertValue(0.95, -2.1);
    }

    @Test
    void momentumAccumulatesVelocity() {
        SGD opt = SGD.momentum(List.of(p), 0.1, 0.9);
        opt.step();
        // b = g = [0.5, 1]; w = [0.95, -2.1]
        assertValue(0.95, -2.1);
        opt.step();
        // b = 0.9 [0.5, 1] + [0.5, 1] = [0.95, 1.9]; w = [0.95 - 0.095, -2.1 - 0.19]
        assertValue(0.855, -2.29);
    }

    @Test
    void nesterovLooksAhead() {
        SGD opt = SGD.nesterov(List.of(p), 0.1, 0.9);
        opt.step();
        // b = [0.5, 1]; step g + 0.9 b = [0.95, 1.9]; w = [1 - 0.095, -2 - 0.19]
        assertValue(0.905, -2.19);
        opt.step();
        // b = [0.95, 1.9]; step [0.5, 1] + 0.9 [0.95, 1.9] = [1.355, 2.71]; w = [0.905 - 0.1355, -2.19 - 0.271]
        assertValue(0.7695, -2.461);
    }

    @Test
    void weightDecayAddsL2GradientWithoutTouchingTheStoredGradient() {
        new SGD(List.of(p), 0.1, 0, false, 0.1).step();
        // g + 0.1 w = [0.5 + 0.1, 1 - 0.2] = [0.6, 0.8]; w = [1 - 0.06, -2 - 0.08]
        assertValue(0.94, -2.08);
        assertEquals(Tensor.of(0.5, 1), p.grad());
    }

    @Test
    void invalidArgumentsNameTheArgumentAndValue() {
        List<Param> ps = List.of(p);
        assertMessage("SGD: lr must be > 0, got -0.1", () -> new SGD(ps, -0.1));
        assertMessage("SGD: lr must be > 0, got NaN", () -> new SGD(ps, Double.NaN));
        assertMessage("SGD: momentum must be in [0, 1), got 1.0", () -> SGD.momentum(ps, 0.1, 1.0));
        assertMessage("SGD: momentum must be in [0, 1), got -0.5", () -> SGD.momentum(ps, 0.1, -0.5));
        assertMessage("SGD: nesterov needs momentum > 0, got momentum 0.0", () -> new SGD(ps, 0.1, 0, true, 0));
        assertMessage("SGD: weightDecay must be >= 0, got -0.01", () -> new SGD(ps, 0.1, 0, false, -0.01));
    }

    static void assertMessage(String expected, Runnable r) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        assertEquals(expected, e.getMessage());
    }
}
