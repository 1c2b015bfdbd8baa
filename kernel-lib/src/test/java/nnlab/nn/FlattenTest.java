package nnlab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import nnlab.Rng;
import nnlab.grad.GradCheck;
import nnlab.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Flatten and its inverse Unflatten. */
class FlattenTest {
    @Test
    void flattenKeepsRowMajorOrderAndBackwardRestoresTheShape() {
        Tensor x = Tensor.arange(12).reshape(2, 3, 1, 2);
        Tensor y = new Flatten().forward(x);
        assertEquals(Tensor.arange(12).reshape(2, 6), y);
        assertEquals(x, new Flatten().backward(x, y));
        assertTrue(GradCheck.layer(new Flatten(), new Rng(1).normal(0, 1, 2, 3, 2, 2)).maxRelativeError() < 1e-6);
    }

    @Test
    void unflattenIsTheInverse() {
        Unflatten u = new Unflatten(1, 28, 28);
        assertEquals("Unflatten(1, 28, 28)", u.toString());
        Tensor x = new Rng(2).normal(0, 1, 3, 784);
        Tensor y = u.forward(x);
        assertArrayEquals(new int[] {3, 1, 28, 28}, y.shape());
        assertEquals(x, new Flatten().forward(y));
        assertEquals(x, u.backward(x, y));
        assertTrue(GradCheck.layer(new Unflatten(2, 2), new Rng(1).normal(0, 1, 3, 4)).maxRelativeError() < 1e-6);
    }

    @Test
    void shapeErrorsNameTheLayer() {
        var e = assertThrows(IllegalArgumentException.class, () -> new Flatten().forward(Tensor.zeros(5)));
        assertEquals("Flatten(): expected input [N, ...] with at least 2 dimensions, got [5]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Unflatten(1, 28, 28).forward(Tensor.zeros(4, 64)));
        assertEquals("Unflatten(1, 28, 28): expected input [N, 784], got [4, 64]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Unflatten(1, 0, 28));
        assertEquals("Unflatten: every dimension must be >= 1, got [1, 0, 28]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Flatten().backward(Tensor.zeros(2, 3, 4), Tensor.zeros(2, 3, 4)));
        assertEquals("Flatten(): expected dy [2, 12], got [2, 3, 4]", e.getMessage());
    }
}
