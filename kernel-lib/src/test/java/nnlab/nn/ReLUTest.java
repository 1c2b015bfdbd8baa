package nnlab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import nnlab.Rng;
import nnlab.grad.GradCheck;
import nnlab.tensor.Tensor;
import org.junit.jupiter.api.Test;

class ReLUTest {
    @Test
    void forwardByHand() {
        assertEquals(Tensor.of(0, 0, 3, 0.5), new ReLU().forward(Tensor.of(-2, 0, 3, 0.5)));
        assertTrue(Double.isNaN(new ReLU().forward(Tensor.of(Double.NaN)).item()), "NaN is not hidden");
    }

    @Test
    void backwardIsZeroBelowZeroAndOneFromZeroOn() {
        Tensor dx = new ReLU().backward(Tensor.of(-2, -1e-300, 0, 3), Tensor.of(5, 6, 7, 8));
        assertEquals(Tensor.of(0, 0, 7, 8), dx);
    }

    @Test
    void gradientMatchesCentralDifferences() {
        // values at least 0.01 away from the kink, where central differences are exact enough
        Tensor x = new Rng(3).normal(0, 1, 4, 4).map(v -> v < 0 ? v - 0.01 : v + 0.01);
        GradCheck.Report r = GradCheck.layer(new ReLU(), x);
        assertTrue(r.maxRelativeError() < 1e-6, r.toString());
    }

    @Test
    void wrongDyShapeNamesTheLayer() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new ReLU().backward(Tensor.zeros(2, 2), Tensor.zeros(2)));
        assertEquals("ReLU(): expected dy [2, 2], got [2]", e.getMessage());
        assertEquals("ReLU()", new ReLU().toString());
    }
}
