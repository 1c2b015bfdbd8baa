package nnlab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import nnlab.Rng;
import nnlab.grad.GradCheck;
import nnlab.tensor.Tensor;
import org.junit.jupiter.api.Test;

class Conv2dTest {
    private static final Tensor X = Tensor.of(1, 2, 3, 4, 5, 6, 7, 8, 9).reshape(1, 1, 3, 3);
    private static final Tensor W = Tensor.of(1, 2, 3, 4).reshape(1, 1, 2, 2);

    private static Conv2d conv(int stride, int padding, Tensor w, double b) {
        Conv2d c = new Conv2d(1, 1, 2, stride, padding, new Rng(1));
        c.setWeights(w, Tensor.of(b));
        return c;
    }

    @Test
    void oneChannelByHand() {
        Conv2d c = conv(1, 0, W, 0.5);
        assertEquals(Tensor.of(37.5, 47.5, 67.5, 77.5).reshape(1, 1, 2, 2), c.forward(X));
        Tensor dx = c.backward(X, Tensor.ones(1, 1, 2, 2));
        assertEquals(Tensor.of(1, 3, 2, 4, 10, 6, 3, 7, 4).reshape(1, 1, 3, 3), dx);
        assertEquals(Tensor.of(12, 16, 24, 28).reshape(1, 1, 2, 2), c.weight().grad());
        assertEquals(Tensor.of(4), c.bias().grad());
    }

    @Test
    void paddingOneByHand() {
        Tensor x = Tensor.of(1, 2, 3, 4).reshape(1, 1, 2, 2);
        Tensor y = conv(1, 1, Tensor.ones(1, 1, 2, 2), 0).forward(x);     // sums of 2x2 windows of the padded 4x4
        assertEquals(Tensor.of(1, 3, 2, 4, 10, 6, 3, 7, 4).reshape(1, 1, 3, 3), y);
    }

    @Test
    void strideTwoWithPaddingOneByHand() {
        Conv2d c = conv(2, 1, W, 0);
        assertEquals(Tensor.of(4, 18, 36, 77).reshape(1, 1, 2, 2), c.forward(X));
        Tensor dx = c.backward(X, Tensor.ones(1, 1, 2, 2));
        assertEquals(Tensor.of(4, 3, 4, 2, 1, 2, 4, 3, 4).reshape(1, 1, 3, 3), dx);   // each pixel in one window
        assertEquals(Tensor.of(5, 10, 10, 20).reshape(1, 1, 2, 2), c.weight().grad());
    }

    @Test
    void matchesTheFormulaWithChannelsStrideAndPadding() {
        Rng rng = new Rng(11);
        Conv2d c = new Conv2d(3, 4, 3, 2, 1, rng);
        c.setWeights(c.weight().value(), rng.normal(0, 1, 4));
        Tensor x = rng.normal(0, 1, 2, 3, 7, 6);
        Tensor y = c.forward(x);
        assertArrayEquals(new int[] {2, 4, 4, 3}, y.shape());
        for (int[] at : new int[][] {{0, 0, 0, 0}, {1, 3, 3, 2}, {0, 2, 1, 1}, {1, 1, 3, 0}}) {
            assertEquals(direct(x, c.weight().value(), c.bias().value(), 2, 1, at), y.get(at), 1e-12);
        }
    }

    /** y[n, o, i, j] straight from the formula, reading 0 outside the image. */
    private static double direct(Tensor x, Tensor w, Tensor b, int s, int p, int[] at) {
        int n = at[0], o = at[1], i = at[2], j = at[3];
        double sum = b.get(o);
        for (int c = 0; c < w.shape(1); c++) {
            for (int u = 0; u < w.shape(2); u++) {
                for (int v = 0; v < w.shape(3); v++) {
                    int r = i * s - p + u, q = j * s - p + v;
                    if (r >= 0 && r < x.shape(2) && q >= 0 && q < x.shape(3)) {
                        sum += w.get(o, c, u, v) * x.get(n, c, r, q);
                    }
                }
            }
        }
        return sum;
    }

