package nnlab.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import nnlab.Rng;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The N-d movement primitives: each on a tiny case computed by hand, then its exact error messages. */
class MovementTest {
    /** [[0, 1, 2], [3, 4, 5]] */
    private static final Tensor A = Tensor.arange(6).reshape(2, 3);
    /** [2, 3, 4] holding 0..23 */
    private static final Tensor B = Tensor.arange(24).reshape(2, 3, 4);

    private static void error(String message, Executable e) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, e).getMessage());
    }

    private static Tensor t(double[] values, int... shape) {
        return Tensor.fromArray(values, shape);
    }

    @Test
    void reshapeIsAViewSharingValues() {
        Tensor a = Tensor.arange(6);
        Tensor v = a.reshape(2, -1);
        assertArrayEquals(new int[] {2, 3}, v.shape());
        v.set(9, 1, 2);
        assertEquals(9.0, a.get(5), "the view writes through");
        a.fillInPlace(1);
        assertEquals(Tensor.ones(2, 3), v);
        assertEquals(1.0, a.flatten().get(0));
        a.reshape(3, 2).copy().fillInPlace(0);
        assertEquals(Tensor.ones(6), a, "a copy of the view is independent");
    }

    @Test
    void permuteReordersAxes() {
        Tensor p = B.permute(2, 0, 1);                          // [4, 2, 3]: p[k, i, j] = B[i, j, k]
        assertArrayEquals(new int[] {4, 2, 3}, p.shape());
        assertEquals(B.get(1, 2, 3), p.get(3, 1, 2));
        assertEquals(t(new double[] {0, 4, 8, 12, 16, 20}, 2, 3), p.rows(0, 1).reshape(2, 3));
        assertEquals(A.transpose(), A.permute(1, 0));
        assertEquals(B.permute(2, 0, 1), B.transpose(-1, 0, 1), "negative axes count from the end");
        assertEquals(B, B.permute(2, 0, 1).permute(1, 2, 0), "the inverse permutation undoes it");
        error("permute: got 2 axes for shape [2, 3, 4]; expected 3, each of 0..2 once", () -> B.permute(1, 0));
        error("permute: axes [0, 2, 0] name axis 0 twice; expected each of 0..2 once for shape [2, 3, 4]",
                () -> B.permute(0, 2, 0));
        error("permute: axis 3 is out of range for a tensor with 3 dimensions; expected -3 <= axis < 3",
                () -> B.permute(0, 1, 3));
    }

    @Test
    void transposeReversesTheAxesOfAnyRank() {
        Tensor r = B.transpose();                               // [4, 3, 2]
        assertArrayEquals(new int[] {4, 3, 2}, r.shape());
        assertEquals(B.get(1, 2, 3), r.get(3, 2, 1));
        assertEquals(Tensor.of(1, 2), Tensor.of(1, 2).transpose());
        assertEquals(Tensor.scalar(5), Tensor.scalar(5).T());
    }

    @Test
    void squeezeAndUnsqueeze() {
        Tensor col = Tensor.of(1, 2, 3).unsqueeze(1);
        assertArrayEquals(new int[] {3, 1}, col.shape());
        assertArrayEquals(new int[] {1, 3}, Tensor.of(1, 2, 3).unsqueeze(0).shape());
        assertArrayEquals(new int[] {3, 1}, Tensor.of(1, 2, 3).unsqueeze(-1).shape());
        assertEquals(Tensor.of(1, 2, 3), col.squeeze(1));
        assertEquals(Tensor.of(1, 2, 3), col.squeeze(-1));
        assertArrayEquals(new int[] {2, 1, 3}, A.unsqueeze(1).shape());
        error("squeeze: axis 0 of shape [3, 1] has size 3; only an axis of size 1 can be removed", () -> col.squeeze(0));
        error("unsqueeze: new axis 3 is out of range for shape [3, 1]; expected -3 <= axis <= 2", () -> col.unsqueeze(3));
        error("unsqueeze: new axis -4 is out of range for shape [3, 1]; expected -3 <= axis <= 2", () -> col.unsqueeze(-4));
    }

    @Test
    void broadcastToRepeatsAlongNewAndSizeOneAxes() {
        assertEquals(t(new double[] {1, 2, 3, 1, 2, 3}, 2, 3), Tensor.of(1, 2, 3).broadcastTo(2, 3));
        assertEquals(t(new double[] {1, 1, 1, 2, 2, 2}, 2, 3), Tensor.of(1, 2).reshape(2, 1).broadcastTo(2, 3));
        assertEquals(Tensor.full(7, 2, 2), Tensor.scalar(7).broadcastTo(2, 2));
        assertEquals(A, A.broadcastTo(2, 3));
        Tensor big = Tensor.of(1, 2).reshape(2, 1, 1).broadcastTo(3, 2, 2, 2);
        assertEquals(2.0, big.get(2, 1, 1, 0));
        assertEquals(1.0, big.get(0, 0, 1, 1));
        error("broadcastTo: cannot broadcast [2, 3] to [3, 3]: dimension 0 is 2 but 3 (aligned from the right); "
                + "each dimension must equal the target's or be 1", () -> A.broadcastTo(3, 3));
        error("broadcastTo: cannot broadcast [2, 3] to [3]: 2 dimensions do not fit in 1; "
                + "each dimension must equal the target's or be 1", () -> A.broadcastTo(3));
    }

    @Test
    void sumToIsTheReverseOfBroadcastTo() {
        assertEquals(Tensor.of(3, 5, 7), A.sumTo(3));
        assertEquals(Tensor.of(3, 12).reshape(2, 1), A.sumTo(2, 1));
        assertEquals(Tensor.scalar(15), A.sumTo());
        assertEquals(Tensor.of(15).reshape(1, 1), A.sumTo(1, 1));
        assertEquals(A, A.sumTo(2, 3));
        assertEquals(B.sum(0).sum(1).reshape(3, 1), B.sumTo(3, 1));
        error("sumTo: cannot sum [2, 3] down to [2]: dimension 0 is 2 but 3 (aligned from the right); "
                + "each target dimension must equal the tensor's or be 1", () -> A.sumTo(2));
        error("sumTo: cannot sum [2, 3] down to [1, 2, 3]: 3 dimensions do not fit in 2; "
                + "each target dimension must equal the tensor's or be 1", () -> A.sumTo(1, 2, 3));
    }

    @Test
    void sumToIsTheAdjointOfBroadcastTo() {
        // <broadcastTo(x), g> = <x, sumTo(g)> for every x and g: what makes sumTo broadcast's backward
        Rng rng = new Rng(3);
        Tensor x = rng.normal(0, 1, 3, 1);
        Tensor g = rng.normal(0, 1, 2, 3, 4);
        assertEquals(x.broadcastTo(2, 3, 4).mul(g).sum(), x.mul(g.sumTo(3, 1)).sum(), 1e-12);
    }

    @Test
    void padSurroundsWithZeros() {
        Tensor p = Tensor.of(1, 2).reshape(1, 2).pad(new int[] {1, 0}, new int[] {0, 2});
        assertEquals(t(new double[] {0, 0, 0, 0, 1, 2, 0, 0}, 2, 4), p);
        Tensor img = Tensor.ones(1, 1, 2, 2).pad(new int[] {0, 0, 1, 1}, new int[] {0, 0, 1, 1});
        assertArrayEquals(new int[] {1, 1, 4, 4}, img.shape());
        assertEquals(4.0, img.sum());
        assertEquals(1.0, img.get(0, 0, 1, 2));
        assertEquals(0.0, img.get(0, 0, 0, 1));
        assertEquals(A, A.pad(new int[] {0, 0}, new int[] {0, 0}));
        error("pad: got 1 before and 2 after widths for shape [2, 3]; expected 2 of each, one per axis",
                () -> A.pad(new int[] {1}, new int[] {1, 1}));
        error("pad: widths must be >= 0, got before [0, -1] and after [0, 0]",
                () -> A.pad(new int[] {0, -1}, new int[] {0, 0}));
    }

    @Test
    void concatJoinsAlongAnAxis() {
        Tensor row = Tensor.of(6, 7, 8).reshape(1, 3);
        assertEquals(t(new double[] {0, 1, 2, 3, 4, 5, 6, 7, 8}, 3, 3), Tensor.concat(0, A, row));
        Tensor col = Tensor.of(9, 9).reshape(2, 1);
        assertEquals(t(new double[] {0, 1, 2, 9, 3, 4, 5, 9}, 2, 4), Tensor.concat(1, A, col));
        assertEquals(t(new double[] {0, 1, 2, 9, 3, 4, 5, 9}, 2, 4), Tensor.concat(-1, A, col));
        assertEquals(Tensor.of(1, 2, 3), Tensor.concat(0, Tensor.of(1), Tensor.of(2, 3)));
        assertEquals(A, Tensor.concat(0, A));
        error("concat: cannot join [2, 3] and [2, 1] along axis 0: dimension 1 is 3 vs 1; every dimension but the axis "
                + "must match", () -> Tensor.concat(0, A, col));
        error("concat: cannot join [2, 3] and [3] along axis 0; expected tensors of the same rank, at least 1",
                () -> Tensor.concat(0, A, Tensor.of(1, 2, 3)));
        error("concat: needs at least one tensor, got none", () -> Tensor.concat(0));
        error("concat: part 1 is null", () -> Tensor.concat(0, A, null));
        error("concat: axis 2 is out of range for a tensor with 2 dimensions; expected -2 <= axis < 2",
                () -> Tensor.concat(2, A, A));
    }

    @Test
    void stackJoinsAlongANewAxis() {
        Tensor a = Tensor.of(1, 2);
        Tensor b = Tensor.of(3, 4);
        assertEquals(t(new double[] {1, 2, 3, 4}, 2, 2), Tensor.stack(0, a, b));
        assertEquals(t(new double[] {1, 3, 2, 4}, 2, 2), Tensor.stack(1, a, b));
        assertEquals(t(new double[] {1, 3, 2, 4}, 2, 2), Tensor.stack(-1, a, b));
        assertArrayEquals(new int[] {2, 3, 2}, Tensor.stack(2, A, A).shape());
        assertEquals(A.get(1, 2), Tensor.stack(2, A, A.neg()).get(1, 2, 0));
        error("stack: cannot stack [2] and [3] (part 1); every tensor must have the same shape",
                () -> Tensor.stack(0, a, Tensor.of(1, 2, 3)));
        error("stack: new axis 2 is out of range for shape [2]; expected -2 <= axis <= 1", () -> Tensor.stack(2, a, b));
    }

    @Test
    void twoDimensionalOnlyOperationsSaySo() {
        error("matmul: cannot multiply [2, 2, 2] by [2, 2]: matmul is 2-d only; both operands must be 1-d or 2-d",
                () -> Tensor.zeros(2, 2, 2).matmul(Tensor.zeros(2, 2)));
        error("cols: expected a 2-d tensor, got shape [2, 3, 4]", B::cols);
        error("col: expected a 2-d tensor, got shape [2, 3, 4]", () -> B.col(0));
        error("toArray2d: expected a 2-d tensor, got shape [2, 3, 4]", B::toArray2d);
    }
}
