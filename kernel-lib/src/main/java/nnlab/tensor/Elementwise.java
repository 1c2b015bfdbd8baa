package nnlab.tensor;

import java.util.Arrays;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * Element-wise loops behind {@link Tensor}'s {@code map}, {@code zip} (numpy broadcasting) and its
 * {@code ...InPlace} methods. Package-private: the loops run over the backing arrays directly.
 */
final class Elementwise {
    private Elementwise() {
    }

    // Each loop is its own small method so that the JIT inlines it into the operation that calls it and,
    // knowing that operation's lambda, inlines the lambda too: one shared loop would call every lambda
    // of the library through one (megamorphic) call site, several times slower.

    static Tensor map(Tensor t, DoubleUnaryOperator f) {
        double[] src = t.data();
        double[] d = new double[src.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = f.applyAsDouble(src[i]);
        }
        return Tensor.wrap(d, t.shape());
    }

    /** {@code f(a, b)} for operands of the same shape. */
    static Tensor zipSame(Tensor a, Tensor b, DoubleBinaryOperator f) {
        double[] x = a.data();
        double[] y = b.data();
        double[] d = new double[x.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = f.applyAsDouble(x[i], y[i]);
        }
        return Tensor.wrap(d, a.shape());
    }

    /** {@code f(a, b)} for shapes that differ, broadcast as numpy does. */
    static Tensor zipBroadcast(Tensor a, String op, Tensor b, DoubleBinaryOperator f) {
        int[] out = Shapes.broadcast(op, a.shapeRef(), b.shapeRef());
        double[] d = new double[Shapes.size(out)];
        if (b.size() == 1 && out.length == a.rank()) {
            double v = b.data()[0];
            double[] x = a.data();
            for (int i = 0; i < d.length; i++) {
                d[i] = f.applyAsDouble(x[i], v);
            }
        } else if (d.length > 0) {
            broadcastInto(d, out, a, b, f);
        }
        return Tensor.wrap(d, out);
    }

    /**
     * {@code d[k] = f(a[.], b[.])} over the broadcast shape {@code out}: an inner loop along the last axis
     * with each operand's stride there (0 where it is broadcast), and an odometer over the other axes.
     */
    private static void broadcastInto(double[] d, int[] out, Tensor a, Tensor b, DoubleBinaryOperator f) {
        int[] sa = Shapes.broadcastStrides(a.shapeRef(), out);
        int[] sb = Shapes.broadcastStrides(b.shapeRef(), out);
        double[] x = a.data();
        double[] y = b.data();
        int last = out.length - 1;
        int n = out[last];
        int stepA = sa[last];
        int stepB = sb[last];
        int[] idx = new int[out.length];
        int ia = 0;
        int ib = 0;
        for (int k = 0; k < d.length; k += n) {
            for (int j = 0; j < n; j++) {
                d[k + j] = f.applyAsDouble(x[ia + j * stepA], y[ib + j * stepB]);
            }
            for (int ax = last - 1; ax >= 0; ax--) {
                idx[ax]++;
                ia += sa[ax];
                ib += sb[ax];
                if (idx[ax] < out[ax]) {
                    break;
                }
                ia -= sa[ax] * out[ax];
                ib -= sb[ax] * out[ax];
                idx[ax] = 0;
            }
        }
    }

    /** {@code t += o}, o broadcast to t's shape (which must be the broadcast of both). */
    static Tensor addInPlace(Tensor t, Tensor o) {
        double[] d = t.data();
        double[] v = o.data();
        int[] shape = t.shapeRef();
        int[] out = Shapes.broadcast("addInPlace", shape, o.shapeRef());
        if (!Arrays.equals(out, shape)) {
            throw new IllegalArgumentException("addInPlace: cannot add " + Shapes.str(o.shapeRef()) + " into "
                    + Shapes.str(shape) + " in place: the result would be " + Shapes.str(out)
                    + "; the operand must broadcast to the receiver's shape");
        }
        if (v.length == d.length) {
            for (int i = 0; i < d.length; i++) {
                d[i] += v[i];
            }
        } else if (v.length > 0 && isTrailing(o.shapeRef(), shape)) {  // [N, M] += [M]: a row added to every row
            for (int row = 0; row < d.length; row += v.length) {
                for (int j = 0; j < v.length; j++) {
                    d[row + j] += v[j];
                }
            }
        } else if (v.length > 0) {
            double[] b = Movement.broadcastTo(o, shape).data();
            for (int i = 0; i < d.length; i++) {
                d[i] += b[i];
            }
        }
        return t;
    }

    /** True when {@code small} equals the last dimensions of {@code big}. */
    private static boolean isTrailing(int[] small, int[] big) {
        int off = big.length - small.length;
        for (int i = 0; i < small.length; i++) {
            if (small[i] != big[i + off]) {
                return false;
            }
        }
        return true;
    }

    static Tensor addScaledInPlace(Tensor t, double alpha, Tensor x) {
        Checks.sameShape("addScaledInPlace", t, x);
        double[] d = t.data();
        double[] v = x.data();
        for (int i = 0; i < d.length; i++) {
            d[i] += alpha * v[i];
        }
        return t;
    }

    static Tensor mulInPlace(Tensor t, double v) {
        double[] d = t.data();
        for (int i = 0; i < d.length; i++) {
            d[i] *= v;
        }
        return t;
    }

    static Tensor mapInPlace(Tensor t, DoubleUnaryOperator f) {
        double[] d = t.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = f.applyAsDouble(d[i]);
        }
        return t;
    }
}
