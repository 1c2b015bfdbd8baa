package nnlab.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Function;
import nnlab.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Hand-computed values and gradients of every operation, and the rules of the graph. */
class VarTest {
    private static final Tensor A = Tensor.of(new double[][] {{1, 2}, {3, 4}});

    /** f's value, then the gradient of Σ f(inputs) * weights for every input. */
    private static Tensor[] run(Function<Var[], Var> f, Tensor weights, Tensor... inputs) {
        Var[] in = new Var[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            in[i] = Var.param(inputs[i].copy());
        }
        Var out = f.apply(in);
        Tensor w = weights == null ? Tensor.ones(out.shape()) : weights;
        out.mul(Var.of(w)).sum().backward();
        Tensor[] result = new Tensor[inputs.length + 1];
        result[0] = out.value();
        for (int i = 0; i < inputs.length; i++) {
            result[i + 1] = in[i].grad();
        }
        return result;
    }

    private static void assertClose(Tensor expected, Tensor actual) {
        assertArrayEquals(expected.shape(), actual.shape(), "shape");
        assertTrue(expected.allClose(actual, 1e-12), "expected " + expected + " but got " + actual);
    }

    private static Tensor m(double[]... rows) {
        return Tensor.of(rows);
    }

    @Test
    void broadcastingArithmeticByHand() {
        Tensor[] r = run(v -> v[0].add(v[1]), null, A, Tensor.of(10, 20));
        assertClose(m(new double[] {11, 22}, new double[] {13, 24}), r[0]);
        assertClose(Tensor.ones(2, 2), r[1]);
        assertClose(Tensor.of(2, 2), r[2]);                              // d/db sums over the broadcast rows
        r = run(v -> v[0].add(v[1]), null, A, m(new double[] {10}, new double[] {20}));
        assertClose(m(new double[] {2}, new double[] {2}), r[2]);        // [2, 1]: sums over the columns
        r = run(v -> v[0].sub(v[1]), null, A, Tensor.of(10, 20));
        assertClose(Tensor.of(-2, -2), r[2]);
        r = run(v -> v[0].mul(v[1]), null, A, Tensor.of(10, 20));
        assertClose(m(new double[] {10, 40}, new double[] {30, 80}), r[0]);
        assertClose(m(new double[] {10, 20}, new double[] {10, 20}), r[1]);
        assertClose(Tensor.of(4, 6), r[2]);
        r = run(v -> v[0].div(v[1]), null, A, Tensor.of(2, 4));
        assertClose(m(new double[] {0.5, 0.5}, new double[] {1.5, 1}), r[0]);
        assertClose(m(new double[] {0.5, 0.25}, new double[] {0.5, 0.25}), r[1]);
        assertClose(Tensor.of(-1, -0.375), r[2]);                        // -Σ a/b² per column
    }

    @Test
    void scalarOperationsByHand() {
        Tensor x = Tensor.of(1, -2, 3);
        assertClose(Tensor.of(3.5, 0.5, 5.5), run(v -> v[0].add(2.5), null, x)[0]);
        assertClose(Tensor.ones(3), run(v -> v[0].add(2.5), null, x)[1]);
        assertClose(Tensor.of(-1.5, -4.5, 0.5), run(v -> v[0].sub(2.5), null, x)[0]);
        assertClose(Tensor.full(3, 3), run(v -> v[0].mul(3), null, x)[1]);
        assertClose(Tensor.of(0.5, -1, 1.5), run(v -> v[0].div(2), null, x)[0]);
        assertClose(Tensor.full(0.5, 3), run(v -> v[0].div(2), null, x)[1]);
        assertClose(Tensor.full(-1, 3), run(v -> v[0].neg(), null, x)[1]);
        Tensor[] r = run(v -> v[0].pow(2), null, x);
        assertClose(Tensor.of(1, 4, 9), r[0]);
        assertClose(Tensor.of(2, -4, 6), r[1]);                          // 2x
    }

