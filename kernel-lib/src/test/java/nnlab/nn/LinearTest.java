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

class LinearTest {
    private static Linear small() {
        return new Linear(Tensor.of(new double[][] {{1, 2}, {3, 4}, {5, 6}}), Tensor.of(0.5, -1));
    }

    @Test
    void forwardByHand() {
        Tensor y = small().forward(Tensor.of(new double[][] {{1, 0, -1}, {0, 1, 0}}));
        assertEquals(Tensor.of(new double[][] {{-3.5, -5}, {3.5, 3}}), y);
    }

    @Test
    void backwardByHand() {
        Linear fc = small();
        Tensor x = Tensor.of(new double[][] {{1, 0, -1}});
        Tensor dx = fc.backward(x, Tensor.of(new double[][] {{1, 2}}));
        assertEquals(Tensor.of(new double[][] {{5, 11, 17}}), dx);
        assertEquals(Tensor.of(new double[][] {{1, 2}, {0, 0}, {-1, -2}}), fc.weight().grad());
        assertEquals(Tensor.of(1, 2), fc.bias().grad());
    }

    @Test
    void gradientsMatchCentralDifferences() {
        Rng rng = new Rng(7);
        Linear fc = new Linear(4, 3, rng);
        fc.setWeights(fc.weight().value(), rng.normal(0, 1, 3));
        GradCheck.Report r = GradCheck.layer(fc, rng.normal(0, 1, 5, 4));
        assertEquals(List.of("x", "W", "b"), r.names());
        assertTrue(r.maxRelativeError() < 1e-6, r.toString());
    }

    @Test
    void glorotUniformInitAndZeroBias() {
        Linear fc = new Linear(300, 200, new Rng(1));
        double a = Math.sqrt(6.0 / 500);
        Tensor w = fc.weight().value();
        assertArrayEquals(new int[] {300, 200}, w.shape());
        assertTrue(w.abs().max() <= a);
        assertEquals(a / Math.sqrt(3), w.std(), 0.01 * a);
        assertEquals(0, w.mean(), 0.01 * a);
        assertEquals(Tensor.zeros(200), fc.bias().value());
        assertEquals(w, new Linear(300, 200, new Rng(1)).weight().value(), "same seed, same weights");
    }

