package nnlab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import nnlab.tensor.Tensor;
import org.junit.jupiter.api.Test;

class ParamTest {

    @Test
    void gradientsAccumulateUntilZeroed() {
        Param w = new Param("w", Tensor.of(1, 2));
        assertEquals(Tensor.zeros(2), w.grad(), "starts at zero");
        Tensor g = w.grad();
        w.accumulateGrad(Tensor.of(0.5, 0.5));
        w.accumulateGrad(Tensor.of(1, -1));
        assertEquals(Tensor.of(1.5, -0.5), w.grad());
        assertSame(g, w.grad(), "in place: an optimizer holding the tensor sees the sum");
        w.zeroGrad();
        assertEquals(Tensor.zeros(2), w.grad());
        assertSame(g, w.grad());
    }

    @Test
    void aGradientOfAnotherShapeIsRejected() {
        Param w = new Param("W", Tensor.zeros(2, 3));
        var e = assertThrows(IllegalArgumentException.class, () -> w.accumulateGrad(Tensor.zeros(3)));
        assertEquals("Param W[2, 3]: cannot accumulate a gradient of shape [3]; expected the value's shape [2, 3]",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> w.accumulateGrad(null));
        assertEquals("Param W[2, 3]: cannot accumulate a gradient of shape null; expected the value's shape [2, 3]",
                e.getMessage());
        assertEquals(Tensor.zeros(2, 3), w.grad(), "nothing was added");
    }
}
