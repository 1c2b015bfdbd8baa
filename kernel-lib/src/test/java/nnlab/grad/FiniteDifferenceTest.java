package nnlab.grad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import nnlab.tensor.Tensor;
import org.junit.jupiter.api.Test;

class FiniteDifferenceTest {
    @Test
    void scalarCentralAndForward() {
        assertEquals(12.0, FiniteDifference.central(x -> x * x * x, 2.0), 1e-8);
        assertEquals(12.0, FiniteDifference.forward(x -> x * x * x, 2.0), 1e-6);
        assertEquals(Math.cos(1.0), FiniteDifference.central(Math::sin, 1.0), 1e-9);
    }

    @Test
    void forwardErrorIsOrderHCentralIsOrderHSquared() {
        // f = x³ at 2, h = 1e-3: forward = 12 + 6h + h², central = 12 + h²
        assertEquals(12.006001, FiniteDifference.forward(x -> x * x * x, 2.0, 1e-3), 1e-9);
        assertEquals(12.000001, FiniteDifference.central(x -> x * x * x, 2.0, 1e-3), 1e-9);
    }

    @Test
    void tensorGradients() {
        Tensor x = Tensor.of(new double[][] {{1, -2}, {3, 0.5}});
        Tensor expected = x.mul(2);
        assertTrue(FiniteDifference.central(t -> t.pow(2).sum(), x).allClose(expected, 1e-8));
        assertTrue(FiniteDifference.forward(t -> t.pow(2).sum(), x).allClose(expected, 1e-6));
        assertEquals(Tensor.of(new double[][] {{1, -2}, {3, 0.5}}), x, "x is not changed");
    }

    @Test
    void centralInPlaceRestoresTheTarget() {
        Tensor w = Tensor.of(1, 2, 3);
        Tensor g = FiniteDifference.centralInPlace(() -> w.pow(2).sum(), w, 1e-5);
        assertTrue(g.allClose(Tensor.of(2, 4, 6), 1e-8));
        assertEquals(Tensor.of(1, 2, 3), w);
    }

    @Test
    void badStepIsRejected() {
        var e = assertThrows(IllegalArgumentException.class, () -> FiniteDifference.central(x -> x, 1.0, 0));
        assertEquals("FiniteDifference: step h must be finite and > 0, got h=0.0", e.getMessage());
    }
}
