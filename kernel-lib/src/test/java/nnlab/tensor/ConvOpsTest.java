package nnlab.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import nnlab.Rng;
import org.junit.jupiter.api.Test;

class ConvOpsTest {
    private static final Tensor X = Tensor.of(1, 2, 3, 4, 5, 6, 7, 8, 9).reshape(1, 1, 3, 3);

    @Test
    void im2colPutsOnePatchInEachColumn() {
        Tensor cols = ConvOps.im2col(X, 2, 2, 1, 0);
        assertEquals(Tensor.of(new double[][] {{1, 2, 4, 5}, {2, 3, 5, 6}, {4, 5, 7, 8}, {5, 6, 8, 9}}), cols);
    }

    @Test
    void im2colWithStrideAndPaddingReadsZerosOutside() {
        // padded 5x5, windows start at rows/columns 0 and 2 of the padded image
        Tensor cols = ConvOps.im2col(X, 2, 2, 2, 1);
        assertEquals(Tensor.of(new double[][] {{0, 0, 0, 5}, {0, 0, 4, 6}, {0, 2, 0, 8}, {1, 3, 7, 9}}), cols);
    }

    @Test
    void im2colOrdersRowsByChannelThenKernelAndColumnsBySampleThenPosition() {
        Tensor x = Tensor.arange(2 * 2 * 2 * 2).reshape(2, 2, 2, 2);     // N=2, C=2, 2x2 images
        Tensor cols = ConvOps.im2col(x, 1, 1, 1, 0);                      // [C, N·H·W]
        assertEquals(Tensor.of(new double[][] {{0, 1, 2, 3, 8, 9, 10, 11}, {4, 5, 6, 7, 12, 13, 14, 15}}), cols);
    }

    @Test
    void col2imIsTheAdjointOfIm2col() {
        // <im2col(x), c> = <x, col2im(c)> for every x and c: col2im is exactly im2col's backward pass
        Rng rng = new Rng(3);
        for (int[] kSP : new int[][] {{3, 1, 0}, {3, 2, 1}, {2, 3, 2}, {1, 1, 0}, {4, 2, 0}}) {
            Tensor x = rng.normal(0, 1, 2, 3, 7, 6);
            Tensor cols = ConvOps.im2col(x, kSP[0], kSP[0], kSP[1], kSP[2]);
            Tensor c = rng.normal(0, 1, cols.shape());
            double lhs = cols.mul(c).sum();
            double rhs = x.mul(ConvOps.col2im(c, x.shape(), kSP[0], kSP[0], kSP[1], kSP[2])).sum();
            assertEquals(lhs, rhs, 1e-10, "kernel, stride, padding " + java.util.Arrays.toString(kSP));
        }
    }

    @Test
    void col2imSumsOverlappingPatches() {
        Tensor ones = Tensor.ones(4, 4);
        assertEquals(Tensor.of(1, 2, 1, 2, 4, 2, 1, 2, 1).reshape(1, 1, 3, 3), ConvOps.col2im(ones, X.shape(), 2, 2, 1, 0));
    }

    @Test
    void largeInputsTakeTheParallelPathWithTheSameResult() {
        Rng rng = new Rng(5);
        Tensor x = rng.normal(0, 1, 20, 4, 30, 30);
        Tensor cols = ConvOps.im2col(x, 3, 3, 1, 1);
        for (int[] at : new int[][] {{0, 0, 0, 0}, {7, 2, 11, 29}, {19, 3, 29, 0}}) {
            int n = at[0], c = at[1], i = at[2], j = at[3];
            // kernel offset (1, 1) of channel c sees x[n, c, i, j] at output position (i, j)
            assertEquals(x.get(n, c, i, j), cols.get((c * 3 + 1) * 3 + 1, (n * 30 + i) * 30 + j));
        }
        Tensor back = ConvOps.col2im(cols, x.shape(), 3, 3, 1, 1);
        assertEquals(x.get(7, 2, 11, 20) * 9, back.get(7, 2, 11, 20), 1e-12, "an inner pixel lies in 9 patches");
    }

    @Test
    void swapAxes01WithAndWithoutABias() {
        Tensor x = Tensor.arange(6).reshape(2, 3);
        assertEquals(Tensor.of(new double[][] {{0, 3}, {1, 4}, {2, 5}}), ConvOps.swapAxes01(x));
        Tensor y = Tensor.arange(8).reshape(2, 2, 2);                       // [A=2, B=2, run 2]
        assertEquals(Tensor.of(0, 1, 4, 5, 2, 3, 6, 7).reshape(2, 2, 2), ConvOps.swapAxes01(y));
        Tensor z = ConvOps.swapAxes01(Tensor.zeros(3, 2, 1, 2), Tensor.of(1, 2, 3));   // [3, 2, 1, 2] -> [2, 3, 1, 2]
        assertEquals(Tensor.of(1, 1, 2, 2, 3, 3, 1, 1, 2, 2, 3, 3).reshape(2, 3, 1, 2), z);
    }

    @Test
    void badGeometryIsNamed() {
        var e = assertThrows(IllegalArgumentException.class, () -> ConvOps.im2col(Tensor.zeros(3, 3), 2, 2, 1, 0));
        assertEquals("im2col: expected x [N, C, H, W], got [3, 3]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ConvOps.im2col(X, 4, 4, 1, 0));
        assertEquals("im2col: kernel 4x4 is larger than the input 3x3 of x [1, 1, 3, 3]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ConvOps.im2col(X, 2, 2, 0, 0));
        assertEquals("im2col: kernel and stride must be >= 1 and padding >= 0, got kernel 2x2, stride 0, padding 0",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ConvOps.col2im(Tensor.zeros(4, 3), X.shape(), 2, 2, 1, 0));
        assertEquals("col2im: input [1, 1, 3, 3] with a 2x2 kernel, stride 1 and padding 0 needs cols [4, 4], got [4, 3]",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ConvOps.swapAxes01(Tensor.zeros(3, 1, 2, 2), Tensor.zeros(2)));
        assertEquals("swapAxes01: x [3, 1, 2, 2] needs bias [3], got [2]", e.getMessage());
    }
}
