package nnlab.optim;

import static nnlab.optim.OptimizerTest.param;
import static nnlab.optim.SGDTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import nnlab.nn.Param;
import nnlab.tensor.Tensor;
import org.junit.jupiter.api.Test;

class AdamWTest {

    @Test
    void firstStepDecaysThenTakesAdamsStepByHand() {
        Param p = param(new double[] {1, -2}, new double[] {0.5, 1});
        AdamW opt = new AdamW(List.of(p), 0.1, 0.9, 0.999, 1e-8, 0.1);
        opt.step();
        // decay: w (1 - 0.1 * 0.1) = [0.99, -1.98]; Adam's first step is lr sign(g) = [0.1, 0.1]
        assertTrue(p.value().allClose(Tensor.of(0.89, -2.08), 1e-7), "got " + p.value());
        assertEquals(1, opt.steps());
        assertEquals(Tensor.of(0.5, 1), p.grad());
    }

    @Test
    void withoutDecayItIsAdamToTheBit() {
        Param a = param(new double[] {1, -2}, new double[] {0.5, 1});
        Param b = param(new double[] {1, -2}, new double[] {0.5, 1});
        Optimizer adamW = new AdamW(List.of(a), 0.1, 0.9, 0.999, 1e-8, 0);
        Optimizer adam = new Adam(List.of(b), 0.1);
        for (int k = 0; k < 5; k++) {
            adamW.step();
            adam.step();
            a.grad().mulInPlace(-0.7);
            b.grad().mulInPlace(-0.7);
        }
        assertEquals(b.value(), a.value());
    }

    @Test
    void decoupledDecayIsNotAdamsL2() {
        // A weight with no data gradient: Adam's L2 makes its gradient wd * w and then normalises it away,
        // so it moves lr * sign(w) = 0.1 whatever wd is; AdamW shrinks it by lr * wd * w = 0.001.
        Param coupled = param(new double[] {1}, new double[] {0});
        Param decoupled = param(new double[] {1}, new double[] {0});
        new Adam(List.of(coupled), 0.1, 0.9, 0.999, 1e-8, 0.01).step();
        new AdamW(List.of(decoupled), 0.1, 0.9, 0.999, 1e-8, 0.01).step();
        assertTrue(coupled.value().allClose(Tensor.of(0.9), 1e-6), "got " + coupled.value());
        assertEquals(Tensor.of(0.999), decoupled.value());
    }

    @Test
    void aChangedLearningRateIsUsedByBothParts() {
        Param p = param(new double[] {1, -2}, new double[] {0.5, 1});
        AdamW opt = new AdamW(List.of(p), 0.1);                          // weightDecay 0.01
        opt.setLearningRate(0.05);
        opt.step();
        // decay: w (1 - 0.05 * 0.01) = [0.9995, -1.999]; then 0.05 sign(g)
        assertTrue(p.value().allClose(Tensor.of(0.9495, -2.049), 1e-7), "got " + p.value());
        assertEquals("AdamW(lr=0.05, beta1=0.9, beta2=0.999, eps=1.0E-8, weightDecay=0.01)", opt.toString());
    }

    @Test
    void invalidArgumentsNameAdamW() {
        List<Param> ps = List.of(param(new double[] {1}, new double[] {1}));
        assertMessage("AdamW: lr must be > 0, got 0.0", () -> new AdamW(ps, 0));
        assertMessage("AdamW: beta1 must be in [0, 1), got 1.0", () -> new AdamW(ps, 0.1, 1.0, 0.999, 1e-8, 0.01));
        assertMessage("AdamW: beta2 must be in [0, 1), got -0.1", () -> new AdamW(ps, 0.1, 0.9, -0.1, 1e-8, 0.01));
        assertMessage("AdamW: eps must be > 0, got 0.0", () -> new AdamW(ps, 0.1, 0.9, 0.999, 0, 0.01));
        assertMessage("AdamW: weightDecay must be >= 0, got -0.01", () -> new AdamW(ps, 0.1, 0.9, 0.999, 1e-8, -0.01));
    }
}
