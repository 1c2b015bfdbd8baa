package nnlab.tensor;

import java.util.Arrays;

/**
 * The matrix product family behind {@link Tensor#matmul} and its forms: {@code op(a) · op(b)} where op
 * may transpose, into a new tensor, written into {@code out}, or added to {@code out} (BLAS's beta = 1).
 * Products are 2-d only; a 1-d operand is a vector as in numpy.
 */
final class Products {
    private Products() {
    }

    /** op(a)·op(b) as a new tensor; 1-d operands give 1-d (or 0-d) results, as numpy does. */
    static Tensor product(String op, Tensor a, Tensor b, boolean ta, boolean tb) {
        int[] mnk = shape(op, a, b, ta, tb);
        double[] c = new double[mnk[0] * mnk[1]];
        gemm(ta, tb, mnk, a.data(), b.data(), c, false);
        return Tensor.wrap(c, resultShape(a, b, mnk));
    }

    /** op(a)·op(b) written into ({@code accumulate}: added to) {@code out}, which must have the result's shape. */
    static Tensor into(String op, Tensor a, Tensor b, boolean ta, boolean tb, Tensor out, boolean accumulate) {
        int[] mnk = shape(op, a, b, ta, tb);
        Checks.out(op, out, resultShape(a, b, mnk), a, b);
        gemm(ta, tb, mnk, a.data(), b.data(), out.data(), accumulate);
        return out;
    }

    private static int[] resultShape(Tensor a, Tensor b, int[] mnk) {
        boolean vecA = a.rank() == 1;
        boolean vecB = b.rank() == 1;
        return vecA && vecB ? new int[0] : vecA ? new int[] {mnk[1]} : vecB ? new int[] {mnk[0]} : new int[] {mnk[0], mnk[1]};
    }

    /** {m, n, k} of op(a)·op(b), treating 1-d operands as numpy does, or the error naming both shapes. */
    private static int[] shape(String op, Tensor a, Tensor b, boolean ta, boolean tb) {
        int[] sa = a.shapeRef();
        int[] sb = b.shapeRef();
        if (sa.length < 1 || sa.length > 2 || sb.length < 1 || sb.length > 2) {
            throw new IllegalArgumentException(op + ": cannot multiply " + Shapes.str(sa) + " by "
                    + Shapes.str(sb) + ": " + op + " is 2-d only; both operands must be 1-d or 2-d");
        }
        int[] a2 = sa.length == 1 ? new int[] {1, sa[0]} : sa;
        int[] b2 = sb.length == 1 ? new int[] {sb[0], 1} : sb;
        int ka = ta ? a2[0] : a2[1];
        int kb = tb ? b2[1] : b2[0];
        if (ka != kb) {
            throw new IllegalArgumentException(op + ": cannot multiply " + Shapes.str(sa) + " by "
                    + Shapes.str(sb) + ": inner dimensions " + ka + " != " + kb);
        }
        return new int[] {ta ? a2[1] : a2[0], tb ? b2[0] : b2[1], ka};
    }

    private static void gemm(boolean ta, boolean tb, int[] mnk, double[] a, double[] b, double[] c, boolean accumulate) {
        if (mnk[0] == 0 || mnk[1] == 0) {
            return;
        }
        if (mnk[2] == 0) {
            if (!accumulate) {
                Arrays.fill(c, 0);
            }
        } else {
            Blas.gemm(ta, tb, mnk[0], mnk[1], mnk[2], a, b, c, accumulate);
        }
    }

    static double dot(Tensor a, Tensor b) {
        if (a.rank() != 1 || !Arrays.equals(a.shapeRef(), b.shapeRef())) {
            throw new IllegalArgumentException("dot: cannot take the dot product of " + Shapes.str(a.shapeRef()) + " and "
                    + Shapes.str(b.shapeRef()) + ": both must be 1-d of the same length");
        }
        double[] x = a.data();
        double[] y = b.data();
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += x[i] * y[i];
        }
        return s;
    }
}
