package nnlab.optim;

import static nnlab.optim.OptimizerTest.param;
import static nnlab.optim.SGDTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import nnlab.nn.Param;
import nnlab.tensor.Tensor;
import org.junit.jupiter.api.Test;

class AdamTest {

    @Test
    void biasCorrectionMakesTheFirstStepLrTimesSignAndTheSecondByHand() {
        Param p = param(new double[] {1, -2}, new double[] {0.5, 1});
        Adam opt = new Adam(List.of(p), 0.1);                    // beta1 0.9, beta2 0.999, eps 1e-8
        opt.step();
        // m = 0.1 g, v = 0.001 g^2; mHat = g, vHat = g^2; step = 0.1 g / |g| = [0.1, 0.1]
        assertTrue(p.value().allClose(Tensor.of(0.9, -2.1), 1e-7), "got " + p.value());
        p.grad().copyFromInPlace(Tensor.of(-0.5, 2));
        opt.step();
        // m = 0.9 [0.05, 0.1] + 0.1 [-0.5, 2] = [-0.005, 0.29]; 1 - 0.9^2 = 0.19 -> mHat = [-0.0263158, 1.5263158]
        // v = 0.999 [0.00025, 0.001] + 0.001 [0.25, 4] = [0.00049975, 0.004999]; 1 - 0.999^2 = 0.001999
        //   -> vHat = [0.25, 2.5007504], sqrt = [0.5, 1.5813761]
        // w = [0.9 + 0.1 * 0.0263158 / 0.5, -2.1 - 0.1 * 1.5263158 / 1.5813761] = [0.9052632, -2.1965182]
        assertTrue(p.value().allClose(Tensor.of(0.9052632, -2.1965182), 1e-7), "got " + p.value());
        assertEquals(2, opt.steps());
    }

    @Test
    void weightDecayIsAddedToTheGradient() {
        Param p = param(new double[] {1, -2}, new double[] {0.05, 0.1});
        new Adam(List.of(p), 0.1, 0.9, 0.999, 1e-8, 0.1).step();
        // g + 0.1 w = [0.15, -0.1]: first step = 0.1 sign = [0.1, -0.1] (without decay it would be [0.1, 0.1])
        assertTrue(p.value().allClose(Tensor.of(0.9, -1.9), 1e-7), "got " + p.value());
    }

    @Test
    void invalidArguments() {
        List<Param> ps = List.of(param(new double[] {1}, new double[] {1}));
        assertMessage("Adam: lr must be > 0, got -0.1", () -> new Adam(ps, -0.1));
        assertMessage("Adam: beta1 must be in [0, 1), got 1.0", () -> new Adam(ps, 0.1, 1.0, 0.999, 1e-8));
        assertMessage("Adam: beta2 must be in [0, 1), got -0.1", () -> new Adam(ps, 0.1, 0.9, -0.1, 1e-8));
        assertMessage("Adam: beta2 must be in [0, 1), got NaN", () -> new Adam(ps, 0.1, 0.9, Double.NaN, 1e-8));
        assertMessage("Adam: eps must be > 0, got -1.0E-8", () -> new Adam(ps, 0.1, 0.9, 0.999, -1e-8));
        assertMessage("Adam: weightDecay must be >= 0, got -0.5", () -> new Adam(ps, 0.1, 0.9, 0.999, 1e-8, -0.5));
    }
}
