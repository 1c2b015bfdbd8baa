package nnlab.tensor;

import java.util.Arrays;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * A dense, row-major array of doubles with an N-dimensional shape, used like a numpy array.
 *
 * <p>Two dimensions are the workhorse: a batch is {@code [N, features]}; the movement operations
 * ({@link #reshape}, {@link #permute}, {@link #broadcastTo}, {@link #sumTo}, {@link #pad}, {@link #concat},
 * {@link #stack}) work for any rank. Element-wise operations broadcast as numpy does: {@code [N, M] + [M]}
 * adds a row to every row, {@code [N, M] + [N, 1]} a column to every column. A shape that does not fit
 * fails at once with the operation, both shapes and the rule.
 *
 * <p>Writing into an existing tensor follows one convention, as EJML's does. Operations return new
 * tensors and never change their operands, except:
 * <ul>
 *   <li>a method that changes its <em>receiver</em> ends in {@code InPlace} and returns {@code this}:
 *       {@code g.addInPlace(dg)}, {@code p.addScaledInPlace(-lr, g)}, {@code fillInPlace(0)} (and
 *       {@link #set}, numpy's {@code a[i, j] = v});</li>
 *   <li>a method that writes its result into a buffer takes it as its <em>last</em> argument {@code out} and
 *       returns it: {@code x.take(idx, out)}, {@code a.matmul(b, out)}; the {@code add...} forms add to
 *       {@code out} instead (BLAS's beta = 1): {@code x.addTransposeMatmul(dy, dW)} is {@code dW += xᵀ·dy}.</li>
 * </ul>
 * Views ({@link #reshape}, {@link #flatten}, {@link #squeeze}, {@link #unsqueeze}) share their values with
 * the tensor they come from, so such writes show through them.
 *
 * <pre>{@code
 * Tensor x = Tensor.of(new double[][] {{1, 2}, {3, 4}});
 * Tensor y = x.matmul(x.T()).add(1.0);        // [[6, 12], [12, 26]]
 * double m = y.mean();                         // 14.0
 * }</pre>
 *
 * <p>Not final only so that a result can carry more than its values: {@code Net.Trace} is a network's
 * output that also remembers every layer's input for the backward pass. A subclass adds information and
 * never changes what the operations do.
 */
public class Tensor {
    private final double[] data;
    private final int[] shape;

    private Tensor(double[] data, int[] shape) {
        this.data = data;
        this.shape = shape;
    }

    /** A tensor with the values and shape of {@code values}, sharing them (a view), for subclasses. */
    protected Tensor(Tensor values) {
        this(values.data, values.shape.clone());
    }

    // ---------------------------------------------------------------- factories

    /** A 1-d tensor holding a copy of {@code values}. */
    public static Tensor of(double... values) {
        return new Tensor(values.clone(), new int[] {values.length});
    }

    /** A 2-d tensor holding a copy of {@code rows}; every row must have the same length. */
    public static Tensor of(double[][] rows) {
        return Factories.of(rows);
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
        return Factories.ofInts(values);
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
        return Factories.linspace(start, stop, n);
    }

    /** 0, 1, ..., n-1. */
    public static Tensor arange(int n) {
        return arange(0, n, 1);
    }

    /** start, start+step, ... while below {@code stop} (above, for a negative step). */
    public static Tensor arange(double start, double stop, double step) {
        return Factories.arange(start, stop, step);
    }

    /** The n×n identity matrix. */
    public static Tensor eye(int n) {
        return Factories.eye(n);
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
        Checks.rankAtLeast("rows", this, 1);
        return shape[0];
    }

    /** Columns of a 2-d tensor. */
    public int cols() {
        Checks.rank("cols", this, 2);
        return shape[1];
    }

    /** The element at the given indices, one per dimension. */
    public double get(int... index) {
        return data[Checks.offset("get", this, index)];
    }

    /** Writes {@code value} at the given indices, in place, and returns this tensor. */
    public Tensor set(double value, int... index) {
        data[Checks.offset("set", this, index)] = value;
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
        Checks.rank("toArray2d", this, 2);
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
     * The backing array itself, row-major: writing into it changes this tensor (and every view of it).
     * It exists for the few loops that must touch each value in place and that no tensor operation
     * expresses without extra copies: optimizers' update rules ({@code Adam}, {@code RMSprop}), data
     * loaders filling a tensor from a file, and finite differences nudging one value of a parameter.
     * Everywhere else use tensor operations, {@link #toArray()} (a copy) or {@link #get}.
     */
    public double[] array() {
        return data;
    }

    /** A copy. */
    public Tensor copy() {
        return new Tensor(data.clone(), shape.clone());
    }

    // ---------------------------------------------------------------- movement, for any rank

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
        return shape.length == 2 ? Movement.transpose2d(this) : Movement.reverseAxes(this);
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
        return new Tensor(data, Shapes.squeezed("squeeze", shape, axis));
    }

    /** The same values with a new axis of size 1 at {@code axis}: [3].unsqueeze(0) is [1, 3]. A view. */
    public Tensor unsqueeze(int axis) {
        return new Tensor(data, Shapes.unsqueezed("unsqueeze", shape, axis));
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

    // ---------------------------------------------------------------- rows, columns, gathering

    /** Rows {@code [from, to)} along the first dimension. */
    public Tensor rows(int from, int to) {
        return Movement.rows(this, from, to);
    }

    /** Row {@code i} of a 2-d tensor as a 1-d tensor (a sub-tensor for higher ranks). */
    public Tensor row(int i) {
        return new Tensor(rows(i, i + 1).data, Arrays.copyOfRange(shape, 1, shape.length));
    }

    /** Column {@code j} of a 2-d tensor as a 1-d tensor. */
    public Tensor col(int j) {
        return Movement.col(this, j);
    }

    /** The rows (first-dimension entries) at the given indices, in that order; repeats allowed. */
    public Tensor take(int[] indices) {
        Checks.rankAtLeast("take", this, 1);
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
        return Movement.take(this, indices, out);
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
        return Elementwise.map(this, f);
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
        return Arrays.equals(shape, o.shape) ? Elementwise.zipSame(this, o, f) : Elementwise.zipBroadcast(this, op, o, f);
    }

    // ---------------------------------------------------------------- in place: the receiver changes

    /** {@code this += o}, in place, {@code o} broadcast to this shape ({@code [N, M] += [M]} adds to every row). Returns this. */
    public Tensor addInPlace(Tensor o) {
        return Elementwise.addInPlace(this, o);
    }

    /** {@code this += alpha * x}, in place; shapes must be equal. Returns this. */
    public Tensor addScaledInPlace(double alpha, Tensor x) {
        return Elementwise.addScaledInPlace(this, alpha, x);
    }

    /** {@code this *= v}, in place. Returns this. */
    public Tensor mulInPlace(double v) {
        return Elementwise.mulInPlace(this, v);
    }

    /** {@code f} applied to every value, in place, in row-major order (so a stateful f fills in order). Returns this. */
    public Tensor mapInPlace(DoubleUnaryOperator f) {
        return Elementwise.mapInPlace(this, f);
    }

    /** Copies {@code x}'s values into this tensor, in place; shapes must be equal. Returns this. */
    public Tensor copyFromInPlace(Tensor x) {
        Checks.sameShape("copyFromInPlace", this, x);
        System.arraycopy(x.data, 0, data, 0, data.length);
        return this;
    }

    /** Sets every value to {@code v}, in place. Returns this. */
    public Tensor fillInPlace(double v) {
        Arrays.fill(data, v);
        return this;
    }

    // ---------------------------------------------------------------- linear algebra (2-d)

    /**
     * Matrix product {@code this · o}: [n, k] · [k, m] → [n, m]. A 1-d operand is a vector as in
     * numpy: [k] · [k, m] → [m] and [n, k] · [k] → [n]. 2-d only; runs on BLAS.
     */
    public Tensor matmul(Tensor o) {
        return Products.product("matmul", this, o, false, false);
    }

    /** {@code thisᵀ · o} without forming the transpose: [k, n]ᵀ · [k, m] → [n, m]. */
    public Tensor transposeMatmul(Tensor o) {
        return Products.product("transposeMatmul", this, o, true, false);
    }

    /** {@code this · oᵀ} without forming the transpose: [n, k] · [m, k]ᵀ → [n, m]. */
    public Tensor matmulTranspose(Tensor o) {
        return Products.product("matmulTranspose", this, o, false, true);
    }

    /** {@code out = this · o}, written into {@code out} (the product's shape, values of its own). Returns out. */
    public Tensor matmul(Tensor o, Tensor out) {
        return Products.into("matmul", this, o, false, false, out, false);
    }

    /** {@code out = thisᵀ · o}, written into {@code out}. Returns out. */
    public Tensor transposeMatmul(Tensor o, Tensor out) {
        return Products.into("transposeMatmul", this, o, true, false, out, false);
    }

    /** {@code out = this · oᵀ}, written into {@code out}. Returns out. */
    public Tensor matmulTranspose(Tensor o, Tensor out) {
        return Products.into("matmulTranspose", this, o, false, true, out, false);
    }

    /** {@code out += this · o} (BLAS's beta = 1), without a temporary for the product. Returns out. */
    public Tensor addMatmul(Tensor o, Tensor out) {
        return Products.into("addMatmul", this, o, false, false, out, true);
    }

    /**
     * {@code out += thisᵀ · o}: [k, n]ᵀ · [k, m] added to out [n, m]. A layer's weight gradient accumulates
     * this way, {@code x.addTransposeMatmul(dy, W.grad())}, at the cost of the product alone. Returns out.
     */
    public Tensor addTransposeMatmul(Tensor o, Tensor out) {
        return Products.into("addTransposeMatmul", this, o, true, false, out, true);
    }

    /** {@code out += this · oᵀ}. Returns out. */
    public Tensor addMatmulTranspose(Tensor o, Tensor out) {
        return Products.into("addMatmulTranspose", this, o, false, true, out, true);
    }

    /** Dot product of two 1-d tensors of equal length. */
    public double dot(Tensor o) {
        return Products.dot(this, o);
    }

    /** Euclidean (Frobenius) norm of all values. */
    public double norm() {
        return Reduce.norm(this);
    }

    // ---------------------------------------------------------------- reductions

    /** The sum of all values. */
    public double sum() {
        return Reduce.all(this, "sum", Reduce.SUM);
    }

    /** The mean of all values. */
    public double mean() {
        return Reduce.all(this, "mean", Reduce.MEAN);
    }

    /** The largest value. */
    public double max() {
        return Reduce.all(this, "max", Reduce.MAX);
    }

    /** The smallest value. */
    public double min() {
        return Reduce.all(this, "min", Reduce.MIN);
    }

    /** Population standard deviation of all values (numpy's default, ddof = 0). */
    public double std() {
        return Reduce.all(this, "std", Reduce.STD);
    }

    /** Flat index of the largest value (the first one on ties). */
    public int argmax() {
        return Reduce.argBest(this, "argmax", 1);
    }

    /** Flat index of the smallest value (the first one on ties). */
    public int argmin() {
        return Reduce.argBest(this, "argmin", -1);
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
        Checks.sameShape("allClose", this, o);
        return maxAbsDiff(o) <= tol;
    }

    /** Largest absolute difference between corresponding values; shapes must be equal. */
    public double maxAbsDiff(Tensor o) {
        return Reduce.maxAbsDiff(this, o);
    }

    /** True when no value is NaN or infinite. */
    public boolean isFinite() {
        return Reduce.isFinite(this);
    }

    /**
     * Throws when a value is NaN or infinite, naming {@code what} and the first bad position;
     * returns this tensor so it can be chained.
     */
    public Tensor requireFinite(String what) {
        Checks.finite(what, this);
        return this;
    }

    /** Throws unless this tensor has exactly {@code expected} as its shape; -1 matches any size. */
    public Tensor requireShape(String what, int... expected) {
        Checks.shape(what, this, expected);
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

    // ---------------------------------------------------------------- for the sibling classes

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
