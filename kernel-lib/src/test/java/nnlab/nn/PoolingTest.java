package nnlab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import nnlab.Rng;
import nnlab.grad.GradCheck;
import nnlab.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** MaxPool2d and AvgPool2d: hand cases, finite differences away from ties, shape rules. */
class PoolingTest {
    private static final Tensor X = Tensor.arange(16).reshape(1, 1, 4, 4);

    /** Distinct values at least 0.1 apart in random order: no ties, and a 1e-6 nudge changes no arg-max. */
    private static Tensor distinct(Rng rng, int... shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        return Tensor.ofInts(rng.permutation(n)).mul(0.1).reshape(shape);
    }

    @Test
    void maxPoolByHand() {
        MaxPool2d pool = new MaxPool2d(2, 2);
        assertEquals(Tensor.of(5, 7, 13, 15).reshape(1, 1, 2, 2), pool.forward(X));
        Tensor dx = pool.backward(X, Tensor.of(1, 2, 3, 4).reshape(1, 1, 2, 2));
        assertEquals(Tensor.of(0, 0, 0, 0, 0, 1, 0, 2, 0, 0, 0, 0, 0, 3, 0, 4).reshape(1, 1, 4, 4), dx);
    }

    @Test
    void maxPoolTieGoesToTheFirstMaximum() {
        Tensor x = Tensor.of(3, 3, 3, 3).reshape(1, 1, 2, 2);
        assertEquals(Tensor.of(1, 0, 0, 0).reshape(1, 1, 2, 2), new MaxPool2d(2).backward(x, Tensor.ones(1, 1, 1, 1)));
    }

    @Test
    void maxPoolGradientsMatchCentralDifferences() {
        Rng rng = new Rng(4);
        for (int[] ks : new int[][] {{2, 2}, {3, 2}, {2, 1}}) {
            MaxPool2d pool = new MaxPool2d(ks[0], ks[1]);
            GradCheck.Report r = GradCheck.layer(pool, distinct(rng, 2, 3, 7, 6));
            assertTrue(r.maxRelativeError() < 1e-6, pool + "\n" + r);
        }
    }

    @Test
    void maxPoolReusesItsArgmaxOnlyForItsOwnOutput() {
        MaxPool2d pool = new MaxPool2d(2, 2);
        Tensor x = X.copy();
        Tensor y = pool.forward(x);
        Tensor dy = Tensor.of(1, 2, 3, 4).reshape(1, 1, 2, 2);
        Tensor expected = pool.backward(x, dy);
        assertEquals(expected, pool.backward(x, y, dy));
        x.set(100, 0, 0, 0, 0);                        // the maximum of window (0, 0) moves to [0, 0]
        Tensor moved = pool.backward(x, pool.forward(x), dy);
        assertEquals(1, moved.get(0, 0, 0, 0));
        assertEquals(0, moved.get(0, 0, 1, 1));
        assertEquals(moved, pool.backward(x, y, dy), "an older y is not trusted: the arg-max is searched again");
    }

    @Test
    void avgPoolByHandAndByFiniteDifferences() {
        AvgPool2d pool = new AvgPool2d(2);
        assertEquals(Tensor.of(2.5, 4.5, 10.5, 12.5).reshape(1, 1, 2, 2), pool.forward(X));
        assertEquals(Tensor.full(0.25, 1, 1, 4, 4), pool.backward(X, Tensor.ones(1, 1, 2, 2)));
        GradCheck.Report r = GradCheck.layer(new AvgPool2d(3, 2), new Rng(5).normal(0, 1, 2, 3, 7, 6));
        assertTrue(r.maxRelativeError() < 1e-6, r.toString());
    }

    @Test
    void shapesAndTheirErrors() {
        MaxPool2d pool = new MaxPool2d(2, 2);
        assertEquals("MaxPool2d(kernel=2, stride=2)", pool.toString());
        assertArrayEquals(new int[] {-1, 32, 13, 13}, pool.outputShape(new int[] {-1, 32, 26, 26}));
        assertArrayEquals(new int[] {-1, 64, 5, 5}, pool.outputShape(new int[] {-1, 64, 11, 11}));
        var e = assertThrows(IllegalArgumentException.class, () -> pool.forward(Tensor.zeros(8, 28, 28)));
        assertEquals("MaxPool2d(kernel=2, stride=2): expected input [N, C, H, W], got [8, 28, 28]"
                + " (no channel axis? use x.reshape(N, 1, H, W))", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new AvgPool2d(3).forward(Tensor.zeros(1, 1, 2, 8)));
        assertEquals("AvgPool2d(kernel=3, stride=3): kernel 3x3 is larger than the input 2x8 (H x W) of [1, 1, 2, 8]",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> pool.backward(X, Tensor.zeros(1, 1, 4, 4)));
        assertEquals("MaxPool2d(kernel=2, stride=2): expected dy [1, 1, 2, 2], got [1, 1, 4, 4]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new MaxPool2d(0, 1));
        assertEquals("MaxPool2d(kernel=0, stride=1): kernel and stride must be >= 1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new AvgPool2d(2, -1));
        assertEquals("AvgPool2d(kernel=2, stride=-1): kernel and stride must be >= 1", e.getMessage());
    }
}