    @Test
    void elementWiseFunctionsByHand() {
        Tensor[] r = run(v -> v[0].exp(), null, Tensor.of(0, Math.log(2)));
        assertClose(Tensor.of(1, 2), r[0]);
        assertClose(Tensor.of(1, 2), r[1]);                              // e^x
        r = run(v -> v[0].log(), null, Tensor.of(1, 4));
        assertClose(Tensor.of(0, Math.log(4)), r[0]);
        assertClose(Tensor.of(1, 0.25), r[1]);                           // 1/x
        r = run(v -> v[0].tanh(), null, Tensor.of(0, 0.5 * Math.log(3)));   // tanh(ln3 / 2) = 0.5
        assertClose(Tensor.of(0, 0.5), r[0]);
        assertClose(Tensor.of(1, 0.75), r[1]);                           // 1 - tanh²
        r = run(v -> v[0].sigmoid(), null, Tensor.of(0, Math.log(3)));  // σ(ln 3) = 0.75
        assertClose(Tensor.of(0.5, 0.75), r[0]);
        assertClose(Tensor.of(0.25, 0.1875), r[1]);                      // σ(1 - σ)
        r = run(v -> v[0].relu(), null, Tensor.of(-1, 2));
        assertClose(Tensor.of(0, 2), r[0]);
        assertClose(Tensor.of(0, 1), r[1]);
    }

    @Test
    void matricesAndShapesByHand() {
        Tensor[] r = run(v -> v[0].matmul(v[1]), null, m(new double[] {1, 2}), m(new double[] {3}, new double[] {4}));
        assertClose(m(new double[] {11}), r[0]);
        assertClose(m(new double[] {3, 4}), r[1]);                       // g·Bᵀ
        assertClose(m(new double[] {1}, new double[] {2}), r[2]);        // Aᵀ·g
        Tensor col = m(new double[] {1}, new double[] {2}, new double[] {3});
        r = run(v -> v[0].transpose(), col, m(new double[] {1, 2, 3}));
        assertClose(col, r[0]);
        assertClose(m(new double[] {1, 2, 3}), r[1]);
        r = run(v -> v[0].reshape(-1), Tensor.of(1, 2, 3, 4), A.mul(10));
        assertClose(Tensor.of(10, 20, 30, 40), r[0]);
        assertClose(A, r[1]);
    }

    @Test
    void reductionsByHand() {
        Tensor[] r = run(v -> v[0].sum(), null, A);
        assertEquals(10, r[0].item());
        assertArrayEquals(new int[0], r[0].shape());
        assertClose(Tensor.ones(2, 2), r[1]);
        r = run(v -> v[0].sum(0), Tensor.of(1, 2), A);
        assertClose(Tensor.of(4, 6), r[0]);
        assertClose(m(new double[] {1, 2}, new double[] {1, 2}), r[1]);
        r = run(v -> v[0].sum(1), Tensor.of(1, 2), A);
        assertClose(Tensor.of(3, 7), r[0]);
        assertClose(m(new double[] {1, 1}, new double[] {2, 2}), r[1]);
        r = run(v -> v[0].mean(), null, A);
        assertEquals(2.5, r[0].item());
        assertClose(Tensor.full(0.25, 2, 2), r[1]);
        r = run(v -> v[0].mean(0), Tensor.of(1, 2), A);
        assertClose(Tensor.of(2, 3), r[0]);
        assertClose(m(new double[] {0.5, 1}, new double[] {0.5, 1}), r[1]);
        r = run(v -> v[0].mean(-1), Tensor.of(1, 2), A);
        assertClose(Tensor.of(1.5, 3.5), r[0]);
        assertClose(m(new double[] {0.5, 0.5}, new double[] {1, 1}), r[1]);
    }

    @Test
    void softmaxAndLossesByHand() {
        Tensor z = m(new double[] {0, Math.log(3)});                    // softmax = [0.25, 0.75]
        Tensor[] r = run(v -> v[0].softmax(), m(new double[] {1, 0}), z);
        assertClose(m(new double[] {0.25, 0.75}), r[0]);
        assertClose(m(new double[] {0.1875, -0.1875}), r[1]);            // s0(1 - s0), -s0·s1
        r = run(v -> v[0].crossEntropy(Tensor.ofInts(1)), null, z);
        assertEquals(-Math.log(0.75), r[0].item(), 1e-15);
        assertClose(m(new double[] {0.25, -0.25}), r[1]);                // softmax - one-hot
        r = run(v -> v[0].crossEntropy(m(new double[] {0, 1})), null, z);
        assertEquals(-Math.log(0.75), r[0].item(), 1e-15);               // one-hot targets give the same
        r = run(v -> v[0].binaryCrossEntropy(Tensor.of(1)), null, Tensor.of(0.8));
        assertEquals(-Math.log(0.8), r[0].item(), 1e-15);
        assertClose(Tensor.of(-1.25), r[1]);                             // (p - y) / (p (1 - p))
        r = run(v -> v[0].mse(Tensor.of(0, 0)), null, Tensor.of(1, 3));
        assertEquals(5, r[0].item());
        assertClose(Tensor.of(1, 3), r[1]);                              // 2 (yHat - y) / N
        r = run(v -> v[0].crossEntropy(Tensor.ofInts(1)).mul(3), null, z);
        assertClose(m(new double[] {0.75, -0.75}), r[1]);                // a scaled loss scales its gradient
    }

