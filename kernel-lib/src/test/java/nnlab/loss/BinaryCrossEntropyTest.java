package nnlab.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import nnlab.grad.GradCheck;
import nnlab.tensor.Tensor;
import org.junit.jupiter.api.Test;

class BinaryCrossEntropyTest {
    private final Loss bce = new BinaryCrossEntropy();

    @Test
    void valueAndGradByHand() {
        Tensor y = Tensor.of(1, 0);
        Tensor yHat = Tensor.of(0.9, 0.2);
        assertEquals((-Math.log(0.9) - Math.log(0.8)) / 2, bce.value(y, yHat), 1e-15);
        // (p - y) / (p (1 - p) N): -0.1 / (0.09·2), 0.2 / (0.16·2)
        assertTrue(bce.grad(y, yHat).allClose(Tensor.of(-0.1 / 0.18, 0.2 / 0.32), 1e-13));
    }

    @Test
    void finiteAtZeroAndOne() {
        Tensor y = Tensor.of(1, 0, 0, 1);
        Tensor yHat = Tensor.of(0, 1, 0, 1);
        double v = bce.value(y, yHat);
        assertTrue(Double.isFinite(v));
        double eps = BinaryCrossEntropy.EPS; // two wrong answers clamped to eps, two right ones to 1 - eps
        assertEquals((-2 * Math.log(eps) - 2 * Math.log(1 - eps)) / 4, v, 1e-9); // 1 - (1 - eps) rounds
        Tensor g = bce.grad(y, yHat);
        assertTrue(g.isFinite(), g.toString());
        assertTrue(g.get(0) < 0 && g.get(1) > 0, "the gradient still points away from the wrong answer");
    }

    @Test
    void gradientMatchesCentralDifferences() {
        Tensor y = Tensor.of(1, 0, 1, 0);
        GradCheck.Report r = GradCheck.loss(bce, y, Tensor.of(0.3, 0.6, 0.95, 0.05));
        assertTrue(r.maxRelativeError() < 1e-6, r.toString());
    }

    @Test
    void acceptsNAndNByOneInAnyCombination() {
        Tensor y = Tensor.of(1, 0);
        Tensor yHat = Tensor.of(0.7, 0.4);
        double v = bce.value(y, yHat);
        assertEquals(v, bce.value(y.reshape(2, 1), yHat));
        assertEquals(v, bce.value(y, yHat.reshape(2, 1)));
        assertArrayEquals(new int[] {2, 1}, bce.grad(y, yHat.reshape(2, 1)).shape());
    }

    @Test
    void mismatchedShapesAreNamed() {
        var e = assertThrows(IllegalArgumentException.class, () -> bce.value(Tensor.zeros(5), Tensor.zeros(4, 1)));
        assertEquals("BinaryCrossEntropy: y has shape [5] but yHat has shape [4, 1]; expected both [N] or [N, 1] "
                + "with the same N", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> bce.grad(Tensor.zeros(4), Tensor.zeros(4, 2)));
        assertEquals("BinaryCrossEntropy: y has shape [4] but yHat has shape [4, 2]; expected both [N] or [N, 1] "
                + "with the same N", e.getMessage());
    }
}
