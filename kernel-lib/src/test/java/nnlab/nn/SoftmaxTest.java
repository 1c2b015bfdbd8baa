package nnlab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import nnlab.Rng;
import nnlab.grad.GradCheck;
import nnlab.tensor.Tensor;
import org.junit.jupiter.api.Test;

class SoftmaxTest {
    @Test
    void forwardByHand() {
        Tensor p = new Softmax().forward(Tensor.of(new double[][] {{0, Math.log(3)}, {5, 5}}));
        assertTrue(p.allClose(Tensor.of(new double[][] {{0.25, 0.75}, {0.5, 0.5}}), 1e-15), p.toString());
    }

    @Test
    void stableForHugeLogitsAndRowsSumToOne() {
        Tensor p = new Softmax().forward(Tensor.of(new double[][] {{1000, 1000, -1000}, {-800, -801, -802}}));
        assertTrue(p.isFinite(), p.toString());
        assertEquals(0.5, p.get(0, 0), 1e-15);
        assertTrue(p.sum(1).allClose(Tensor.of(1, 1), 1e-15));
    }

    @Test
    void backwardByHand() {
        // s = [¼, ¾], dy = [1, 0]: Σ dy·s = ¼, dx = s ⊙ (dy - ¼) = [3/16, -3/16]
        Tensor dx = new Softmax().backward(Tensor.of(new double[][] {{0, Math.log(3)}}), Tensor.of(new double[][] {{1, 0}}));
        assertTrue(dx.allClose(Tensor.of(new double[][] {{0.1875, -0.1875}}), 1e-15), dx.toString());
    }

    @Test
    void gradientMatchesCentralDifferences() {
        GradCheck.Report r = GradCheck.layer(new Softmax(), new Rng(4).normal(0, 2, 3, 4));
        assertTrue(r.maxRelativeError() < 1e-6, r.toString());
    }

    @Test
    void shapeErrorsNameTheLayer() {
        var e = assertThrows(IllegalArgumentException.class, () -> new Softmax().forward(Tensor.zeros(3)));
        assertEquals("Softmax(): expected input [N, C], got [3]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Softmax().backward(Tensor.zeros(2, 3), Tensor.zeros(2, 2)));
        assertEquals("Softmax(): expected dy [2, 3], got [2, 2]", e.getMessage());
        assertEquals("Softmax()", new Softmax().toString());
    }
}