    @Test
    void gradientsMatchCentralDifferences() {
        Rng rng = new Rng(7);
        for (int[] sp : new int[][] {{1, 0}, {2, 1}, {3, 2}}) {
            Conv2d c = new Conv2d(3, 4, 3, sp[0], sp[1], rng);
            c.setWeights(c.weight().value(), rng.normal(0, 1, 4));
            GradCheck.Report r = GradCheck.layer(c, rng.normal(0, 1, 2, 3, 7, 6));
            assertEquals(List.of("x", "W", "b"), r.names());
            assertTrue(r.maxRelativeError() < 1e-6, c + "\n" + r);
        }
    }

    @Test
    void gradientsAccumulateUntilZeroed() {
        Conv2d c = conv(1, 0, W, 0.5);
        c.backward(X, Tensor.ones(1, 1, 2, 2));
        c.backwardParams(X, Tensor.ones(1, 1, 2, 2));
        assertEquals(Tensor.of(24, 32, 48, 56).reshape(1, 1, 2, 2), c.weight().grad(), "two backwards add up");
        assertEquals(Tensor.of(8), c.bias().grad());
        c.step(0.5);                                  // plain gradient descent, then the gradients start over
        assertEquals(Tensor.of(-11, -14, -21, -24).reshape(1, 1, 2, 2), c.weight().value());
        assertEquals(Tensor.zeros(1, 1, 2, 2), c.weight().grad());
    }

    @Test
    void everyBackwardGivesTheSameGradientsAndOnlyForwardsOwnOutputReusesIm2col() {
        Rng rng = new Rng(9);
        Conv2d c = new Conv2d(2, 3, 3, 2, 1, rng);
        Tensor x = rng.normal(0, 1, 2, 2, 6, 5);
        Tensor dy = rng.normal(0, 1, 2, 3, 3, 3);
        Tensor y = c.forward(x);
        Tensor dx = c.backward(x, y, dy);
        Tensor dW = c.weight().grad().copy();
        Tensor db = c.bias().grad().copy();
        c.zeroGrad();
        assertEquals(dx, c.backward(x, dy), "the two-argument backward recomputes: same result");
        assertEquals(dW, c.weight().grad());
        c.zeroGrad();
        c.backwardParams(x, dy);                       // no dx, the same parameter gradients
        assertEquals(dW, c.weight().grad());
        assertEquals(db, c.bias().grad());
        x.set(5, 0, 0, 0, 0);                          // x changed in place after forward: a stale im2col would show
        c.zeroGrad();
        c.backward(x, c.forward(x), dy);
        Tensor expected = c.weight().grad().copy();
        c.zeroGrad();
        c.train(false);                                // evaluation mode keeps nothing, so this recomputes
        c.forward(x.mul(0));
        c.backward(x, y, dy);
        assertEquals(expected, c.weight().grad());
    }

    @Test
    void heUniformInitAndZeroBias() {
        Conv2d c = new Conv2d(16, 64, 3, new Rng(1));
        double a = Math.sqrt(6.0 / (16 * 9));
        Tensor w = c.weight().value();
        assertArrayEquals(new int[] {64, 16, 3, 3}, w.shape());
        assertTrue(w.abs().max() <= a);
        assertEquals(a / Math.sqrt(3), w.std(), 0.02 * a);
        assertEquals(Tensor.zeros(64), c.bias().value());
        assertEquals(w, new Conv2d(16, 64, 3, new Rng(1)).weight().value(), "same seed, same weights");
    }

