package nnlab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import nnlab.Rng;
import nnlab.grad.GradCheck;
import nnlab.tensor.Tensor;
import org.junit.jupiter.api.Test;

class TanhTest {
    @Test
    void forwardAndBackwardByHand() {
        Tensor x = Tensor.of(Math.log(2), 0, -Math.log(2));   // tanh(ln 2) = (2 - ½) / (2 + ½) = 0.6
        assertTrue(new Tanh().forward(x).allClose(Tensor.of(0.6, 0, -0.6), 1e-15));
        Tensor dx = new Tanh().backward(x, Tensor.of(1, 3, -1));
        assertTrue(dx.allClose(Tensor.of(0.64, 3, -0.64), 1e-15), dx.toString());
    }

    @Test
    void saturatesWithoutNaN() {
        Tensor x = Tensor.of(-1000, 1000);
        assertEquals(Tensor.of(-1, 1), new Tanh().forward(x));
        assertEquals(Tensor.of(0, 0), new Tanh().backward(x, Tensor.of(1, 1)));
    }

    @Test
    void gradientMatchesCentralDifferences() {
        GradCheck.Report r = GradCheck.layer(new Tanh(), new Rng(2).normal(0, 1, 3, 5));
        assertTrue(r.maxRelativeError() < 1e-6, r.toString());
    }

    @Test
    void wrongDyShapeNamesTheLayer() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new Tanh().backward(Tensor.zeros(4), Tensor.zeros(4, 1)));
        assertEquals("Tanh(): expected dy [4], got [4, 1]", e.getMessage());
        assertEquals("Tanh()", new Tanh().toString());
    }
}
