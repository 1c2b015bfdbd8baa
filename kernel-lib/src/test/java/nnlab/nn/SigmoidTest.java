package nnlab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import nnlab.Rng;
import nnlab.grad.GradCheck;
import nnlab.tensor.Tensor;
import org.junit.jupiter.api.Test;

class SigmoidTest {
    @Test
    void forwardByHand() {
        Tensor y = new Sigmoid().forward(Tensor.of(0, Math.log(3), -Math.log(3)));
        assertTrue(y.allClose(Tensor.of(0.5, 0.75, 0.25), 1e-15), y.toString());
    }

    @Test
    void stableForLargeMagnitudes() {
        Tensor y = new Sigmoid().forward(Tensor.of(-1000, -40, 40, 1000));
        assertTrue(y.isFinite());
        assertEquals(0.0, y.get(0));
        assertEquals(Math.exp(-40), y.get(1), 1e-30);
        assertEquals(1.0, y.get(3));
        Tensor dx = new Sigmoid().backward(Tensor.of(-1000, 1000), Tensor.of(1, 1));
        assertEquals(Tensor.of(0, 0), dx);
    }

    @Test
    void backwardByHand() {
        Tensor dx = new Sigmoid().backward(Tensor.of(0, Math.log(3)), Tensor.of(2, 1));
        assertTrue(dx.allClose(Tensor.of(0.5, 0.1875), 1e-15), dx.toString()); // 2·¼ and ¾·¼
    }

    @Test
    void gradientMatchesCentralDifferences() {
        GradCheck.Report r = GradCheck.layer(new Sigmoid(), new Rng(1).normal(0, 2, 4, 3));
        assertTrue(r.maxRelativeError() < 1e-6, r.toString());
    }

    @Test
    void wrongDyShapeNamesTheLayer() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new Sigmoid().backward(Tensor.zeros(2, 3), Tensor.zeros(3, 2)));
        assertEquals("Sigmoid(): expected dy [2, 3], got [3, 2]", e.getMessage());
    }

    @Test
    void describesItself() {
        assertEquals("Sigmoid()", new Sigmoid().toString());
    }
}
