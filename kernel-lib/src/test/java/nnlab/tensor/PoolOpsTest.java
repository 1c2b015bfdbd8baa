package nnlab.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PoolOpsTest {
    private static final Tensor X = Tensor.arange(16).reshape(1, 1, 4, 4);

    @Test
    void maxPoolByHandWithArgmax() {
        int[] argmax = new int[4];
        assertEquals(Tensor.of(5, 7, 13, 15).reshape(1, 1, 2, 2), PoolOps.maxPool2d(X, 2, 2, argmax));
        assertArrayEquals(new int[] {5, 7, 13, 15}, argmax);
        Tensor dx = PoolOps.maxPool2dBackward(Tensor.of(1, 2, 3, 4).reshape(1, 1, 2, 2), argmax, X.shape());
        assertEquals(Tensor.of(0, 0, 0, 0, 0, 1, 0, 2, 0, 0, 0, 0, 0, 3, 0, 4).reshape(1, 1, 4, 4), dx);
    }

    @Test
    void maxPoolTiesGoToTheFirstAndNaNWins() {
        int[] argmax = new int[1];
        PoolOps.maxPool2d(Tensor.of(0, 2, 2, 1).reshape(1, 1, 2, 2), 2, 2, argmax);
        assertArrayEquals(new int[] {1}, argmax);
        Tensor y = PoolOps.maxPool2d(Tensor.of(0, 2, Double.NaN, 1).reshape(1, 1, 2, 2), 2, 2, argmax);
        assertArrayEquals(new int[] {2}, argmax);
        assertEquals(Double.NaN, y.item());
    }

    @Test
    void overlappingWindowsAddTheirGradients() {
        // 2x2 windows with stride 1 over a 2x4 image: the 5 is the maximum of two windows
        int[] argmax = new int[3];
        Tensor x2 = Tensor.of(0, 5, 1, 2, 0, 0, 0, 0).reshape(1, 1, 2, 4);
        assertEquals(Tensor.of(5, 5, 2).reshape(1, 1, 1, 3), PoolOps.maxPool2d(x2, 2, 1, argmax));
        Tensor dx = PoolOps.maxPool2dBackward(Tensor.ones(1, 1, 1, 3), argmax, x2.shape());
        assertEquals(Tensor.of(0, 2, 0, 1, 0, 0, 0, 0).reshape(1, 1, 2, 4), dx);
    }

    @Test
    void oddSizesDropTheLastRowAndColumn() {
        Tensor x = Tensor.arange(25).reshape(1, 1, 5, 5);
        assertEquals(Tensor.of(6, 8, 16, 18).reshape(1, 1, 2, 2), PoolOps.maxPool2d(x, 2, 2, null));
    }

    @Test
    void avgPoolByHand() {
        assertEquals(Tensor.of(2.5, 4.5, 10.5, 12.5).reshape(1, 1, 2, 2), PoolOps.avgPool2d(X, 2, 2));
        Tensor dx = PoolOps.avgPool2dBackward(Tensor.of(4, 8, 0, 0).reshape(1, 1, 2, 2), X.shape(), 2, 2);
        assertEquals(Tensor.of(1, 1, 2, 2, 1, 1, 2, 2, 0, 0, 0, 0, 0, 0, 0, 0).reshape(1, 1, 4, 4), dx);
    }

    @Test
    void badArgumentsAreNamed() {
        var e = assertThrows(IllegalArgumentException.class, () -> PoolOps.maxPool2d(X, 2, 2, new int[3]));
        assertEquals("maxPool2d: argmax has length 3, expected 4 (one per output value)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> PoolOps.avgPool2dBackward(Tensor.zeros(1, 1, 3, 3), X.shape(), 2, 2));
        assertEquals("avgPool2dBackward: x [1, 1, 4, 4] needs dy [1, 1, 2, 2], got [1, 1, 3, 3]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PoolOps.maxPool2d(X, 5, 1, null));
        assertEquals("maxPool2d: kernel 5x5 is larger than the input 4x4 of x [1, 1, 4, 4]", e.getMessage());
    }
}
