package nnlab.tensor;

import java.util.Arrays;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * A dense, row-major array of doubles with an N-dimensional shape, used like a numpy array.
 *
 * <p>Two dimensions are the workhorse: a batch is {@code [N, features]}. Operations return new
 * tensors and never change their operands; the few methods that write into a tensor say so
 * ({@link #set}, {@link #array()} and the {@code ...InPlace} methods). Element-wise operations
 * broadcast as numpy does: {@code [N, M] + [M]} adds a row to every row, {@code [N, M] + [N, 1]}
 * a column to every column. A shape that does not fit fails at once with the operation, both
 * shapes and the rule.
 *
 * <pre>{@code
 * Tensor x = Tensor.of(new double[][] {{1, 2}, {3, 4}});
 * Tensor y = x.matmul(x.T()).add(1.0);        // [[6, 12], [12, 26]]
 * double m = y.mean();                         // 14.0
 * }</pre>
 */
public final class Tensor {
    private final double[] data;
    private final int[] shape;

    private Tensor(double[] data, int[] shape) {
        this.data = data;
        this.shape = shape;
    }

    // ---------------------------------------------------------------- factories

    /** A 1-d tensor holding a copy of {@code values}. */
    public static Tensor of(double... values) {
        return new Tensor(values.clone(), new int[] {values.length});
    }

    /** A 2-d tensor holding a copy of {@code rows}; every row must have the same length. */
    public static Tensor of(double[][] rows) {
        int n = rows.length;
        int m = n == 0 ? 0 : rows[0].length;
        double[] d = new double[n * m];
        for (int i = 0; i < n; i++) {
            if (rows[i].length != m) {
                throw new IllegalArgumentException("Tensor.of: row " + i + " has " + rows[i].length
                        + " values but row 0 has " + m + "; every row must have the same length");
            }
            System.arraycopy(rows[i], 0, d, i * m, m);
        }
        return new Tensor(d, new int[] {n, m});
    }

    /** A tensor of the given shape holding a copy of {@code data} in row-major order. */
    public static Tensor fromArray(double[] data, int... shape) {
        int[] s = Shapes.checked("Tensor.fromArray", shape);
        if (Shapes.size(s) != data.length) {
            throw new IllegalArgumentException("Tensor.fromArray: " + data.length + " values do not fill shape "
                    + Shapes.str(s) + ", which needs " + Shapes.size(s));
        }
        return new Tensor(data.clone(), s);
    }

    /** A 1-d tensor of the given ints, as doubles (labels, indices). */
    public static Tensor ofInts(int... values) {
        double[] d = new double[values.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = values[i];
        }
        return new Tensor(d, new int[] {d.length});
    }

    /** A 0-d tensor (a scalar). */
    public static Tensor scalar(double value) {
        return new Tensor(new double[] {value}, new int[0]);
    }

    /** A tensor of the given shape filled with 0, e.g. {@code zeros(3, 5)}. */
    public static Tensor zeros(int... shape) {
        int[] s = Shapes.checked("Tensor.zeros", shape);
        return new Tensor(new double[Shapes.size(s)], s);
    }

    /** A tensor of the given shape filled with 1. */
    public static Tensor ones(int... shape) {
        return full(1.0, shape);
    }

    /** A tensor of the given shape filled with {@code value}. */
    public static Tensor full(double value, int... shape) {
        int[] s = Shapes.checked("Tensor.full", shape);
        double[] d = new double[Shapes.size(s)];
        Arrays.fill(d, value);
        return new Tensor(d, s);
    }

    /** {@code n} evenly spaced values from {@code start} to {@code stop}, both included. */
    public static Tensor linspace(double start, double stop, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("Tensor.linspace: n must be >= 0, got " + n);
        }
        double[] d = new double[n];
        double step = n > 1 ? (stop - start) / (n - 1) : 0;
        for (int i = 0; i < n; i++) {
            d[i] = start + i * step;
        }
        if (n > 1) {
            d[n - 1] = stop;
        }
        return new Tensor(d, new int[] {n});
    }

    /** 0, 1, ..., n-1. */
    public static Tensor arange(int n) {
        return arange(0, n, 1);
    }

    /** start, start+step, ... while below {@code stop} (above, for a negative step). */
    public static Tensor arange(double start, double stop, double step) {
        if (step == 0 || !Double.isFinite(step)) {
            throw new IllegalArgumentException("Tensor.arange: step must be finite and non-zero, got " + step);
        }
        int n = (int) Math.max(0, Math.ceil((stop - start) / step));
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = start + i * step;
        }
        return new Tensor(d, new int[] {n});
    }

    /** The n×n identity matrix. */
    public static Tensor eye(int n) {
        Tensor t = zeros(n, n);
        for (int i = 0; i < n; i++) {
            t.data[i * n + i] = 1;
        }
        return t;
    }

    /** Zeros with the shape of {@code other}. */
    public static Tensor zerosLike(Tensor other) {
        return new Tensor(new double[other.data.length], other.shape.clone());
    }

    // ---------------------------------------------------------------- shape and access

    /** A copy of the shape. */
    public int[] shape() {
        return shape.clone();
    }

    /** Size of dimension {@code axis} (negative counts from the end). */
    public int shape(int axis) {
        return shape[Shapes.axis("shape", axis, shape.length)];
    }

    /** Number of dimensions. */
    public int rank() {
        return shape.length;
    }

    /** Number of elements. */
    public int size() {
        return data.length;
    }

    /** Rows of a 2-d tensor (the first dimension of any tensor). */
    public int rows() {
        requireRankAtLeast("rows", 1);
        return shape[0];
    }

    /** Columns of a 2-d tensor. */
    public int cols() {
        requireRank("cols", 2);
        return shape[1];
    }

    /** The element at the given indices, one per dimension. */
    public double get(int... index) {
        return data[offset("get", index)];
    }

    /** Writes {@code value} at the given indices, in place, and returns this tensor. */
    public Tensor set(double value, int... index) {
        data[offset("set", index)] = value;
        return this;
    }

    /** The only value of a one-element tensor. */
    public double item() {
        if (data.length != 1) {
            throw new IllegalStateException("item: tensor of shape " + Shapes.str(shape) + " has " + data.length
                    + " elements; item() needs exactly 1");
        }
        return data[0];
    }

    /** A copy of the values in row-major order. */
    public double[] toArray() {
        return data.clone();
    }

    /** A copy of a 2-d tensor as rows. */
    public double[][] toArray2d() {
        requireRank("toArray2d", 2);
        double[][] out = new double[shape[0]][];
        for (int i = 0; i < shape[0]; i++) {
            out[i] = Arrays.copyOfRange(data, i * shape[1], (i + 1) * shape[1]);
        }
        return out;
    }

    /** The values rounded to ints (labels, indices). */
    public int[] toIntArray() {
        int[] out = new int[data.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (int) Math.round(data[i]);
        }
        return out;
    }

    /**
     * The backing array itself, row-major: writing into it changes this tensor. Optimizers use it to
     * update parameters in place; everywhere else prefer {@link #toArray()}.
     */
    public double[] array() {
        return data;
    }

    /** A copy. */
    public Tensor copy() {
        return new Tensor(data.clone(), shape.clone());
    }

    /**
     * The same values in a new shape; one dimension may be -1 to be inferred. A view, as numpy's reshape
     * of a contiguous array: it shares this tensor's values, so an {@code ...InPlace} change to one shows
     * in the other. Operations never change their operands, so this matters only for in-place writes;
     * {@code reshape(...).copy()} gives independent values.
     */
    public Tensor reshape(int... newShape) {
        return new Tensor(data, Shapes.reshaped(shape, newShape));
    }

    /** All values as one row: shape [size]; a view, as {@link #reshape}. */
    public Tensor flatten() {
        return reshape(-1);
    }

    /**
     * The transpose: a 2-d tensor's rows become columns; for N dimensions the axes are reversed, as numpy's
     * {@code .T} ([2, 3, 4] becomes [4, 3, 2]); 0-d and 1-d tensors are returned unchanged (a copy).
     */
    public Tensor transpose() {
        if (shape.length < 2) {
            return copy();
        }
        if (shape.length > 2) {
            int[] reversed = new int[shape.length];
            for (int i = 0; i < reversed.length; i++) {
                reversed[i] = shape.length - 1 - i;
            }
            return permute(reversed);
        }
        int n = shape[0];
        int m = shape[1];
        double[] d = new double[data.length];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                d[j * n + i] = data[i * m + j];
            }
        }
        return new Tensor(d, new int[] {m, n});
    }

    /** {@link #permute(int...)}: the axes in the given order, as numpy's {@code transpose(axes)}. */
    public Tensor transpose(int... axes) {
        return permute(axes);
    }

    /**
     * A copy with the axes reordered: axis i of the result is axis {@code axes[i]} of this tensor, so
     * {@code [N, H, W, C].permute(0, 3, 1, 2)} is [N, C, H, W]. Negative axes count from the end.
     */
    public Tensor permute(int... axes) {
        return Movement.permute(this, axes);
    }

    /** The same values without axis {@code axis}, which must have size 1: [3, 1].squeeze(1) is [3]. A view. */
    public Tensor squeeze(int axis) {
        int a = Shapes.axis("squeeze", axis, shape.length);
        if (shape[a] != 1) {
            throw new IllegalArgumentException("squeeze: axis " + axis + " of shape " + Shapes.str(shape) + " has size "
                    + shape[a] + "; only an axis of size 1 can be removed");
        }
        int[] s = new int[shape.length - 1];
        for (int i = 0, j = 0; i < shape.length; i++) {
            if (i != a) {
                s[j++] = shape[i];
            }
        }
        return new Tensor(data, s);
    }

    /** The same values with a new axis of size 1 at {@code axis}: [3].unsqueeze(0) is [1, 3]. A view. */
    public Tensor unsqueeze(int axis) {
        int a = Shapes.newAxis("unsqueeze", axis, shape);
        int[] s = new int[shape.length + 1];
        for (int i = 0, j = 0; i < s.length; i++) {
            s[i] = i == a ? 1 : shape[j++];
        }
        return new Tensor(data, s);
    }

    /**
     * A copy expanded to {@code shape} by numpy's broadcasting rules: dimensions are aligned from the right,
     * and each must equal the target's or be 1 (repeated); missing leading ones are added.
     * {@code [3].broadcastTo(2, 3)} repeats the row twice.
     */
    public Tensor broadcastTo(int... shape) {
        return Movement.broadcastTo(this, shape);
    }

    /**
     * The reverse of {@link #broadcastTo}: sums over the axes that broadcasting to this tensor's shape would
     * have expanded, giving {@code shape}. {@code [2, 3].sumTo(3)} sums the rows; {@code .sumTo(2, 1)} sums
     * each row. The backward of a broadcast: if {@code y = x.broadcastTo(s)}, then {@code dx = dy.sumTo(x.shape())}.
     */
    public Tensor sumTo(int... shape) {
        return Movement.sumTo(this, shape);
    }

    /**
     * A copy with zeros added around the values: {@code before[i]} and {@code after[i]} zeros on axis i.
     * {@code x.pad(new int[] {0, 0, 1, 1}, new int[] {0, 0, 1, 1})} pads an [N, C, H, W] image by one pixel.
     */
    public Tensor pad(int[] before, int[] after) {
        return Movement.pad(this, before, after);
    }

    /** The parts joined along {@code axis}; every other dimension must match: concat(0, [2, 3], [1, 3]) is [3, 3]. */
    public static Tensor concat(int axis, Tensor... parts) {
        return Movement.concat(axis, parts);
    }

    /** Equal-shaped parts joined along a new axis at {@code axis}: stack(0, [3], [3]) is [2, 3]. */
    public static Tensor stack(int axis, Tensor... parts) {
        return Movement.stack(axis, parts);
    }

    /** Short for {@link #transpose()}. */
    public Tensor T() {
        return transpose();
    }

    /** Rows {@code [from, to)} along the first dimension. */
    public Tensor rows(int from, int to) {
        requireRankAtLeast("rows", 1);
        if (from < 0 || to > shape[0] || from > to) {
            throw new IndexOutOfBoundsException("rows: range [" + from + ", " + to + ") is outside [0, " + shape[0]
                    + "] for shape " + Shapes.str(shape));
        }
        int stride = data.length / Math.max(1, shape[0]);
        int[] s = shape.clone();
        s[0] = to - from;
        return new Tensor(Arrays.copyOfRange(data, from * stride, to * stride), s);
    }

    /** Row {@code i} of a 2-d tensor as a 1-d tensor (a sub-tensor for higher ranks). */
    public Tensor row(int i) {
        Tensor r = rows(i, i + 1);
        return new Tensor(r.data, Arrays.copyOfRange(shape, 1, shape.length));
    }

    /** Column {@code j} of a 2-d tensor as a 1-d tensor. */
    public Tensor col(int j) {
        requireRank("col", 2);
        if (j < 0 || j >= shape[1]) {
            throw new IndexOutOfBoundsException("col: column " + j + " is outside [0, " + shape[1]
                    + ") for shape " + Shapes.str(shape));
        }
        double[] d = new double[shape[0]];
        for (int i = 0; i < d.length; i++) {
            d[i] = data[i * shape[1] + j];
        }
        return new Tensor(d, new int[] {shape[0]});
    }

    /** The rows (first-dimension entries) at the given indices, in that order; repeats allowed. */
    public Tensor take(int[] indices) {
        requireRankAtLeast("take", 1);
        int[] s = shape.clone();
        s[0] = indices.length;
        return take(indices, new Tensor(new double[Shapes.size(s)], s));
    }

    /**
     * {@link #take(int[])} written into {@code out}, whose shape must be {@code [indices.length, ...]}
     * (numpy's {@code np.take(a, indices, axis=0, out=out)}). A training loop that gathers every batch
     * into the same tensor saves allocating and zeroing a new one per step. Returns out.
     */
    public Tensor take(int[] indices, Tensor out) {
        requireRankAtLeast("take", 1);
        int[] s = shape.clone();
        s[0] = indices.length;
        if (out == null || !Arrays.equals(out.shape, s)) {
            throw new IllegalArgumentException("take: " + indices.length + " rows of " + Shapes.str(shape) + " need out "
                    + Shapes.str(s) + ", got " + (out == null ? "null" : Shapes.str(out.shape)));
        }
        if (out.data == data) {
            throw new IllegalArgumentException("take: out must not be the tensor rows are taken from");
        }
        for (int i = 0; i < indices.length; i++) {     // all checked first: a bad index leaves out as it was
            if (indices[i] < 0 || indices[i] >= shape[0]) {
                throw new IndexOutOfBoundsException("take: index " + indices[i] + " at position " + i + " is outside [0, "
                        + shape[0] + ") for shape " + Shapes.str(shape));
            }
        }
        int stride = data.length / Math.max(1, shape[0]);
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(data, indices[i] * stride, out.data, i * stride, stride);
        }
        return out;
    }

    // ---------------------------------------------------------------- element-wise

    /** {@code this + o} element-wise, broadcasting as numpy does ([N, M] + [M] adds to every row). */
    public Tensor add(Tensor o) {
        return zip("add", o, Double::sum);
    }

    /** {@code this - o} element-wise, broadcasting as numpy does. */
    public Tensor sub(Tensor o) {
        return zip("sub", o, (a, b) -> a - b);
    }

    /** {@code this * o} element-wise (not the matrix product: see {@link #matmul}), broadcasting as numpy does. */
    public Tensor mul(Tensor o) {
        return zip("mul", o, (a, b) -> a * b);
    }

    /** {@code this / o} element-wise, broadcasting as numpy does. */
    public Tensor div(Tensor o) {
        return zip("div", o, (a, b) -> a / b);
    }

    /** Element-wise maximum of two tensors (broadcast). */
    public Tensor maximum(Tensor o) {
        return zip("maximum", o, Math::max);
    }

    /** Element-wise minimum of two tensors (broadcast). */
    public Tensor minimum(Tensor o) {
        return zip("minimum", o, Math::min);
    }

    /** {@code this + v} for every value. */
    public Tensor add(double v) {
        return map(a -> a + v);
    }

    /** {@code this - v} for every value. */
    public Tensor sub(double v) {
        return map(a -> a - v);
    }

    /** {@code this * v} for every value. */
    public Tensor mul(double v) {
        return map(a -> a * v);
    }

    /** {@code this / v} for every value. */
    public Tensor div(double v) {
        return map(a -> a / v);
    }

    /** {@code -x}. */
    public Tensor neg() {
        return map(a -> -a);
    }

    /** {@code e^x} element-wise. */
    public Tensor exp() {
        return map(Math::exp);
    }

    /** Natural logarithm; log(0) is -Infinity, as in numpy. */
    public Tensor log() {
        return map(Math::log);
    }

    /** The hyperbolic tangent element-wise (within 3e-16 of {@link Math#tanh}, several times faster). */
    public Tensor tanh() {
        double[] d = new double[data.length];
        Kernels.tanh(data, d);
        return new Tensor(d, shape.clone());
    }

    /** The square root element-wise (NaN for negative values, as in numpy). */
    public Tensor sqrt() {
        return map(Math::sqrt);
    }

    /** {@code |x|} element-wise. */
    public Tensor abs() {
        return map(Math::abs);
    }

    /** {@code x^p} element-wise. */
    public Tensor pow(double p) {
        return p == 2 ? map(a -> a * a) : map(a -> Math.pow(a, p));
    }

    /** Values limited to {@code [lo, hi]}. */
    public Tensor clip(double lo, double hi) {
        if (!(lo <= hi)) {
            throw new IllegalArgumentException("clip: lo must be <= hi, got lo=" + lo + ", hi=" + hi);
        }
        return map(a -> a < lo ? lo : (a > hi ? hi : a));
    }

    /** {@code f} applied to every value. */
    public Tensor map(DoubleUnaryOperator f) {
        double[] d = new double[data.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = f.applyAsDouble(data[i]);
        }
        return new Tensor(d, shape.clone());
    }

    /** 1 where {@code x > v}, else 0. */
    public Tensor gt(double v) {
        return map(a -> a > v ? 1 : 0);
    }

    /** 1 where {@code x < v}, else 0. */
    public Tensor lt(double v) {
        return map(a -> a < v ? 1 : 0);
    }

    /** 1 where {@code x == v}, else 0. */
    public Tensor eq(double v) {
        return map(a -> a == v ? 1 : 0);
    }

    /** 1 where {@code this > o} (broadcast), else 0. */
    public Tensor gt(Tensor o) {
        return zip("gt", o, (a, b) -> a > b ? 1 : 0);
    }

    /** 1 where {@code this < o} (broadcast), else 0. */
    public Tensor lt(Tensor o) {
        return zip("lt", o, (a, b) -> a < b ? 1 : 0);
    }

    /** 1 where {@code this == o} (broadcast), else 0: {@code pred.eq(y).mean()} is an accuracy. */
    public Tensor eq(Tensor o) {
        return zip("eq", o, (a, b) -> a == b ? 1 : 0);
    }

    /** {@code f(x, o)} element-wise, broadcasting as numpy does; {@code op} names it in errors. */
    public Tensor zip(String op, Tensor o, DoubleBinaryOperator f) {
        if (Arrays.equals(shape, o.shape)) {
            double[] d = new double[data.length];
            for (int i = 0; i < d.length; i++) {
                d[i] = f.applyAsDouble(data[i], o.data[i]);
            }
            return new Tensor(d, shape.clone());
        }
        int[] out = Shapes.broadcast(op, shape, o.shape);
        double[] d = new double[Shapes.size(out)];
        if (o.data.length == 1 && out.length == shape.length) {
            double b = o.data[0];
            for (int i = 0; i < d.length; i++) {
                d[i] = f.applyAsDouble(data[i], b);
            }
        } else {
            broadcastInto(d, out, o, f);
        }
        return new Tensor(d, out);
    }

    private void broadcastInto(double[] d, int[] out, Tensor o, DoubleBinaryOperator f) {
        int[] sa = Shapes.broadcastStrides(shape, out);
        int[] sb = Shapes.broadcastStrides(o.shape, out);
        int[] idx = new int[out.length];
        int ia = 0;
        int ib = 0;
        for (int k = 0; k < d.length; k++) {
            d[k] = f.applyAsDouble(data[ia], o.data[ib]);
            for (int ax = out.length - 1; ax >= 0; ax--) {
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

    // ---------------------------------------------------------------- in place (for optimizers)

    /** {@code this += alpha * x}, in place; shapes must be equal. Returns this. */
    public Tensor addScaledInPlace(double alpha, Tensor x) {
        requireSameShape("addScaledInPlace", x);
        for (int i = 0; i < data.length; i++) {
            data[i] += alpha * x.data[i];
        }
        return this;
    }

    /** {@code this *= v}, in place. Returns this. */
    public Tensor mulInPlace(double v) {
        for (int i = 0; i < data.length; i++) {
            data[i] *= v;
        }
        return this;
    }

    /** Copies {@code x}'s values into this tensor, in place; shapes must be equal. Returns this. */
    public Tensor copyFromInPlace(Tensor x) {
        requireSameShape("copyFromInPlace", x);
        System.arraycopy(x.data, 0, data, 0, data.length);
        return this;
    }

    /** Sets every value to {@code v}, in place. Returns this. */
    public Tensor fillInPlace(double v) {
        Arrays.fill(data, v);
        return this;
    }

    // ---------------------------------------------------------------- linear algebra

    /**
     * Matrix product {@code this · o}: [n, k] · [k, m] → [n, m]. A 1-d operand is a vector as in
     * numpy: [k] · [k, m] → [m] and [n, k] · [k] → [n]. Runs on BLAS.
     */
    public Tensor matmul(Tensor o) {
        return matmul(o, false, false, "matmul");
    }

    /** {@code thisᵀ · o} without forming the transpose: [k, n]ᵀ · [k, m] → [n, m]. */
    public Tensor transposeMatmul(Tensor o) {
        return matmul(o, true, false, "transposeMatmul");
    }

    /** {@code this · oᵀ} without forming the transpose: [n, k] · [m, k]ᵀ → [n, m]. */
    public Tensor matmulTranspose(Tensor o) {
        return matmul(o, false, true, "matmulTranspose");
    }

    /**
     * {@code this = aᵀ · b}, written into this tensor's own array: [k, n]ᵀ · [k, m] → this [n, m]. For
     * gradients that are recomputed every step (a Linear layer's dW), where a new array per step costs
     * as much memory traffic as the product itself. Returns this.
     */
    public Tensor transposeMatmulInPlace(Tensor a, Tensor b) {
        int[] mnk = a.productShape(b, true, false, "transposeMatmulInPlace");
        if (shape.length != 2 || shape[0] != mnk[0] || shape[1] != mnk[1]) {
            throw new IllegalArgumentException("transposeMatmulInPlace: the product of " + Shapes.str(a.shape) + "ᵀ and "
                    + Shapes.str(b.shape) + " is [" + mnk[0] + ", " + mnk[1] + "] but this tensor is " + Shapes.str(shape));
        }
        product(true, false, mnk, a.data, b.data, data);
        return this;
    }

    private Tensor matmul(Tensor o, boolean ta, boolean tb, String op) {
        int[] mnk = productShape(o, ta, tb, op);
        double[] c = new double[mnk[0] * mnk[1]];
        product(ta, tb, mnk, data, o.data, c);
        boolean vecA = shape.length == 1;
        boolean vecB = o.shape.length == 1;
        int m = mnk[0];
        int n = mnk[1];
        int[] s = vecA && vecB ? new int[0] : vecA ? new int[] {n} : vecB ? new int[] {m} : new int[] {m, n};
        return new Tensor(c, s);
    }

    /** {m, n, k} of op(this)·op(o), treating 1-d operands as numpy does, or the error naming both shapes. */
    private int[] productShape(Tensor o, boolean ta, boolean tb, String op) {
        if (shape.length < 1 || shape.length > 2 || o.shape.length < 1 || o.shape.length > 2) {
            throw new IllegalArgumentException(op + ": cannot multiply " + Shapes.str(shape) + " by "
                    + Shapes.str(o.shape) + ": " + op + " is 2-d only; both operands must be 1-d or 2-d");
        }
        int[] a2 = shape.length == 1 ? new int[] {1, shape[0]} : shape;
        int[] b2 = o.shape.length == 1 ? new int[] {o.shape[0], 1} : o.shape;
        int ka = ta ? a2[0] : a2[1];
        int kb = tb ? b2[1] : b2[0];
        if (ka != kb) {
            throw new IllegalArgumentException(op + ": cannot multiply " + Shapes.str(shape) + " by "
                    + Shapes.str(o.shape) + ": inner dimensions " + ka + " != " + kb);
        }
        return new int[] {ta ? a2[1] : a2[0], tb ? b2[0] : b2[1], ka};
    }

    private static void product(boolean ta, boolean tb, int[] mnk, double[] a, double[] b, double[] c) {
        if (mnk[0] == 0 || mnk[1] == 0) {
            return;
        }
        if (mnk[2] == 0) {
            Arrays.fill(c, 0);
        } else {
            Blas.gemm(ta, tb, mnk[0], mnk[1], mnk[2], a, b, c);
        }
    }

    /** Dot product of two 1-d tensors of equal length. */
    public double dot(Tensor o) {
        if (shape.length != 1 || !Arrays.equals(shape, o.shape)) {
            throw new IllegalArgumentException("dot: cannot take the dot product of " + Shapes.str(shape) + " and "
                    + Shapes.str(o.shape) + ": both must be 1-d of the same length");
        }
        double s = 0;
        for (int i = 0; i < data.length; i++) {
            s += data[i] * o.data[i];
        }
        return s;
    }

    /** Euclidean (Frobenius) norm of all values. */
    public double norm() {
        double s = 0;
        for (double v : data) {
            s += v * v;
        }
        return Math.sqrt(s);
    }

    // ---------------------------------------------------------------- reductions

    /** The sum of all values. */
    public double sum() {
        double s = 0;
        for (double v : data) {
            s += v;
        }
        return s;
    }

    /** The mean of all values. */
    public double mean() {
        requireNonEmpty("mean");
        return sum() / data.length;
    }

    /** The largest value. */
    public double max() {
        requireNonEmpty("max");
        double m = Double.NEGATIVE_INFINITY;
        for (double v : data) {
            m = Math.max(m, v);
        }
        return m;
    }

    /** The smallest value. */
    public double min() {
        requireNonEmpty("min");
        double m = Double.POSITIVE_INFINITY;
        for (double v : data) {
            m = Math.min(m, v);
        }
        return m;
    }

    /** Population standard deviation of all values (numpy's default, ddof = 0). */
    public double std() {
        double mu = mean();
        double s = 0;
        for (double v : data) {
            s += (v - mu) * (v - mu);
        }
        return Math.sqrt(s / data.length);
    }

    /** Flat index of the largest value (the first one on ties). */
    public int argmax() {
        requireNonEmpty("argmax");
        int best = 0;
        for (int i = 1; i < data.length; i++) {
            if (data[i] > data[best]) {
                best = i;
            }
        }
        return best;
    }

    /** Flat index of the smallest value (the first one on ties). */
    public int argmin() {
        requireNonEmpty("argmin");
        int best = 0;
        for (int i = 1; i < data.length; i++) {
            if (data[i] < data[best]) {
                best = i;
            }
        }
        return best;
    }

    /** Sums along {@code axis}, which disappears: [N, M].sum(0) is [M], .sum(1) is [N]. */
    public Tensor sum(int axis) {
        return Reduce.along(this, "sum", axis, false, Reduce.SUM);
    }

    /** Sums along {@code axis}; with {@code keepDims} it stays with size 1 ([N, M].sum(1, true) is [N, 1]). */
    public Tensor sum(int axis, boolean keepDims) {
        return Reduce.along(this, "sum", axis, keepDims, Reduce.SUM);
    }

    /** Means along {@code axis}, which disappears. */
    public Tensor mean(int axis) {
        return mean(axis, false);
    }

    /** Means along {@code axis}; with {@code keepDims} it stays with size 1. */
    public Tensor mean(int axis, boolean keepDims) {
        return Reduce.along(this, "mean", axis, keepDims, Reduce.MEAN);
    }

    /** Largest values along {@code axis}, which disappears. */
    public Tensor max(int axis) {
        return max(axis, false);
    }

    /** Largest values along {@code axis}; with {@code keepDims} it stays with size 1 (for a stable softmax). */
    public Tensor max(int axis, boolean keepDims) {
        return Reduce.along(this, "max", axis, keepDims, Reduce.MAX);
    }

    /** Smallest values along {@code axis}, which disappears. */
    public Tensor min(int axis) {
        return min(axis, false);
    }

    /** Smallest values along {@code axis}; with {@code keepDims} it stays with size 1. */
    public Tensor min(int axis, boolean keepDims) {
        return Reduce.along(this, "min", axis, keepDims, Reduce.MIN);
    }

    /** Population standard deviation along {@code axis}. */
    public Tensor std(int axis) {
        return std(axis, false);
    }

    /** Population standard deviation along {@code axis}; with {@code keepDims} it stays with size 1. */
    public Tensor std(int axis, boolean keepDims) {
        return Reduce.along(this, "std", axis, keepDims, Reduce.STD);
    }

    /** Index of the largest value along {@code axis}, as doubles (e.g. class labels from scores). */
    public Tensor argmax(int axis) {
        return Reduce.along(this, "argmax", axis, false, Reduce.ARGMAX);
    }

    // ---------------------------------------------------------------- comparison and checks

    /** True when the shapes are equal and every pair of values differs by at most {@code tol}. */
    public boolean allClose(Tensor o, double tol) {
        requireSameShape("allClose", o);
        return maxAbsDiff(o) <= tol;
    }

    /** Largest absolute difference between corresponding values; shapes must be equal. */
    public double maxAbsDiff(Tensor o) {
        requireSameShape("maxAbsDiff", o);
        double m = 0;
        for (int i = 0; i < data.length; i++) {
            double diff = Math.abs(data[i] - o.data[i]);
            if (Double.isNaN(diff)) {
                return Double.NaN;
            }
            m = Math.max(m, diff);
        }
        return m;
    }

    /** True when no value is NaN or infinite. */
    public boolean isFinite() {
        for (double v : data) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Throws when a value is NaN or infinite, naming {@code what} and the first bad position;
     * returns this tensor so it can be chained.
     */
    public Tensor requireFinite(String what) {
        for (int i = 0; i < data.length; i++) {
            if (!Double.isFinite(data[i])) {
                throw new IllegalArgumentException(what + ": value at " + Arrays.toString(unravel(i)) + " is "
                        + data[i] + "; expected finite numbers (shape " + Shapes.str(shape) + ")");
            }
        }
        return this;
    }

    /** Throws unless this tensor has exactly {@code expected} as its shape; -1 matches any size. */
    public Tensor requireShape(String what, int... expected) {
        boolean ok = expected.length == shape.length;
        for (int i = 0; ok && i < expected.length; i++) {
            ok = expected[i] == -1 || expected[i] == shape[i];
        }
        if (!ok) {
            throw new IllegalArgumentException(what + ": expected shape " + Shapes.str(expected).replace("-1", "*")
                    + ", got " + Shapes.str(shape));
        }
        return this;
    }

    /** Same shape and values, to the bit. */
    @Override
    public boolean equals(Object obj) {
        return obj instanceof Tensor t && Arrays.equals(shape, t.shape) && Arrays.equals(data, t.data);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data);
    }

    /** numpy-like text: nested brackets, 6 decimals, elided with "..." when large, then the shape. */
    @Override
    public String toString() {
        return TensorFormat.format(data, shape);
    }

    // ---------------------------------------------------------------- helpers

    int[] unravel(int flat) {
        int[] idx = new int[shape.length];
        for (int i = shape.length - 1; i >= 0; i--) {
            idx[i] = shape[i] == 0 ? 0 : flat % shape[i];
            flat = shape[i] == 0 ? 0 : flat / shape[i];
        }
        return idx;
    }

    private int offset(String op, int[] index) {
        if (index.length != shape.length) {
            throw new IllegalArgumentException(op + ": got " + index.length + " ind" + (index.length == 1 ? "ex" : "ices")
                    + " for a tensor of shape " + Shapes.str(shape) + "; expected " + shape.length);
        }
        int off = 0;
        for (int i = 0; i < index.length; i++) {
            if (index[i] < 0 || index[i] >= shape[i]) {
                throw new IndexOutOfBoundsException(op + ": index " + Arrays.toString(index) + " is out of bounds for shape "
                        + Shapes.str(shape) + " (dimension " + i + " has size " + shape[i] + ")");
            }
            off = off * shape[i] + index[i];
        }
        return off;
    }

    private void requireRank(String op, int rank) {
        if (shape.length != rank) {
            throw new IllegalArgumentException(op + ": expected a " + rank + "-d tensor, got shape " + Shapes.str(shape));
        }
    }

    private void requireRankAtLeast(String op, int rank) {
        if (shape.length < rank) {
            throw new IllegalArgumentException(op + ": expected a tensor with at least " + rank + " dimension"
                    + (rank == 1 ? "" : "s") + ", got shape " + Shapes.str(shape));
        }
    }

    private void requireNonEmpty(String op) {
        if (data.length == 0) {
            throw new IllegalStateException(op + ": tensor of shape " + Shapes.str(shape) + " is empty");
        }
    }

    private void requireSameShape(String op, Tensor o) {
        if (!Arrays.equals(shape, o.shape)) {
            throw new IllegalArgumentException(op + ": shapes differ: " + Shapes.str(shape) + " vs " + Shapes.str(o.shape)
                    + "; expected equal shapes");
        }
    }

    static Tensor wrap(double[] data, int[] shape) {
        return new Tensor(data, shape);
    }

    double[] data() {
        return data;
    }

    int[] shapeRef() {
        return shape;
    }
}
