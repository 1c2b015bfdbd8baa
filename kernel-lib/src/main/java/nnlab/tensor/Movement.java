package nnlab.tensor;

import java.util.Arrays;

/**
 * Moving values between shapes, for any rank: permuting axes, broadcasting and its reverse, padding,
 * joining. Package-private helpers behind {@link Tensor#permute}, {@link Tensor#broadcastTo},
 * {@link Tensor#sumTo}, {@link Tensor#pad}, {@link Tensor#concat} and {@link Tensor#stack}.
 *
 * <p>Every operation here copies: it walks one side in row-major order and finds the matching
 * position on the other side through per-axis strides (0 for an axis that is broadcast or summed).
 */
final class Movement {
    private Movement() {
    }

    /** Row-major strides of {@code shape}: the distance in the flat array between neighbours on each axis. */
    static int[] strides(int[] shape) {
        int[] st = new int[shape.length];
        int s = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            st[i] = s;
            s *= shape[i];
        }
        return st;
    }

    /**
     * {@code out[k] = src[offset(k)]} for every position k of {@code outShape} in row-major order, where
     * the offset moves by {@code srcStrides[ax]} along axis ax (0 repeats the same value: broadcasting).
     */
    static double[] gather(double[] src, int base, int[] srcStrides, int[] outShape) {
        double[] out = new double[Shapes.size(outShape)];
        int[] idx = new int[outShape.length];
        int off = base;
        for (int k = 0; k < out.length; k++) {
            out[k] = src[off];
            off = next(idx, off, srcStrides, outShape);
        }
        return out;
    }

    /** {@code out[offset(k)] += src[k]} for every position k of {@code srcShape}: summing where strides are 0. */
    static void scatterAdd(double[] src, int[] srcShape, double[] out, int base, int[] outStrides) {
        int[] idx = new int[srcShape.length];
        int off = base;
        for (int k = 0; k < src.length; k++) {
            out[off] += src[k];
            off = next(idx, off, outStrides, srcShape);
        }
    }

    /** Advances the row-major counter {@code idx} over {@code shape} by one and returns the moved offset. */
    private static int next(int[] idx, int off, int[] strides, int[] shape) {
        for (int ax = shape.length - 1; ax >= 0; ax--) {
            idx[ax]++;
            off += strides[ax];
            if (idx[ax] < shape[ax]) {
                return off;
            }
            off -= strides[ax] * shape[ax];
            idx[ax] = 0;
        }
        return off;
    }

    static Tensor permute(Tensor t, int[] axes) {
        int[] shape = t.shapeRef();
        int[] ax = permutation("permute", axes, shape);
        int[] st = strides(shape);
        int[] outShape = new int[ax.length];
        int[] srcStrides = new int[ax.length];
        for (int i = 0; i < ax.length; i++) {
            outShape[i] = shape[ax[i]];
            srcStrides[i] = st[ax[i]];
        }
        return Tensor.wrap(gather(t.data(), 0, srcStrides, outShape), outShape);
    }

    /** The axes normalised (negative ones count from the end), or the error if they are not a permutation. */
    private static int[] permutation(String op, int[] axes, int[] shape) {
        if (axes == null || axes.length != shape.length) {
            throw new IllegalArgumentException(op + ": got " + (axes == null ? "no" : axes.length) + " axes for shape "
                    + Shapes.str(shape) + "; expected " + shape.length + ", each of 0.." + (shape.length - 1) + " once");
        }
        int[] ax = new int[axes.length];
        boolean[] seen = new boolean[axes.length];
        for (int i = 0; i < axes.length; i++) {
            ax[i] = Shapes.axis(op, axes[i], shape.length);
            if (seen[ax[i]]) {
                throw new IllegalArgumentException(op + ": axes " + Arrays.toString(axes) + " name axis " + ax[i]
                        + " twice; expected each of 0.." + (shape.length - 1) + " once for shape " + Shapes.str(shape));
            }
            seen[ax[i]] = true;
        }
        return ax;
    }

    static Tensor broadcastTo(Tensor t, int[] target) {
        int[] shape = t.shapeRef();
        int[] to = Shapes.checked("broadcastTo", target);
        int bad = misfit(shape, to);
        if (bad != FITS) {
            throw new IllegalArgumentException("broadcastTo: cannot broadcast " + Shapes.str(shape) + " to "
                    + Shapes.str(to) + ": " + why(bad, shape, to) + "; each dimension must equal the target's or be 1");
        }
        return Tensor.wrap(gather(t.data(), 0, Shapes.broadcastStrides(shape, to), to), to);
    }

    static Tensor sumTo(Tensor t, int[] target) {
        int[] shape = t.shapeRef();
        int[] to = Shapes.checked("sumTo", target);
        int bad = misfit(to, shape);
        if (bad != FITS) {
            throw new IllegalArgumentException("sumTo: cannot sum " + Shapes.str(shape) + " down to " + Shapes.str(to)
                    + ": " + why(bad, to, shape) + "; each target dimension must equal the tensor's or be 1");
        }
        double[] out = new double[Shapes.size(to)];
        scatterAdd(t.data(), shape, out, 0, Shapes.broadcastStrides(to, shape));
        return Tensor.wrap(out, to);
    }

    private static final int FITS = Integer.MIN_VALUE;
    private static final int TOO_MANY = -1;

    /** FITS when {@code small} broadcasts to {@code big} (numpy's rules), TOO_MANY dimensions, or the bad axis of small. */
    private static int misfit(int[] small, int[] big) {
        if (small.length > big.length) {
            return TOO_MANY;
        }
        int off = big.length - small.length;
        for (int i = 0; i < small.length; i++) {
            if (small[i] != big[i + off] && small[i] != 1) {
                return i;
            }
        }
        return FITS;
    }

    private static String why(int bad, int[] small, int[] big) {
        if (bad == TOO_MANY) {
            return small.length + " dimensions do not fit in " + big.length;
        }
        int off = big.length - small.length;
        return "dimension " + bad + " is " + small[bad] + " but " + big[bad + off] + " (aligned from the right)";
    }

    static Tensor pad(Tensor t, int[] before, int[] after) {
        int[] shape = t.shapeRef();
        if (before == null || after == null || before.length != shape.length || after.length != shape.length) {
            throw new IllegalArgumentException("pad: got " + count(before) + " before and " + count(after)
                    + " after widths for shape " + Shapes.str(shape) + "; expected " + shape.length + " of each, one per axis");
        }
        int[] out = new int[shape.length];
        for (int i = 0; i < shape.length; i++) {
            if (before[i] < 0 || after[i] < 0) {
                throw new IllegalArgumentException("pad: widths must be >= 0, got before " + Arrays.toString(before)
                        + " and after " + Arrays.toString(after));
            }
            out[i] = shape[i] + before[i] + after[i];
        }
        int[] st = strides(out);
        int base = 0;
        for (int i = 0; i < shape.length; i++) {
            base += before[i] * st[i];
        }
        double[] d = new double[Shapes.size(out)];
        scatterAdd(t.data(), shape, d, base, st);      // into zeros: a copy, as every target is hit once
        return Tensor.wrap(d, out);
    }

    private static String count(int[] widths) {
        return widths == null ? "no" : String.valueOf(widths.length);
    }

    static Tensor concat(int axis, Tensor[] parts) {
        requireParts("concat", parts);
        int[] first = parts[0].shapeRef();
        int ax = Shapes.axis("concat", axis, Math.max(first.length, 1));
        int total = 0;
        for (Tensor p : parts) {
            int[] s = p.shapeRef();
            if (first.length == 0 || s.length != first.length) {
                throw new IllegalArgumentException("concat: cannot join " + Shapes.str(first) + " and " + Shapes.str(s)
                        + " along axis " + axis + "; expected tensors of the same rank, at least 1");
            }
            int differs = firstDifference(first, s, ax);
            if (differs >= 0) {
                throw new IllegalArgumentException("concat: cannot join " + Shapes.str(first) + " and " + Shapes.str(s)
                        + " along axis " + axis + ": dimension " + differs + " is " + first[differs] + " vs " + s[differs]
                        + "; every dimension but the axis must match");
            }
            total += s[ax];
        }
        int[] out = first.clone();
        out[ax] = total;
        int outer = 1;
        for (int i = 0; i < ax; i++) {
            outer *= first[i];
        }
        double[] d = new double[Shapes.size(out)];
        int rowOut = d.length / Math.max(outer, 1);
        int at = 0;
        for (Tensor p : parts) {
            int block = p.size() / Math.max(outer, 1);
            for (int o = 0; o < outer; o++) {
                System.arraycopy(p.data(), o * block, d, o * rowOut + at, block);
            }
            at += block;
        }
        return Tensor.wrap(d, out);
    }

    private static int firstDifference(int[] a, int[] b, int except) {
        for (int i = 0; i < a.length; i++) {
            if (i != except && a[i] != b[i]) {
                return i;
            }
        }
        return -1;
    }

    static Tensor stack(int axis, Tensor[] parts) {
        requireParts("stack", parts);
        int[] first = parts[0].shapeRef();
        int ax = Shapes.newAxis("stack", axis, first);
        Tensor[] lifted = new Tensor[parts.length];
        for (int i = 0; i < parts.length; i++) {
            if (!Arrays.equals(parts[i].shapeRef(), first)) {
                throw new IllegalArgumentException("stack: cannot stack " + Shapes.str(first) + " and "
                        + Shapes.str(parts[i].shapeRef()) + " (part " + i + "); every tensor must have the same shape");
            }
            lifted[i] = parts[i].unsqueeze(ax);
        }
        return concat(ax, lifted);
    }

    private static void requireParts(String op, Tensor[] parts) {
        if (parts == null || parts.length == 0) {
            throw new IllegalArgumentException(op + ": needs at least one tensor, got none");
        }
        for (int i = 0; i < parts.length; i++) {
            if (parts[i] == null) {
                throw new IllegalArgumentException(op + ": part " + i + " is null");
            }
        }
    }

    /** numpy's {@code .T} for N dimensions: axis i becomes axis N-1-i. */
    static Tensor reverseAxes(Tensor t) {
        int[] reversed = new int[t.rank()];
        for (int i = 0; i < reversed.length; i++) {
            reversed[i] = reversed.length - 1 - i;
        }
        return permute(t, reversed);
    }

    static Tensor transpose2d(Tensor t) {
        int n = t.shape(0);
        int m = t.shape(1);
        double[] src = t.data();
        double[] d = new double[src.length];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                d[j * n + i] = src[i * m + j];
            }
        }
        return Tensor.wrap(d, new int[] {m, n});
    }

    static Tensor rows(Tensor t, int from, int to) {
        Checks.rankAtLeast("rows", t, 1);
        int[] shape = t.shapeRef();
        if (from < 0 || to > shape[0] || from > to) {
            throw new IndexOutOfBoundsException("rows: range [" + from + ", " + to + ") is outside [0, " + shape[0]
                    + "] for shape " + Shapes.str(shape));
        }
        int stride = t.size() / Math.max(1, shape[0]);
        int[] s = shape.clone();
        s[0] = to - from;
        return Tensor.wrap(Arrays.copyOfRange(t.data(), from * stride, to * stride), s);
    }

    static Tensor col(Tensor t, int j) {
        Checks.rank("col", t, 2);
        int[] shape = t.shapeRef();
        if (j < 0 || j >= shape[1]) {
            throw new IndexOutOfBoundsException("col: column " + j + " is outside [0, " + shape[1]
                    + ") for shape " + Shapes.str(shape));
        }
        double[] src = t.data();
        double[] d = new double[shape[0]];
        for (int i = 0; i < d.length; i++) {
            d[i] = src[i * shape[1] + j];
        }
        return Tensor.wrap(d, new int[] {shape[0]});
    }

    static Tensor take(Tensor t, int[] indices, Tensor out) {
        Checks.rankAtLeast("take", t, 1);
        int[] shape = t.shapeRef();
        int[] s = shape.clone();
        s[0] = indices.length;
        if (out == null || !Arrays.equals(out.shapeRef(), s)) {
            throw new IllegalArgumentException("take: " + indices.length + " rows of " + Shapes.str(shape) + " need out "
                    + Shapes.str(s) + ", got " + (out == null ? "null" : Shapes.str(out.shapeRef())));
        }
        if (out.data() == t.data()) {
            throw new IllegalArgumentException("take: out must not be the tensor rows are taken from");
        }
        for (int i = 0; i < indices.length; i++) {     // all checked first: a bad index leaves out as it was
            if (indices[i] < 0 || indices[i] >= shape[0]) {
                throw new IndexOutOfBoundsException("take: index " + indices[i] + " at position " + i + " is outside [0, "
                        + shape[0] + ") for shape " + Shapes.str(shape));
            }
        }
        int stride = t.size() / Math.max(1, shape[0]);
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(t.data(), indices[i] * stride, out.data(), i * stride, stride);
        }
        return out;
    }
}
