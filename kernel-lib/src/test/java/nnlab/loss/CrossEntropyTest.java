package nnlab.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import nnlab.Rng;
import nnlab.grad.GradCheck;
import nnlab.tensor.Tensor;
import org.junit.jupiter.api.Test;

class CrossEntropyTest {
    private final Loss ce = new CrossEntropy();
    private final Tensor logits = Tensor.of(new double[][] {{1, 2, 3}, {0, 0, Math.log(2)}});

    @Test
    void valueByHandWithLabelsAndOneHot() {
        // row 0: -log softmax_2 = log(1 + e^-1 + e^-2); row 1: -log(1/4) with label 0
        double expected = (Math.log(1 + Math.exp(-1) + Math.exp(-2)) + Math.log(4)) / 2;
        assertEquals(expected, ce.value(Tensor.ofInts(2, 0), logits), 1e-15);
        Tensor onehot = Tensor.of(new double[][] {{0, 0, 1}, {1, 0, 0}});
        assertEquals(expected, ce.value(onehot, logits), 1e-15);
        assertEquals(expected, ce.value(Tensor.ofInts(2, 0).reshape(2, 1), logits), 1e-15);
    }

    @Test
    void gradByHand() {
        Tensor g = ce.grad(Tensor.ofInts(2, 0), logits);
        Tensor p = CrossEntropy.softmax(logits);
        assertTrue(p.row(1).allClose(Tensor.of(0.25, 0.25, 0.5), 1e-15));
        Tensor expected = p.sub(Tensor.of(new double[][] {{0, 0, 1}, {1, 0, 0}})).div(2);
        assertTrue(g.allClose(expected, 1e-15));
        assertEquals(-0.375, g.get(1, 0), 1e-15);
    }

    @Test
    void hugeLogitsStayFinite() {
        Tensor z = Tensor.of(new double[][] {{1000, 0}, {-1000, 1000}});
        assertEquals(500.0, ce.value(Tensor.ofInts(1, 1), z), 1e-12);
        assertTrue(ce.grad(Tensor.ofInts(1, 1), z).isFinite());
    }

    @Test
    void gradientMatchesCentralDifferences() {
        Tensor z = new Rng(1).normal(0, 2, 4, 5);
        GradCheck.Report r = GradCheck.loss(ce, Tensor.ofInts(0, 4, 2, 2), z);
        assertTrue(r.maxRelativeError() < 1e-6, r.toString());
        Tensor soft = CrossEntropy.softmax(new Rng(2).normal(0, 1, 4, 5));
        r = GradCheck.loss(ce, soft, z);
        assertTrue(r.maxRelativeError() < 1e-6, r.toString());
    }

    @Test
    void badLabelsAreExplained() {
        var e = assertThrows(IllegalArgumentException.class, () -> ce.value(Tensor.ofInts(3, 0), logits));
        assertEquals("CrossEntropy: label 3.0 at row 0 is not an integer in 0..2 (logits have 3 classes)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ce.grad(Tensor.of(0, 1.5), logits));
        assertEquals("CrossEntropy: label 1.5 at row 1 is not an integer in 0..2 (logits have 3 classes)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ce.value(Tensor.ofInts(-1, 0), logits));
        assertEquals("CrossEntropy: label -1.0 at row 0 is not an integer in 0..2 (logits have 3 classes)", e.getMessage());
    }

    @Test
    void badShapesAreNamed() {
        var e = assertThrows(IllegalArgumentException.class, () -> ce.value(Tensor.ofInts(1, 2, 0), logits));
        assertEquals("CrossEntropy: y has shape [3] but logits have shape [2, 3]; expected labels [2] or one-hot [2, 3]",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ce.value(Tensor.ofInts(1), Tensor.of(1, 2)));
        assertEquals("CrossEntropy: expected logits yHat [N, C], got [2]", e.getMessage());
    }
}