    @Test
    void aVarUsedTwiceGetsTheSumOfBothPaths() {
        Var x = Var.param(Tensor.of(3));
        Var y = x.add(x);                                                // dy/dx = 2
        y.sum().backward();
        assertClose(Tensor.of(2), x.grad());
        Var w = Var.param(Tensor.of(-2));
        w.mul(w).add(w).sum().backward();                                // w² + w: 2w + 1 = -3
        assertClose(Tensor.of(-3), w.grad());
        Var h = Var.param(Tensor.of(1, 2)).tanh();                       // an intermediate used twice
        Var p = Var.param(Tensor.of(0.5, -1));
        Var q = h.mul(p).add(h).sum();
        q.backward();
        assertClose(Tensor.of(1.5, 0), h.grad());                         // p + 1
    }

    @Test
    void backwardTwiceAccumulatesInParamsAsPyTorchWithRetainGraph() {
        Var w = Var.param(Tensor.of(1, 2));
        Var loss = w.mul(w).sum();                                       // dL/dw = 2w
        loss.backward();
        loss.backward();
        assertClose(Tensor.of(4, 8), w.grad());
        assertClose(Tensor.ones(2), loss.inputs().get(0).grad());                // intermediates hold one pass's gradient
        loss.zeroGrad();
        assertClose(Tensor.zeros(2), w.grad());
        loss.backward();
        assertClose(Tensor.of(2, 4), w.grad());
        w.zeroGrad();
        assertClose(Tensor.zeros(2), w.grad());
    }