    @Test
    void wrongInputShapeNamesTheLayer() {
        Linear fc = new Linear(256, 10, new Rng(1));
        var e = assertThrows(IllegalArgumentException.class, () -> fc.forward(Tensor.zeros(32, 784)));
        assertEquals("Linear(in=256, out=10): expected input [N, 256], got [32, 784]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> fc.forward(Tensor.zeros(256)));
        assertEquals("Linear(in=256, out=10): expected input [N, 256], got [256]", e.getMessage());
    }

    @Test
    void wrongDyShapeNamesTheLayer() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> small().backward(Tensor.zeros(4, 3), Tensor.zeros(4, 3)));
        assertEquals("Linear(in=3, out=2): expected dy [4, 2], got [4, 3]", e.getMessage());
    }

    @Test
    void nanInputIsRejected() {
        Tensor x = Tensor.of(new double[][] {{1, Double.NaN, 0}});
        var e = assertThrows(IllegalArgumentException.class, () -> small().forward(x));
        assertEquals("Linear(in=3, out=2): input: value at [0, 1] is NaN; expected finite numbers (shape [1, 3])",
                e.getMessage());
    }

    @Test
    void nanOrInfinityInputIsNamedOnTheBlasPathToo() {
        Linear fc = new Linear(64, 100, new Rng(3));               // large enough for BLAS, not the small loop
        Tensor x = new Rng(4).normal(0, 1, 10, 64);
        x.set(Double.NaN, 7, 63);
        var e = assertThrows(IllegalArgumentException.class, () -> fc.forward(x));
        assertEquals("Linear(in=64, out=100): input: value at [7, 63] is NaN; expected finite numbers (shape [10, 64])",
                e.getMessage());
        x.set(0, 7, 63);
        x.set(Double.NEGATIVE_INFINITY, 2, 0);
        e = assertThrows(IllegalArgumentException.class, () -> fc.forward(x));
        assertEquals("Linear(in=64, out=100): input: value at [2, 0] is -Infinity; expected finite numbers (shape [10, 64])",
                e.getMessage());
    }

    @Test
    void setWeightsChecksShapesAndCopies() {
        Linear fc = small();
        var e = assertThrows(IllegalArgumentException.class, () -> fc.setWeights(Tensor.zeros(2, 3), Tensor.zeros(2)));
        assertEquals("Linear(in=3, out=2): expected W [3, 2], got [2, 3]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> fc.setWeights(Tensor.zeros(3, 2), Tensor.zeros(1, 2)));
        assertEquals("Linear(in=3, out=2): expected b [2], got [1, 2]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> fc.setWeights(Tensor.zeros(3, 2), Tensor.of(0, Double.NaN)));
        assertEquals("Linear(in=3, out=2): b: value at [1] is NaN; expected finite numbers (shape [2])", e.getMessage());
        Tensor w = Tensor.ones(3, 2);
        fc.setWeights(w, Tensor.zeros(2));
        w.set(9, 0, 0);
        assertEquals(Tensor.ones(3, 2), fc.weight().value());
    }

    @Test
    void invalidSizesAreRejected() {
        var e = assertThrows(IllegalArgumentException.class, () -> new Linear(0, 3, new Rng(1)));
        assertEquals("Linear: in and out must be > 0, got in=0, out=3", e.getMessage());
    }

    @Test
    void stepIsGradientDescent() {
        Linear fc = small();
        fc.backward(Tensor.of(new double[][] {{1, 0, -1}}), Tensor.of(new double[][] {{1, 2}}));
        fc.step(0.5);
        assertEquals(Tensor.of(new double[][] {{0.5, 1}, {3, 4}, {5.5, 7}}), fc.weight().value());
        assertEquals(Tensor.of(0, -2), fc.bias().value());
    }

    @Test
    void backwardAddsToTheGradientsAndStepUsesThemUp() {
        Linear fc = small();
        Tensor x = Tensor.of(new double[][] {{1, 0, -1}});
        Tensor dy = Tensor.of(new double[][] {{1, 2}});
        fc.backward(x, dy);
        fc.backward(x, dy);                                        // gradients accumulate, as in PyTorch
        assertEquals(Tensor.of(new double[][] {{2, 4}, {0, 0}, {-2, -4}}), fc.weight().grad());
        assertEquals(Tensor.of(2, 4), fc.bias().grad());
        fc.step(0.25);                                             // W -= 0.25 * dW, then dW = 0
        assertEquals(Tensor.of(new double[][] {{0.5, 1}, {3, 4}, {5.5, 7}}), fc.weight().value());
        assertEquals(Tensor.zeros(3, 2), fc.weight().grad());
        assertEquals(Tensor.zeros(2), fc.bias().grad());
        fc.backward(x, dy);
        fc.zeroGrad();
        assertEquals(Tensor.zeros(3, 2), fc.weight().grad(), "zeroGrad starts over");
        assertEquals(Tensor.zeros(2), fc.bias().grad());
    }

    @Test
    void largeBatchMatchesNaiveLoop() {
        Rng rng = new Rng(3);
        Linear fc = new Linear(70, 30, rng);
        Tensor x = rng.normal(0, 1, 50, 70);
        Tensor y = fc.forward(x);
        double[][] w = fc.weight().value().toArray2d();
        for (int i = 0; i < 50; i += 7) {
            for (int j = 0; j < 30; j += 5) {
                double s = 0;
                for (int k = 0; k < 70; k++) {
                    s += x.get(i, k) * w[k][j];
                }
                assertEquals(s, y.get(i, j), 1e-12);
            }
        }
    }

    @Test
    void describesItself() {
        Linear fc = new Linear(64, 32, new Rng(1));
        assertEquals("Linear(in=64, out=32)", fc.toString());
        assertArrayEquals(new int[] {-1, 32}, fc.outputShape(new int[] {-1, 64}));
        assertEquals(List.of("W", "b"), fc.params().stream().map(Param::name).toList());
    }
}
