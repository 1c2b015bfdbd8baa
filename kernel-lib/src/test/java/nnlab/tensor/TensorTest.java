package nnlab.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import nnlab.Rng;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class TensorTest {
    private static final Tensor A = Tensor.of(new double[][] {{1, 2, 3}, {4, 5, 6}});

    private static Tensor m(double[]... rows) {
        return Tensor.of(rows);
    }

    private static double[] r(double... v) {
        return v;
    }

    private static void error(String message, Executable e) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, e).getMessage());
    }

    // ------------------------------------------------------------ factories

    @Test
    void factories() {
        assertArrayEquals(new int[] {2, 3}, A.shape());
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, A.toArray());
        assertEquals(A, Tensor.fromArray(new double[] {1, 2, 3, 4, 5, 6}, 2, 3));
        assertEquals(Tensor.of(3, 4), Tensor.ofInts(3, 4));
        assertEquals(0, Tensor.scalar(7).rank());
        assertEquals(7.0, Tensor.scalar(7).item());
        assertArrayEquals(new double[] {0, 0, 0, 0}, Tensor.zeros(2, 2).toArray());
        assertArrayEquals(new double[] {1, 1, 1}, Tensor.ones(3).toArray());
        assertArrayEquals(new double[] {2.5, 2.5}, Tensor.full(2.5, 1, 2).toArray());
        assertEquals(Tensor.of(0, 0.25, 0.5, 0.75, 1), Tensor.linspace(0, 1, 5));
        assertEquals(Tensor.of(3), Tensor.linspace(3, 9, 1));
        assertEquals(Tensor.of(0, 1, 2, 3), Tensor.arange(4));
        assertEquals(Tensor.of(1, 1.5, 2, 2.5), Tensor.arange(1, 3, 0.5));
        assertEquals(Tensor.of(3, 2, 1), Tensor.arange(3, 0, -1));
        assertEquals(m(r(1, 0), r(0, 1)), Tensor.eye(2));
        assertEquals(Tensor.zeros(2, 3), Tensor.zerosLike(A));
    }

    @Test
    void factoriesCopyTheirInput() {
        double[] d = {1, 2};
        Tensor t = Tensor.of(d);
        d[0] = 9;
        assertEquals(Tensor.of(1, 2), t);
    }

    @Test
    void factoryErrors() {
        error("Tensor.of: row 1 has 1 values but row 0 has 2; every row must have the same length",
                () -> Tensor.of(new double[][] {{1, 2}, {3}}));
        error("Tensor.fromArray: 3 values do not fill shape [2, 2], which needs 4",
                () -> Tensor.fromArray(new double[3], 2, 2));
        error("Tensor.zeros: negative dimension in shape [2, -1]; every dimension must be >= 0", () -> Tensor.zeros(2, -1));
        error("Tensor.arange: step must be finite and non-zero, got 0.0", () -> Tensor.arange(0, 1, 0));
        error("Tensor.linspace: n must be >= 0, got -1", () -> Tensor.linspace(0, 1, -1));
    }

    // ------------------------------------------------------------ access

    @Test
    void access() {
        assertEquals(6.0, A.get(1, 2));
        assertEquals(2, A.rows());
        assertEquals(3, A.cols());
        assertEquals(3, A.shape(-1));
        assertEquals(6, A.size());
        assertEquals(2, A.rank());
        Tensor c = A.copy();
        c.set(-1, 0, 0);
        assertEquals(-1.0, c.get(0, 0));
        assertEquals(1.0, A.get(0, 0), "copy is independent");
        c.array()[1] = 42;
        assertEquals(42.0, c.get(0, 1), "array() is the backing array");
        assertArrayEquals(new double[][] {{1, 2, 3}, {4, 5, 6}}, A.toArray2d());
        assertArrayEquals(new int[] {2, -1}, Tensor.of(1.6, -0.6).toIntArray());
    }

    @Test
    void accessErrors() {
        error("get: got 1 index for a tensor of shape [2, 3]; expected 2", () -> A.get(1));
        var e = assertThrows(IndexOutOfBoundsException.class, () -> A.get(2, 0));
        assertEquals("get: index [2, 0] is out of bounds for shape [2, 3] (dimension 0 has size 2)", e.getMessage());
        var s = assertThrows(IllegalStateException.class, A::item);
        assertEquals("item: tensor of shape [2, 3] has 6 elements; item() needs exactly 1", s.getMessage());
        error("cols: expected a 2-d tensor, got shape [3]", () -> Tensor.zeros(3).cols());
        error("shape: axis 2 is out of range for a tensor with 2 dimensions; expected -2 <= axis < 2", () -> A.shape(2));
    }

    // ------------------------------------------------------------ shape ops

    @Test
    void reshapeAndFlatten() {
        Tensor t = A.reshape(3, 2);
        assertEquals(m(r(1, 2), r(3, 4), r(5, 6)), t);
        assertArrayEquals(new int[] {3, 2}, A.reshape(-1, 2).shape());
        assertArrayEquals(new int[] {6, 1}, A.reshape(6, -1).shape());
        assertArrayEquals(new int[] {1, 2, 3}, A.reshape(1, -1, 3).shape());
        assertEquals(Tensor.of(1, 2, 3, 4, 5, 6), A.flatten());
        assertArrayEquals(new int[] {0, 3}, Tensor.zeros(0, 3).reshape(-1, 3).shape());
        error("reshape: cannot reshape [2, 3] (6 elements) into [4, -1]; the number of elements must stay the same",
                () -> A.reshape(4, -1));
        error("reshape: cannot reshape [2, 3] (6 elements) into [5]; the number of elements must stay the same",
                () -> A.reshape(5));
        error("reshape: invalid shape [-1, -1]; dimensions must be >= 0, with at most one -1", () -> A.reshape(-1, -1));
    }

    @Test
    void transposeRowsColsTake() {
        assertEquals(m(r(1, 4), r(2, 5), r(3, 6)), A.transpose());
        assertEquals(A.transpose(), A.T());
        assertEquals(Tensor.of(1, 2), Tensor.of(1, 2).T());
        Tensor x = Tensor.arange(12).reshape(4, 3);
        assertEquals(m(r(3, 4, 5), r(6, 7, 8)), x.rows(1, 3));
        assertArrayEquals(new int[] {0, 3}, x.rows(2, 2).shape());
        assertEquals(Tensor.of(9, 10, 11), x.row(3));
        assertEquals(Tensor.of(1, 4, 7, 10), x.col(1));
        assertEquals(m(r(9, 10, 11), r(0, 1, 2), r(9, 10, 11)), x.take(new int[] {3, 0, 3}));
        var e = assertThrows(IndexOutOfBoundsException.class, () -> x.rows(2, 5));
        assertEquals("rows: range [2, 5) is outside [0, 4] for shape [4, 3]", e.getMessage());
        e = assertThrows(IndexOutOfBoundsException.class, () -> x.take(new int[] {0, 4}));
        assertEquals("take: index 4 at position 1 is outside [0, 4) for shape [4, 3]", e.getMessage());
        e = assertThrows(IndexOutOfBoundsException.class, () -> x.col(3));
        assertEquals("col: column 3 is outside [0, 3) for shape [4, 3]", e.getMessage());
        assertArrayEquals(new int[] {4, 3, 2}, Tensor.zeros(2, 3, 4).transpose().shape(), "N-d: the axes reversed");
    }

    @Test
    void takeIntoAReusedTensor() {
        Tensor x = Tensor.arange(12).reshape(4, 3);
        Tensor out = Tensor.full(-1, 2, 3);
        assertSame(out, x.take(new int[] {2, 0}, out));
        assertEquals(m(r(6, 7, 8), r(0, 1, 2)), out);
        assertSame(out, x.take(new int[] {3, 3}, out));
        assertEquals(m(r(9, 10, 11), r(9, 10, 11)), out);
        Tensor labels = Tensor.of(5, 6, 7);
        assertEquals(Tensor.of(7, 5), labels.take(new int[] {2, 0}, Tensor.zeros(2)));

        error("take: 2 rows of [4, 3] need out [2, 3], got [3, 2]", () -> x.take(new int[] {0, 1}, Tensor.zeros(3, 2)));
        error("take: 1 rows of [4, 3] need out [1, 3], got null", () -> x.take(new int[] {0}, null));
        error("take: out must not be the tensor rows are taken from", () -> x.take(new int[] {0, 1, 2, 3}, x));
        var e = assertThrows(IndexOutOfBoundsException.class, () -> x.take(new int[] {1, -1}, out));
        assertEquals("take: index -1 at position 1 is outside [0, 4) for shape [4, 3]", e.getMessage());
        assertEquals(m(r(9, 10, 11), r(9, 10, 11)), out, "a bad index must leave out untouched");
    }

    // ------------------------------------------------------------ element-wise

    @Test
    void elementWiseSameShape() {
        Tensor b = m(r(1, 1, 2), r(2, 5, -3));
        assertEquals(m(r(2, 3, 5), r(6, 10, 3)), A.add(b));
        assertEquals(m(r(0, 1, 1), r(2, 0, 9)), A.sub(b));
        assertEquals(m(r(1, 2, 6), r(8, 25, -18)), A.mul(b));
        assertEquals(m(r(1, 2, 1.5), r(2, 1, -2)), A.div(b));
        assertEquals(m(r(1, 2, 3), r(4, 5, 6)), A.maximum(b));
        assertEquals(m(r(1, 1, 2), r(2, 5, -3)), A.minimum(b));
    }

    @Test
    void elementWiseWithScalars() {
        assertEquals(m(r(3, 4, 5), r(6, 7, 8)), A.add(2));
        assertEquals(m(r(0, 1, 2), r(3, 4, 5)), A.sub(1));
        assertEquals(m(r(2, 4, 6), r(8, 10, 12)), A.mul(2));
        assertEquals(m(r(0.5, 1, 1.5), r(2, 2.5, 3)), A.div(2));
        assertEquals(A.add(2), A.add(Tensor.scalar(2)));
        assertEquals(A.mul(2), Tensor.scalar(2).mul(A));
    }

    @Test
    void broadcastingRowsColumnsAndScalars() {
        assertEquals(m(r(11, 22, 33), r(14, 25, 36)), A.add(Tensor.of(10, 20, 30)), "row vector [3]");
        assertEquals(m(r(11, 12, 13), r(24, 25, 26)), A.add(m(r(10), r(20))), "column [2, 1]");
        assertEquals(m(r(11, 22, 33), r(14, 25, 36)), A.add(m(r(10, 20, 30))), "row [1, 3]");
        assertEquals(m(r(1, 2), r(2, 4), r(3, 6)), m(r(1), r(2), r(3)).mul(Tensor.of(1, 2)), "outer [3, 1] x [2]");
        assertEquals(m(r(0, -1, -2), r(3, 2, 1)), A.sub(Tensor.of(1, 3, 5)));
        assertEquals(Tensor.of(10, 20, 30).sub(A), A.sub(Tensor.of(10, 20, 30)).neg());
        Tensor t3 = Tensor.arange(12).reshape(2, 3, 2);
        Tensor s = t3.add(Tensor.of(100, 200));
        assertEquals(207.0, s.get(1, 0, 1)); // t3[1, 0, 1] = 7
        assertEquals(m(r(6, 7, 8)).reshape(1, 3).add(m(r(0), r(10))), m(r(6, 7, 8), r(16, 17, 18)));
    }

    @Test
    void broadcastErrors() {
        error("add: cannot broadcast [2, 3] with [2]: dimension 1 (aligned from the right) is 3 vs 2 and neither is 1",
                () -> A.add(Tensor.of(1, 2)));
        error("mul: cannot broadcast [2, 3] with [3, 3]: dimension 0 (aligned from the right) is 2 vs 3 and neither is 1",
                () -> A.mul(Tensor.zeros(3, 3)));
    }

    @Test
    void unaryFunctions() {
        Tensor x = Tensor.of(-1, 0, 4);
        assertTrue(x.neg().allClose(Tensor.of(1, 0, -4), 0));
        assertEquals("tensor([ 1.000000, -0.000000, -4.000000], shape=[3])", x.neg().toString(), "-0 as numpy prints it");
        assertEquals(Tensor.of(Math.exp(-1), 1, Math.exp(4)), x.exp());
        assertEquals(Tensor.of(Double.NaN, Double.NEGATIVE_INFINITY, Math.log(4)), x.log());
        assertTrue(x.tanh().allClose(Tensor.of(Math.tanh(-1), 0, Math.tanh(4)), 3e-16), x.tanh().toString());
        assertEquals(Tensor.of(0, 2), Tensor.of(0, 4).sqrt());
        assertEquals(Tensor.of(1, 0, 4), x.abs());
        assertEquals(Tensor.of(1, 0, 16), x.pow(2));
        assertEquals(Tensor.of(-1, 0, 64), x.pow(3));
        assertEquals(Tensor.of(-0.5, 0, 2), x.clip(-0.5, 2));
        assertEquals(Tensor.of(2, 1, 17), x.map(v -> v * v + 1));
        error("clip: lo must be <= hi, got lo=1.0, hi=0.0", () -> x.clip(1, 0));
    }

    @Test
    void comparisonsGiveMasks() {
        Tensor x = Tensor.of(1, 2, 3);
        assertEquals(Tensor.of(0, 0, 1), x.gt(2));
        assertEquals(Tensor.of(1, 0, 0), x.lt(2));
        assertEquals(Tensor.of(0, 1, 0), x.eq(2));
        assertEquals(Tensor.of(1, 0, 0), x.gt(Tensor.of(0, 2, 4)));
        assertEquals(Tensor.of(0, 0, 1), x.lt(Tensor.of(0, 2, 4)));
        assertEquals(Tensor.of(0, 1, 0), x.eq(Tensor.of(0, 2, 4)));
        assertEquals(m(r(0, 1, 1), r(0, 0, 1)), x.gt(m(r(1), r(2))));
        assertEquals(2.0 / 3, x.lt(2.5).mean(), 1e-15);
    }

    @Test
    void zipBroadcastsAndNamesItsOperation() {
        assertEquals(Tensor.of(1, 4, 27), Tensor.of(1, 2, 3).zip("pow", Tensor.of(0, 2, 3), Math::pow));
        error("hypot: cannot broadcast [2] with [3]: dimension 0 (aligned from the right) is 2 vs 3 and neither is 1",
                () -> Tensor.of(1, 2).zip("hypot", Tensor.of(1, 2, 3), Math::hypot));
    }

    @Test
    void operationsDoNotChangeTheirOperands() {
        Tensor a = A.copy();
        a.add(1);
        a.mul(a);
        a.exp();
        a.reshape(3, 2);
        a.transpose();
        a.sum(0);
        assertEquals(A, a);
    }

    // ------------------------------------------------------------ in place

    @Test
    void inPlaceOperations() {
        Tensor a = Tensor.of(1, 2);
        assertTrue(a == a.addScaledInPlace(-2, Tensor.of(1, 1)));
        assertEquals(Tensor.of(-1, 0), a);
        a.mulInPlace(3);
        assertEquals(Tensor.of(-3, 0), a);
        a.copyFromInPlace(Tensor.of(5, 6));
        assertEquals(Tensor.of(5, 6), a);
        a.fillInPlace(7);
        assertEquals(Tensor.of(7, 7), a);
        error("addScaledInPlace: shapes differ: [2] vs [3]; expected equal shapes",
                () -> a.addScaledInPlace(1, Tensor.zeros(3)));
        error("copyFromInPlace: shapes differ: [2] vs [2, 1]; expected equal shapes",
                () -> a.copyFromInPlace(Tensor.zeros(2, 1)));
    }

    // ------------------------------------------------------------ linear algebra

    @Test
    void matmulByHand() {
        Tensor b = m(r(1, 0), r(0, 1), r(2, -1));
        assertEquals(m(r(7, -1), r(16, -1)), A.matmul(b));
        assertEquals(Tensor.of(14, 32), A.matmul(Tensor.of(1, 2, 3)), "[n, k]·[k] -> [n]");
        assertEquals(Tensor.of(9, 12, 15), Tensor.of(1, 2).matmul(A), "[k]·[k, m] -> [m]");
        assertEquals(Tensor.scalar(11), Tensor.of(1, 2).matmul(Tensor.of(3, 4)));
        assertEquals(A.T().matmul(A), A.transposeMatmul(A));
        assertEquals(A.matmul(A.T()), A.matmulTranspose(A));
        assertEquals(m(r(14, 32), r(32, 77)), A.matmulTranspose(A));
        assertEquals(Tensor.zeros(2, 2), Tensor.zeros(2, 0).matmul(Tensor.zeros(0, 2)));
    }

    private static Tensor naive(Tensor a, Tensor b) {
        int n = a.shape(0);
        int k = a.shape(1);
        int mm = b.shape(1);
        Tensor c = Tensor.zeros(n, mm);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < mm; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    s += a.get(i, p) * b.get(p, j);
                }
                c.set(s, i, j);
            }
        }
        return c;
    }

    @Test
    void matmulMatchesANaiveLoopBelowAndAboveTheBlasThreshold() {
        Rng rng = new Rng(99);
        int[][] sizes = {{1, 1, 1}, {2, 3, 4}, {7, 5, 3}, {15, 16, 17}, {16, 16, 16}, {33, 65, 17}, {100, 50, 80},
            {1, 300, 1}, {300, 1, 20}, {64, 128, 1}};
        for (int[] s : sizes) {
            Tensor a = rng.normal(0, 1, s[0], s[1]);
            Tensor b = rng.normal(0, 1, s[1], s[2]);
            Tensor c = naive(a, b);
            double tol = 1e-12 * s[1];
            String what = java.util.Arrays.toString(s);
            assertTrue(a.matmul(b).allClose(c, tol), "matmul " + what);
            assertTrue(a.T().transposeMatmul(b).allClose(c, tol), "transposeMatmul " + what);
            assertTrue(a.matmulTranspose(b.T()).allClose(c, tol), "matmulTranspose " + what);
            assertTrue(a.matmul(b.col(0)).allClose(c.col(0), tol), "matrix-vector " + what);
        }
    }

    @Test
    void matmulErrors() {
        error("matmul: cannot multiply [32, 784] by [256, 10]: inner dimensions 784 != 256",
                () -> Tensor.zeros(32, 784).matmul(Tensor.zeros(256, 10)));
        error("transposeMatmul: cannot multiply [3, 2] by [4, 5]: inner dimensions 3 != 4",
                () -> Tensor.zeros(3, 2).transposeMatmul(Tensor.zeros(4, 5)));
        error("matmulTranspose: cannot multiply [3, 2] by [4, 5]: inner dimensions 2 != 5",
                () -> Tensor.zeros(3, 2).matmulTranspose(Tensor.zeros(4, 5)));
        error("matmul: cannot multiply [2, 2, 2] by [2, 2]: matmul is 2-d only; both operands must be 1-d or 2-d",
                () -> Tensor.zeros(2, 2, 2).matmul(Tensor.zeros(2, 2)));
    }

    @Test
    void dotAndNorm() {
        assertEquals(11.0, Tensor.of(1, 2).dot(Tensor.of(3, 4)));
        assertEquals(5.0, Tensor.of(3, 4).norm());
        assertEquals(Math.sqrt(91), A.norm(), 1e-15);
        error("dot: cannot take the dot product of [2] and [3]: both must be 1-d of the same length",
                () -> Tensor.of(1, 2).dot(Tensor.of(1, 2, 3)));
    }

    // ------------------------------------------------------------ reductions

    @Test
    void reductionsOverEverything() {
        Tensor x = m(r(3, -1, 4), r(1, 5, -9));
        assertEquals(3.0, x.sum());
        assertEquals(0.5, x.mean());
        assertEquals(5.0, x.max());
        assertEquals(-9.0, x.min());
        assertEquals(4, x.argmax());
        assertEquals(5, x.argmin());
        assertEquals(Math.sqrt((6.25 + 2.25 + 12.25 + 0.25 + 20.25 + 90.25) / 6), x.std(), 1e-15);
        assertEquals(0, Tensor.of(2, 7, 7).argmax() - 1, "first of ties");
    }

    @Test
    void reductionsPerAxis() {
        Tensor x = m(r(3, -1, 4), r(1, 5, -9));
        assertEquals(Tensor.of(4, 4, -5), x.sum(0));
        assertEquals(Tensor.of(6, -3), x.sum(1));
        assertEquals(m(r(6), r(-3)), x.sum(1, true));
        assertEquals(m(r(4, 4, -5)), x.sum(0, true));
        assertEquals(Tensor.of(2, 2, -2.5), x.mean(0));
        assertEquals(Tensor.of(2, -1), x.mean(-1));
        assertEquals(m(r(2), r(-1)), x.mean(1, true));
        assertEquals(Tensor.of(3, 5, 4), x.max(0));
        assertEquals(m(r(4), r(5)), x.max(1, true));
        assertEquals(Tensor.of(-1, -9), x.min(1));
        assertEquals(m(r(1, -1, -9)), x.min(0, true));
        assertEquals(Tensor.of(1, 3, 6.5), x.std(0));
        assertEquals(m(r(1, 3, 6.5)), x.std(0, true));
        assertEquals(Tensor.of(0, 1, 0), x.argmax(0));
        assertEquals(Tensor.of(2, 1), x.argmax(1));
        Tensor t3 = Tensor.arange(24).reshape(2, 3, 4);
        assertEquals(Tensor.arange(24).reshape(2, 3, 4).sum(1).get(1, 2), 18.0 + 22 + 14);
        assertArrayEquals(new int[] {2, 4}, t3.sum(1).shape());
        assertArrayEquals(new int[] {2, 1, 4}, t3.mean(1, true).shape());
        assertEquals(Tensor.zeros(3), Tensor.zeros(0, 3).sum(0));
    }

    @Test
    void reductionErrors() {
        error("sum: axis 2 is out of range for a tensor with 2 dimensions; expected -2 <= axis < 2", () -> A.sum(2));
        error("mean: axis -3 is out of range for a tensor with 2 dimensions; expected -2 <= axis < 2", () -> A.mean(-3));
        var e = assertThrows(IllegalStateException.class, () -> Tensor.zeros(0).mean());
        assertEquals("mean: tensor of shape [0] is empty", e.getMessage());
        e = assertThrows(IllegalStateException.class, () -> Tensor.zeros(0, 3).max(0));
        assertEquals("max: axis 0 of shape [0, 3] is empty; nothing to reduce", e.getMessage());
    }

    // ------------------------------------------------------------ comparison and checks

    @Test
    void closenessAndChecks() {
        assertTrue(A.allClose(A.add(1e-9), 1e-8));
        assertFalse(A.allClose(A.add(1e-7), 1e-8));
        assertEquals(0.5, A.maxAbsDiff(A.add(Tensor.of(0, 0.5, -0.25))), 1e-15);
        assertTrue(Double.isNaN(Tensor.of(1, Double.NaN).maxAbsDiff(Tensor.of(1, 2))));
        assertFalse(Tensor.of(1, Double.NaN).allClose(Tensor.of(1, 2), 1e9));
        assertTrue(A.isFinite());
        assertFalse(Tensor.of(1, Double.POSITIVE_INFINITY).isFinite());
        error("allClose: shapes differ: [2, 3] vs [3, 2]; expected equal shapes", () -> A.allClose(A.T(), 1));
        error("input: value at [1, 0] is Infinity; expected finite numbers (shape [2, 2])",
                () -> m(r(1, 2), r(Double.POSITIVE_INFINITY, 3)).requireFinite("input"));
        assertTrue(A == A.requireShape("x", -1, 3));
        error("x: expected shape [*, 4], got [2, 3]", () -> A.requireShape("x", -1, 4));
        assertNotEquals(A, A.reshape(3, 2));
        assertEquals(A.hashCode(), A.copy().hashCode());
    }

    // ------------------------------------------------------------ toString

    @Test
    void toStringLikeNumpy() {
        assertEquals("tensor(2.500000)", Tensor.scalar(2.5).toString());
        assertEquals("tensor([1.000000, 2.000000], shape=[2])", Tensor.of(1, 2).toString());
        assertEquals("tensor([[ 1.000000, -2.500000],\n        [ 3.000000,  4.000000]], shape=[2, 2])",
                m(r(1, -2.5), r(3, 4)).toString());
        assertEquals("tensor([ nan,  inf, -inf], shape=[3])",
                Tensor.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY).toString());
        assertEquals("tensor([[[0.000000, 1.000000],\n         [2.000000, 3.000000]],\n\n"
                + "        [[4.000000, 5.000000],\n         [6.000000, 7.000000]]], shape=[2, 2, 2])",
                Tensor.arange(8).reshape(2, 2, 2).toString());
        assertEquals("tensor([], shape=[0])", Tensor.zeros(0).toString());
    }

    @Test
    void toStringElidesLargeTensors() {
        assertEquals("tensor([   0.000000,    1.000000,    2.000000, ..., 1998.000000, 1999.000000, 2000.000000],"
                + " shape=[2001])", Tensor.arange(2001).toString());
        String s = Tensor.arange(1200).reshape(40, 30).toString();
        String[] lines = s.split("\n");
        assertEquals(7, lines.length, s);
        assertEquals("tensor([[   0.000000,    1.000000,    2.000000, ...,   27.000000,   28.000000,   29.000000],",
                lines[0]);
        assertEquals("        ...,", lines[3]);
        assertTrue(lines[6].endsWith("1199.000000]], shape=[40, 30])"), lines[6]);
        assertEquals(1000, Tensor.zeros(1000).toString().split(",").length - 1, "1000 values are not elided");
    }

    @Test
    void productsWriteIntoOutOrAddToIt() {
        Rng rng = new Rng(21);
        for (int[] dims : new int[][] {{3, 2, 4}, {50, 40, 30}}) {      // the Java loop, then BLAS
            Tensor a = rng.normal(0, 1, dims[0], dims[1]);
            Tensor b = rng.normal(0, 1, dims[0], dims[2]);
            Tensor expected = a.T().matmul(b);
            Tensor out = Tensor.full(7.0, dims[1], dims[2]);
            double[] before = out.array();
            assertSame(out, a.transposeMatmul(b, out), "returns out");
            assertSame(before, out.array(), "no new array");
            assertEquals(a.transposeMatmul(b), out, "the same values as the allocating form, to the bit");
            assertSame(out, a.addTransposeMatmul(b, out));
            assertTrue(out.allClose(expected.mul(2), 1e-12), "out += aᵀ·b for " + java.util.Arrays.toString(dims));
            Tensor zeros = Tensor.zeros(dims[1], dims[2]);
            assertEquals(a.transposeMatmul(b), a.addTransposeMatmul(b, zeros), "accumulating into zeros: the same bits");

            Tensor c = rng.normal(0, 1, dims[1], dims[2]);                  // [n, k] · [k, m]
            Tensor d = rng.normal(0, 1, dims[2], dims[0]);
            assertEquals(c.matmul(d), c.matmul(d, Tensor.full(3, dims[1], dims[0])));
            assertTrue(c.addMatmul(d, Tensor.ones(dims[1], dims[0])).allClose(c.matmul(d).add(1), 1e-12));
            assertEquals(c.matmulTranspose(d.T()), c.matmulTranspose(d.T(), Tensor.zeros(dims[1], dims[0])));
            assertTrue(c.addMatmulTranspose(d.T(), Tensor.ones(dims[1], dims[0])).allClose(c.matmul(d).add(1), 1e-12));
        }
        Tensor v = Tensor.of(1, 2);
        assertEquals(Tensor.of(7, 10), v.matmul(Tensor.of(new double[][] {{1, 2}, {3, 4}}), Tensor.zeros(2)), "[k]·[k, m] -> [m]");
        assertEquals(Tensor.scalar(6), v.addMatmul(v, Tensor.scalar(1)), "[k]·[k] -> a scalar, plus 1");
        error("addTransposeMatmul: out must have the result's shape [2, 3], got [3, 3]",
                () -> Tensor.zeros(4, 2).addTransposeMatmul(Tensor.zeros(4, 3), Tensor.zeros(3, 3)));
        error("transposeMatmul: cannot multiply [4, 2] by [5, 3]: inner dimensions 4 != 5",
                () -> Tensor.zeros(4, 2).transposeMatmul(Tensor.zeros(5, 3), Tensor.zeros(2, 3)));
        error("matmul: out must have the result's shape [2, 2], got null",
                () -> Tensor.zeros(2, 2).matmul(Tensor.zeros(2, 2), null));
        Tensor sq = Tensor.ones(2, 2);
        error("addMatmul: out must not share values with an operand", () -> sq.addMatmul(Tensor.ones(2, 2), sq));
        error("addMatmul: out must not share values with an operand",
                () -> sq.addMatmul(Tensor.ones(2, 2), sq.reshape(4).reshape(2, 2)));
        error("addMatmulTranspose: cannot multiply [2, 2, 1] by [2, 2]: addMatmulTranspose is 2-d only; both operands "
                + "must be 1-d or 2-d", () -> Tensor.zeros(2, 2, 1).addMatmulTranspose(sq, Tensor.zeros(2, 2)));
    }

    @Test
    void addInPlaceBroadcastsTheOperandToTheReceiver() {
        Tensor a = Tensor.of(new double[][] {{1, 2, 3}, {4, 5, 6}});
        assertSame(a, a.addInPlace(Tensor.of(10, 20, 30)));
        assertEquals(m(r(11, 22, 33), r(14, 25, 36)), a, "[2, 3] += [3]: the row is added to every row");
        a.addInPlace(Tensor.of(1, 2).reshape(2, 1));
        assertEquals(m(r(12, 23, 34), r(16, 27, 38)), a, "[2, 3] += [2, 1]: a column to every column");
        a.addInPlace(Tensor.scalar(-12)).addInPlace(a.copy());
        assertEquals(m(r(0, 22, 44), r(8, 30, 52)), a);
        Tensor t3 = Tensor.zeros(2, 2, 2).addInPlace(Tensor.of(1, 2).reshape(2, 1));
        assertEquals(Tensor.fromArray(new double[] {1, 1, 2, 2, 1, 1, 2, 2}, 2, 2, 2), t3);
        error("addInPlace: cannot add [2, 3] into [3] in place: the result would be [2, 3]; the operand must broadcast "
                + "to the receiver's shape", () -> Tensor.zeros(3).addInPlace(Tensor.zeros(2, 3)));
        error("addInPlace: cannot broadcast [3] with [2]: dimension 0 (aligned from the right) is 3 vs 2 and neither is 1",
                () -> Tensor.zeros(3).addInPlace(Tensor.zeros(2)));
    }

    @Test
    void mapInPlaceVisitsValuesInRowMajorOrder() {
        double[] counter = {0};
        Tensor t = Tensor.zeros(2, 2);
        assertSame(t, t.mapInPlace(v -> v + counter[0]++));
        assertEquals(m(r(0, 1), r(2, 3)), t);
    }
}