    @Test
    void wrongInputsNameTheLayerAndTheRule() {
        Conv2d c = new Conv2d(1, 32, 3, new Rng(1));
        var e = assertThrows(IllegalArgumentException.class, () -> c.forward(Tensor.zeros(8, 28, 28)));
        assertEquals("Conv2d(in=1, out=32, kernel=3, stride=1, padding=0): expected input [N, 1, H, W], got [8, 28, 28]"
                + " (no channel axis? for 1 channel use x.reshape(N, 1, H, W))", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> c.forward(Tensor.zeros(8, 3, 28, 28)));
        assertEquals("Conv2d(in=1, out=32, kernel=3, stride=1, padding=0): expected input [N, 1, H, W], got [8, 3, 28, 28]",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> c.forward(Tensor.zeros(8, 1, 2, 5)));
        assertEquals("Conv2d(in=1, out=32, kernel=3, stride=1, padding=0): kernel 3x3 is larger than the padded input 2x5"
                + " (H + 2·padding, W + 2·padding) of input [8, 1, 2, 5]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> c.forward(null));
        assertEquals("Conv2d(in=1, out=32, kernel=3, stride=1, padding=0): input is null; expected a tensor", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> c.backward(Tensor.zeros(8, 1, 28, 28), Tensor.zeros(8, 32, 28, 28)));
        assertEquals("Conv2d(in=1, out=32, kernel=3, stride=1, padding=0): expected dy [8, 32, 26, 26], got [8, 32, 28, 28]",
                e.getMessage());
    }

    @Test
    void nanInputIsNamed() {
        Tensor x = Tensor.zeros(1, 1, 3, 3).set(Double.NaN, 0, 0, 1, 2);
        var e = assertThrows(IllegalArgumentException.class, () -> conv(1, 0, W, 0).forward(x));
        assertEquals("Conv2d(in=1, out=1, kernel=2, stride=1, padding=0): input: value at [0, 0, 1, 2] is NaN;"
                + " expected finite numbers (shape [1, 1, 3, 3])", e.getMessage());
    }

    @Test
    void invalidSizesAndWeightsAreRejected() {
        var e = assertThrows(IllegalArgumentException.class, () -> new Conv2d(1, 0, 3, new Rng(1)));
        assertEquals("Conv2d: in, out, kernel and stride must be >= 1 and padding >= 0, got "
                + "Conv2d(in=1, out=0, kernel=3, stride=1, padding=0)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Conv2d(1, 2, 3, 1, -1, new Rng(1)));
        assertEquals("Conv2d: in, out, kernel and stride must be >= 1 and padding >= 0, got "
                + "Conv2d(in=1, out=2, kernel=3, stride=1, padding=-1)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Conv2d(1, 2, 3, null));
        assertEquals("Conv2d(in=1, out=2, kernel=3, stride=1, padding=0): rng is null; pass e.g. new Rng(1)", e.getMessage());
        Conv2d c = conv(1, 0, W, 0);
        e = assertThrows(IllegalArgumentException.class, () -> c.setWeights(Tensor.zeros(1, 4), Tensor.zeros(1)));
        assertEquals("Conv2d(in=1, out=1, kernel=2, stride=1, padding=0): expected W [1, 1, 2, 2], got [1, 4]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> c.setWeights(W, Tensor.zeros(2)));
        assertEquals("Conv2d(in=1, out=1, kernel=2, stride=1, padding=0): expected b [1], got [2]", e.getMessage());
    }

    @Test
    void setWeightsCopies() {
        Tensor w = W.copy();
        Conv2d c = conv(1, 0, w, 0);
        w.set(100, 0, 0, 0, 0);
        assertEquals(W, c.weight().value());
    }

    @Test
    void describesItselfAndItsShapes() {
        Conv2d c = new Conv2d(32, 64, 3, 1, 1, new Rng(1));
        assertEquals("Conv2d(in=32, out=64, kernel=3, stride=1, padding=1)", c.toString());
        assertArrayEquals(new int[] {-1, 64, 13, 13}, c.outputShape(new int[] {-1, 32, 13, 13}));
        assertArrayEquals(new int[] {5, 64, 7, 7}, new Conv2d(32, 64, 3, 2, 1, new Rng(1)).outputShape(new int[] {5, 32, 13, 13}));
        assertEquals(List.of("W", "b"), c.params().stream().map(Param::name).toList());
    }
}