    @Test
    void paramsShareValueAndGradientWithTheirParam() {
        Tensor t = Tensor.of(1, 2);
        Var w = Var.param("w", t);
        assertSame(t, w.value(), "Var.param keeps the tensor itself");
        assertSame(w.param().grad(), w.grad());
        assertEquals("w", w.param().name());
        assertEquals(List.of(w.param()), Var.params(w));
        w.mul(3).sum().backward();
        assertClose(Tensor.of(3, 3), w.param().grad());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Var.params(w, Var.of(t)));
        assertEquals("Var.params: argument 1 is constant [2], not a parameter; make parameters with Var.param(tensor)",
                e.getMessage());
    }

    @Test
    void noGradRecordsNothing() {
        Var w = Var.param(Tensor.of(1, 2));
        Var out;
        try (var off = Autograd.noGrad()) {
            assertFalse(Autograd.isGradEnabled());
            out = w.mul(2).tanh().sum();
            try (var nested = Autograd.noGrad()) {
                assertFalse(Autograd.isGradEnabled());
            }
            assertFalse(Autograd.isGradEnabled(), "the outer scope is still open");
        }
        assertTrue(Autograd.isGradEnabled());
        assertFalse(out.requiresGrad());
        assertTrue(out.inputs().isEmpty());
        IllegalStateException e = assertThrows(IllegalStateException.class, out::backward);
        assertEquals("backward: sum [] needs no gradient: it was made from constants only (Var.of) or inside "
                + "Autograd.noGrad(); make the values to differentiate with Var.param", e.getMessage());
        assertClose(Tensor.zeros(2), w.grad());
        assertTrue(w.mul(2).requiresGrad(), "recording is back on after the scope");
    }

    @Test
    void constantsHaveNoGradient() {
        Var x = Var.of(Tensor.of(1, 2));
        Var w = Var.param(Tensor.of(3, 4));
        Var y = x.mul(w).sum();
        y.backward();
        assertClose(Tensor.of(1, 2), w.grad());
        assertFalse(x.requiresGrad());
        IllegalStateException e = assertThrows(IllegalStateException.class, x::grad);
        assertTrue(e.getMessage().startsWith("grad: constant [2] has no gradient"), e.getMessage());
    }

    @Test
    void backwardOnANonScalarNamesItsShape() {
        Var h = Var.param(Tensor.ones(32, 10)).tanh();
        IllegalStateException e = assertThrows(IllegalStateException.class, h::backward);
        assertEquals("backward: this Var has shape [32, 10] (320 values); backward() needs a scalar, such as a loss "
                + "or .sum(); or pass dL/dthis with backward(gradient)", e.getMessage());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> h.backward(Tensor.ones(10)));
        assertEquals("backward: the gradient must have this Var's shape [32, 10], got [10]", bad.getMessage());
        Var x = Var.param(Tensor.of(1, 2));
        x.tanh().backward(Tensor.of(1, 10));                             // a vector-Jacobian product
        assertClose(Tensor.of(1 - Math.pow(Math.tanh(1), 2), 10 * (1 - Math.pow(Math.tanh(2), 2))), x.grad());
    }

    @Test
    void wrongShapesFailAtOnceNamingTheOperationAndBothShapes() {
        Var a = Var.param(Tensor.ones(32, 784));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> a.matmul(Var.param(Tensor.ones(256, 10))));
        assertEquals("matmul: cannot multiply [32, 784] by [256, 10]: inner dimensions 784 != 256", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> a.add(Var.of(Tensor.ones(10))));
        assertTrue(e.getMessage().startsWith("add: cannot broadcast [32, 784] with [10]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> a.matmul(Var.of(Tensor.ones(784))));
        assertEquals("matmul: cannot multiply [32, 784] by [784]: Var.matmul needs two 2-d operands; reshape a vector "
                + "to [1, k] or [k, 1]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> a.crossEntropy(Tensor.ones(10)));
        assertTrue(e.getMessage().startsWith("CrossEntropy: y has shape [10] but logits have shape [32, 784]"),
                e.getMessage());
    }

    @Test
    void anomalyModeNamesTheOperationThatMadeTheFirstNaN() {
        Var x = Var.param(Tensor.of(4, -1, 9));
        Var quiet = x.log().sum();                                       // off: the NaN just flows
        assertTrue(Double.isNaN(quiet.item()));
        Autograd.detectAnomaly(true);
        try {
            ArithmeticException e = assertThrows(ArithmeticException.class, () -> x.mul(2).log().sum());
            assertEquals("anomaly: log produced NaN at [1] of its result [3]; inputs: mul 2 [3] = -2.0 there",
                    e.getMessage());
            Var inf = Var.param(Tensor.of(0, 1));
            Var y = inf.pow(0.5).mul(0).sum();                           // forward finite; backward 0 · ∞ = NaN
            ArithmeticException back = assertThrows(ArithmeticException.class, y::backward);
            assertEquals("anomaly: the backward of pow 0.5 [2] produced NaN at [0] in the gradient for its input "
                    + "param [2]", back.getMessage());
        } finally {
            Autograd.detectAnomaly(false);
        }
        assertFalse(Autograd.isAnomalyDetectionEnabled());
    }

    @Test
    void operationsOfYourOwn() {
        Var x = Var.param(Tensor.of(1, 2));
        Var cube = Var.operation("cube", x.value().pow(3), g -> new Tensor[] {g.mul(x.value().pow(2).mul(3))}, x);
        cube.sum().backward();
        assertClose(Tensor.of(3, 12), x.grad());
        assertEquals("cube", cube.op());
        Var wrong = Var.operation("bad", x.value(), g -> new Tensor[] {Tensor.ones(3)}, x);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> wrong.sum().backward());
        assertEquals("backward of bad [2]: the gradient for param [2] has shape [3]; expected [2]", e.getMessage());
        Var none = Var.operation("none", x.value(), g -> new Tensor[0], x);
        e = assertThrows(IllegalStateException.class, () -> none.sum().backward());
        assertEquals("none: backward returned 0 gradients for 1 inputs; expected one per input", e.getMessage());
    }

    @Test
    void describesItselfForPicturesAndErrors() {
        Var w = Var.param("W1", Tensor.zeros(2, 16));
        Var h = Var.of(Tensor.zeros(32, 2)).matmul(w).tanh().label("h");
        assertEquals("tanh", h.op());
        assertEquals("h", h.label());
        assertEquals("W1", w.label());
        assertEquals("tanh h [32, 16]", h.describe());
        assertEquals("param W1 [2, 16]", w.describe());
        assertEquals("constant [32, 2]", h.inputs().get(0).inputs().get(0).describe());
    }
}
