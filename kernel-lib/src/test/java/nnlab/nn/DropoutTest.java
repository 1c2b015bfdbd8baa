package nnlab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import nnlab.Rng;
import nnlab.grad.GradCheck;
import nnlab.tensor.Tensor;
import org.junit.jupiter.api.Test;

class DropoutTest {
    @Test
    void trainingZeroesOrScalesEachValue() {
        Dropout d = new Dropout(0.5, new Rng(1));
        Tensor x = Tensor.full(3, 2, 4);
        Tensor y = d.forward(x);
        for (double v : y.toArray()) {
            assertTrue(v == 0 || v == 6, y.toString());
        }
        assertEquals(y, x.mul(d.mask()));
    }

    @Test
    void dropsAboutPAndKeepsTheMean() {
        Dropout d = new Dropout(0.3, new Rng(2));
        Tensor y = d.forward(Tensor.ones(200, 100));
        assertEquals(0.3, y.eq(0).mean(), 0.01);
        assertEquals(1.0, y.mean(), 0.02);
    }

    @Test
    void evaluationIsIdentity() {
        Dropout d = new Dropout(0.9, new Rng(3));
        d.train(false);
        Tensor x = Tensor.of(1, 2, 3);
        assertEquals(x, d.forward(x));
        assertEquals(Tensor.of(4, 5, 6), d.backward(x, Tensor.of(4, 5, 6)));
    }

    @Test
    void sameSeedSameMask() {
        Tensor x = Tensor.ones(5, 5);
        assertEquals(new Dropout(0.5, new Rng(9)).forward(x), new Dropout(0.5, new Rng(9)).forward(x));
        Dropout d = new Dropout(0.5, new Rng(9));
        assertNotEquals(d.forward(x), d.forward(x), "each forward draws a new mask");
    }

    @Test
    void backwardUsesForwardsMask() {
        Dropout d = new Dropout(0.5, new Rng(4));
        Tensor x = Tensor.ones(3, 3);
        Tensor y = d.forward(x);
        assertEquals(y.mul(5), d.backward(x, Tensor.full(5, 3, 3)));
    }

    @Test
    void gradientMatchesCentralDifferencesWithAFrozenMask() {
        Dropout d = new Dropout(0.4, new Rng(5)).freezeMask(true);
        GradCheck.Report r = GradCheck.layer(d, new Rng(6).normal(0, 1, 4, 3));
        assertTrue(r.maxRelativeError() < 1e-6, r.toString());
    }

    @Test
    void withoutAFrozenMaskTheCheckFailsInTrainingAndPassesInEvaluation() {
        Tensor x = new Rng(7).normal(0, 1, 4, 3);
        assertFalse(GradCheck.layer(new Dropout(0.5, new Rng(8)), x).ok(), "a new mask per forward");
        Dropout eval = new Dropout(0.5, new Rng(8));
        eval.train(false);
        assertTrue(GradCheck.layer(eval, x).ok());
    }

    @Test
    void badUseIsExplained() {
        var e = assertThrows(IllegalArgumentException.class, () -> new Dropout(1.0, new Rng(1)));
        assertEquals("Dropout: p must be in [0, 1), got p=1.0", e.getMessage());
        Dropout d = new Dropout(0.5, new Rng(1));
        var s = assertThrows(IllegalStateException.class, () -> d.backward(Tensor.ones(2), Tensor.ones(2)));
        assertEquals("Dropout(p=0.5): backward must follow a forward on the same batch; the last mask has shape "
                + "none (no forward yet), x has [2]", s.getMessage());
        d.forward(Tensor.ones(3));
        var e2 = assertThrows(IllegalArgumentException.class, () -> d.backward(Tensor.ones(3), Tensor.ones(4)));
        assertEquals("Dropout(p=0.5): expected dy [3], got [4]", e2.getMessage());
        assertEquals("Dropout(p=0.5)", d.toString());
    }
}
