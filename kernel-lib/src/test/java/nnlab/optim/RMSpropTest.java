package nnlab.optim;

import static nnlab.optim.OptimizerTest.param;
import static nnlab.optim.SGDTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import nnlab.nn.Param;
import nnlab.tensor.Tensor;
import org.junit.jupiter.api.Test;

class RMSpropTest {

    @Test
    void twoStepsByHand() {
        Param p = param(new double[] {1, -2}, new double[] {0.5, 1});
        RMSprop opt = new RMSprop(List.of(p), 0.01);             // rho 0.9, eps 1e-8
        opt.step();
        // v = 0.1 g^2 = [0.025, 0.1]; g / sqrt(v) = [0.5/0.1581139, 1/0.3162278] = [3.1622777, 3.1622777]
        // w = [1 - 0.031622777, -2 - 0.031622777]
        assertTrue(p.value().allClose(Tensor.of(0.968377223, -2.031622777), 1e-7), "got " + p.value());
        opt.step();
        // v = 0.9 [0.025, 0.1] + 0.1 [0.25, 1] = [0.0475, 0.19]; g / sqrt(v) = [2.2941573, 2.2941573]
        // w = [0.968377223 - 0.022941573, -2.031622777 - 0.022941573]
        assertTrue(p.value().allClose(Tensor.of(0.945435650, -2.054564350), 1e-7), "got " + p.value());
    }

    @Test
    void weightDecayChangesTheStepDirection() {
        Param p = param(new double[] {1, -2}, new double[] {0.05, 0.1});
        new RMSprop(List.of(p), 0.01, 0.9, 1e-8, 0.1).step();
        // g + 0.1 w = [0.15, -0.1]; v = 0.1 g'^2; g'/sqrt(v) = sign(g') sqrt(10) = [3.1622777, -3.1622777]
        assertTrue(p.value().allClose(Tensor.of(0.968377223, -1.968377223), 1e-7), "got " + p.value());
    }

    @Test
    void invalidArguments() {
        List<Param> ps = List.of(param(new double[] {1}, new double[] {1}));
        assertMessage("RMSprop: lr must be > 0, got -1.0", () -> new RMSprop(ps, -1));
        assertMessage("RMSprop: rho must be in [0, 1), got 1.0", () -> new RMSprop(ps, 0.01, 1.0, 1e-8, 0));
        assertMessage("RMSprop: eps must be > 0, got 0.0", () -> new RMSprop(ps, 0.01, 0.9, 0, 0));
        assertMessage("RMSprop: eps must be > 0, got NaN", () -> new RMSprop(ps, 0.01, 0.9, Double.NaN, 0));
        assertMessage("RMSprop: weightDecay must be >= 0, got -1.0", () -> new RMSprop(ps, 0.01, 0.9, 1e-8, -1));
    }
}
