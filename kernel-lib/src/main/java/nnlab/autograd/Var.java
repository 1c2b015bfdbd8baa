package nnlab.autograd;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import nnlab.loss.BinaryCrossEntropy;
import nnlab.loss.CrossEntropy;
import nnlab.loss.Loss;
import nnlab.loss.MeanSquaredError;
import nnlab.nn.Param;
import nnlab.nn.Softmax;
import nnlab.tensor.Tensor;

/**
 * A tensor that remembers how it was computed, so {@link #backward()} can apply the chain rule: {@link Value}
 * for whole tensors, as PyTorch's autograd.
 *
 * <p>Formula: for {@code out = f(a, b)} backward adds {@code ∂L/∂a = (∂f/∂a)ᵀ·∂L/∂out} to a's gradient (and
 * likewise for b), visiting the graph from the output back to its inputs. Element-wise operations broadcast as
 * numpy does; their backward sums the gradient over the broadcast axes ({@code sumTo}), so a bias [M] added to
 * [N, M] gets the sum over the N rows.
 *
 * <p>Shapes: a gradient always has its Var's shape; {@link #matmul} takes 2-d operands, {@link #softmax} and
 * {@link #crossEntropy} logits [N, C]; {@link #backward()} needs a scalar (one element), such as a loss.
 *
 * <p>Leaves: {@link #param} needs a gradient and wraps a {@link Param} (its gradient IS the Param's, so
 * {@code SGD}, {@code Adam}, ... update it unchanged); {@link #of} is a constant. Gradients ACCUMULATE:
 * a Var used twice gets both paths' sum, and a second {@code backward()} adds the gradients once more to
 * the params (as PyTorch with {@code retain_graph=True}); clear them with {@link #zeroGrad()} or the
 * optimizer's {@code zeroGrad()}. Intermediate Vars get each pass's gradient afresh.
 *
 * <pre>{@code
 * Var W = Var.param(rng.normal(0, 0.1, 784, 100)), b = Var.param(Tensor.zeros(100));
 * Var loss = Var.of(xb).matmul(W).add(b).tanh().matmul(W2).add(b2).crossEntropy(yb);
 * loss.backward();  Tensor dW = W.grad();  W.zeroGrad();
 * }</pre>
 */
public final class Var {
    private static final Var[] NONE = {};

    private final Tensor value;
    private final String op;
    private final Var[] inputs;
    private final Param param;
    private final boolean requiresGrad;
    private Tensor grad;                 // null until a backward pass reaches this Var (params: param.grad())
    private boolean ownsGrad;            // false while grad is a tensor another Var also holds
    private Backward backward;
    private String label;

    /** Passes {@code out}'s gradient {@code g} on to the inputs of one operation. */
    @FunctionalInterface
    interface Backward {
        void apply(Tensor g);
    }

    private Var(Tensor value, String op, Var[] inputs, Param param, boolean requiresGrad) {
        this.value = value;
        this.op = op;
        this.inputs = inputs;
        this.param = param;
        this.requiresGrad = requiresGrad;
        this.label = param == null ? "" : param.name();
    }

    // ---------------------------------------------------------------- leaves

    /** A constant: the graph passes no gradient into it (the data, the labels). */
    public static Var of(Tensor value) {
        return new Var(requireValue("Var.of", value), "", NONE, null, false);
    }

    /** A parameter holding {@code value} itself (not a copy: optimizers update it in place); its Param is named "param". */
    public static Var param(Tensor value) {
        return param(new Param("param", requireValue("Var.param", value))).label("");
    }

    /** A parameter called {@code name} (shown in {@code Plots.graph}) holding {@code value} itself. */
    public static Var param(String name, Tensor value) {
        return param(new Param(name, requireValue("Var.param", value)));
    }

    /** A Var over an existing parameter, e.g. a {@code Linear} layer's {@code weight()}: both share value and gradient. */
    public static Var param(Param p) {
        if (p == null) {
            throw new IllegalArgumentException("Var.param: the Param is null");
        }
        return new Var(p.value(), "", NONE, p, true);
    }

    /** The {@link Param}s of these parameter Vars, in order, for an optimizer: {@code new SGD(Var.params(W, b), 0.1)}. */
    public static List<Param> params(Var... vars) {
        List<Param> ps = new ArrayList<>(vars.length);
        for (int i = 0; i < vars.length; i++) {
            if (vars[i] == null || vars[i].param == null) {
                throw new IllegalArgumentException("Var.params: argument " + i + " is " + (vars[i] == null ? "null"
                        : vars[i].describe()) + ", not a parameter; make parameters with Var.param(tensor)");
            }
            ps.add(vars[i].param);
        }
        return ps;
    }

    /**
     * A new operation {@code name} whose result is {@code value}; {@code backward} maps dL/dresult to dL/dinput
     * for each input, in order (each with its input's shape; null for an input that needs none). For
     * operations of your own, as {@code torch.autograd.Function}.
     */
    public static Var operation(String name, Tensor value, Function<Tensor, Tensor[]> backward, Var... inputs) {
        for (int i = 0; i < inputs.length; i++) {
            if (inputs[i] == null) {
                throw new IllegalArgumentException(name + ": input " + i + " is null");
            }
        }
        Var out = result(name, requireValue(name, value), inputs.clone());
        return out.onBackward(g -> {
            Tensor[] grads = backward.apply(g);
            if (grads == null || grads.length != inputs.length) {
                throw new IllegalStateException(name + ": backward returned " + (grads == null ? "null" : grads.length
                        + " gradients") + " for " + inputs.length + " inputs; expected one per input");
            }
            for (int i = 0; i < inputs.length; i++) {
                if (grads[i] != null) {
                    inputs[i].addGrad(grads[i]);
                }
            }
        });
    }

    /** The result of {@code op}: it records its inputs when recording is on and one of them needs a gradient. */
    private static Var result(String op, Tensor value, Var... inputs) {
        boolean track = false;
        for (Var in : inputs) {
            track |= in.requiresGrad;
        }
        track &= Autograd.isGradEnabled();
        Var out = new Var(value, op, track ? inputs : NONE, null, track);
        if (Autograd.isAnomalyDetectionEnabled()) {
            Anomaly.checkForward(out, inputs);
        }
        return out;
    }

    // ---------------------------------------------------------------- element-wise, broadcasting

    /** {@code this + o}, broadcasting as numpy does. */
    public Var add(Var o) {
        Var out = result("add", value.add(o.value), this, o);
        return out.onBackward(g -> {
            addGradIfNeeded(() -> sumTo(g, value));        // d(a+b)/da = 1
            o.addGradIfNeeded(() -> sumTo(g, o.value));    // d(a+b)/db = 1
        });
    }

    /** {@code this - o}, broadcasting. */
    public Var sub(Var o) {
        Var out = result("sub", value.sub(o.value), this, o);
        return out.onBackward(g -> {
            addGradIfNeeded(() -> sumTo(g, value));           // d(a-b)/da = 1
            o.addGradIfNeeded(() -> sumTo(g.neg(), o.value));  // d(a-b)/db = -1
        });
    }

    /** {@code this * o} element-wise (see {@link #matmul} for the matrix product), broadcasting. */
    public Var mul(Var o) {
        Var out = result("mul", value.mul(o.value), this, o);
        return out.onBackward(g -> {
            addGradIfNeeded(() -> sumTo(g.mul(o.value), value));      // d(ab)/da = b
            o.addGradIfNeeded(() -> sumTo(g.mul(value), o.value));    // d(ab)/db = a
        });
    }

    /** {@code this / o} element-wise, broadcasting. */
    public Var div(Var o) {
        Var out = result("div", value.div(o.value), this, o);
        return out.onBackward(g -> {
            addGradIfNeeded(() -> sumTo(g.div(o.value), value));                    // d(a/b)/da = 1/b
            o.addGradIfNeeded(() -> sumTo(g.mul(out.value).div(o.value).neg(), o.value));  // d(a/b)/db = -a/b²
        });
    }

    /** {@code this + v}. */
    public Var add(double v) {
        Var out = result("add " + num(v), value.add(v), this);
        return out.onBackward(this::addGrad);                              // d(a+v)/da = 1
    }

    /** {@code this - v}. */
    public Var sub(double v) {
        Var out = result("sub " + num(v), value.sub(v), this);
        return out.onBackward(this::addGrad);                              // d(a-v)/da = 1
    }

    /** {@code this * v}. */
    public Var mul(double v) {
        Var out = result("mul " + num(v), value.mul(v), this);
        return out.onBackward(g -> addGrad(g.mul(v)));                     // d(av)/da = v
    }

    /** {@code this / v}. */
    public Var div(double v) {
        Var out = result("div " + num(v), value.div(v), this);
        return out.onBackward(g -> addGrad(g.div(v)));                     // d(a/v)/da = 1/v
    }

    /** {@code -this}. */
    public Var neg() {
        Var out = result("neg", value.neg(), this);
        return out.onBackward(g -> addGrad(g.neg()));                      // d(-a)/da = -1
    }

    /** {@code this ^ p} element-wise, for a constant p. */
    public Var pow(double p) {
        Var out = result("pow " + num(p), value.pow(p), this);
        return out.onBackward(g -> addGrad(g.zip("pow", value, (d, a) -> d * p * Math.pow(a, p - 1))));   // d(a^p)/da = p·a^(p-1)
    }

    /** {@code e^this} element-wise. */
    public Var exp() {
        Var out = result("exp", value.exp(), this);
        return out.onBackward(g -> addGrad(g.mul(out.value)));             // d(e^a)/da = e^a
    }

    /** The natural logarithm element-wise. */
    public Var log() {
        Var out = result("log", value.log(), this);
        return out.onBackward(g -> addGrad(g.div(value)));                 // d(log a)/da = 1/a
    }

    /** The hyperbolic tangent element-wise. */
    public Var tanh() {
        Var out = result("tanh", value.tanh(), this);
        return out.onBackward(g -> addGrad(g.zip("tanh", out.value, (d, y) -> d * (1 - y * y))));   // d tanh(a)/da = 1 - tanh²(a)
    }

    /** The logistic sigmoid {@code 1 / (1 + e^-x)} element-wise. */
    public Var sigmoid() {
        Var out = result("sigmoid", value.map(a -> 1 / (1 + Math.exp(-a))), this);
        return out.onBackward(g -> addGrad(g.zip("sigmoid", out.value, (d, s) -> d * s * (1 - s))));   // dσ/da = σ(1 - σ)
    }

    /** {@code max(0, x)} element-wise. */
    public Var relu() {
        Var out = result("relu", value.map(a -> Math.max(0, a)), this);
        return out.onBackward(g -> addGrad(g.zip("relu", value, (d, a) -> a > 0 ? d : 0)));   // d relu/da = [a > 0]
    }

    // ---------------------------------------------------------------- matrices and shapes

    /** The matrix product {@code this · o}: [n, k] · [k, m] → [n, m] (both 2-d). */
    public Var matmul(Var o) {
        if (value.rank() != 2 || o.value.rank() != 2) {
            throw new IllegalArgumentException("matmul: cannot multiply " + Arrays.toString(value.shape()) + " by "
                    + Arrays.toString(o.value.shape()) + ": Var.matmul needs two 2-d operands; reshape a vector to [1, k] or [k, 1]");
        }
        Var out = result("matmul", value.matmul(o.value), this, o);
        return out.onBackward(g -> {
            addProductGrad(() -> g.matmulTranspose(o.value), into -> g.addMatmulTranspose(o.value, into));   // dL/dA = g·Bᵀ
            o.addProductGrad(() -> value.transposeMatmul(g), into -> value.addTransposeMatmul(g, into));     // dL/dB = Aᵀ·g
        });
    }

    /** The transpose of a 2-d Var. */
    public Var transpose() {
        if (value.rank() != 2) {
            throw new IllegalArgumentException("transpose: expected a 2-d Var, got shape " + Arrays.toString(value.shape()));
        }
        Var out = result("transpose", value.transpose(), this);
        return out.onBackward(g -> addGrad(g.transpose()));                // the gradient moves back with the values
    }

    /** The same values in a new shape (one -1 is inferred). */
    public Var reshape(int... shape) {
        int[] before = value.shape();
        Var out = result("reshape", value.reshape(shape), this);
        return out.onBackward(g -> addGrad(g.reshape(before)));            // the gradient takes the old shape back
    }

    // ---------------------------------------------------------------- reductions

    /** The sum of all values, a scalar (shape []). */
    public Var sum() {
        Var out = result("sum", Tensor.scalar(value.sum()), this);
        return out.onBackward(g -> addGrad(Tensor.full(g.item(), value.shape())));    // d(Σa)/da_i = 1
    }

    /** Sums along {@code axis}, which disappears ([N, M].sum(0) is [M]). */
    public Var sum(int axis) {
        Var out = result("sum(" + axis + ")", value.sum(axis), this);
        return out.onBackward(g -> addGrad(g.unsqueeze(axis).broadcastTo(value.shape())));   // each a_i gets its sum's gradient
    }

    /** The mean of all values, a scalar (shape []). */
    public Var mean() {
        int n = requireNonEmpty("mean");
        Var out = result("mean", Tensor.scalar(value.mean()), this);
        return out.onBackward(g -> addGrad(Tensor.full(g.item() / n, value.shape())));   // d(mean a)/da_i = 1/n
    }

    /** Means along {@code axis}, which disappears. */
    public Var mean(int axis) {
        int n = value.shape(axis);
        Var out = result("mean(" + axis + ")", value.mean(axis), this);
        return out.onBackward(g -> addGrad(g.div(n).unsqueeze(axis).broadcastTo(value.shape())));   // 1/n for each a_i
    }

    /** Softmax of each row of a 2-d Var [N, C]: {@code e^(x_j) / Σ_k e^(x_k)}. */
    public Var softmax() {
        if (value.rank() != 2) {
            throw new IllegalArgumentException("softmax: expected a 2-d Var [N, C], got shape " + Arrays.toString(value.shape()));
        }
        Var out = result("softmax", Softmax.softmax(value), this);
        return out.onBackward(g -> addGrad(new Softmax().backward(value, out.value, g)));   // s_j (g_j - Σ_k g_k s_k)
    }

    // ---------------------------------------------------------------- losses (a scalar, the batch mean)

    /**
     * Softmax cross-entropy of these logits [N, C] against labels [N] or one-hot rows [N, C], log-sum-exp
     * fused in as {@link CrossEntropy} does; the gradient is {@code (softmax(z) - y) / N}.
     */
    public Var crossEntropy(Tensor y) {
        return loss("crossEntropy", new CrossEntropy(), y);
    }

    /** Binary cross-entropy of these probabilities [N] or [N, 1] against 0/1 targets, as {@link BinaryCrossEntropy}. */
    public Var binaryCrossEntropy(Tensor y) {
        return loss("binaryCrossEntropy", new BinaryCrossEntropy(), y);
    }

    /** The mean squared error against targets of the same shape, as {@link MeanSquaredError}. */
    public Var mse(Tensor y) {
        return loss("mse", new MeanSquaredError(), y);
    }

    /** Any nnlab {@link Loss} of this prediction against y: value {@code loss.value(y, this)}, gradient {@code loss.grad}. */
    public Var loss(Loss loss, Tensor y) {
        return loss(loss.toString().replace("()", ""), loss, y);
    }

    private Var loss(String name, Loss loss, Tensor y) {
        Var out = result(name, Tensor.scalar(loss.value(y, value)), this);
        return out.onBackward(g -> addGrad(g.item() == 1 ? loss.grad(y, value) : loss.grad(y, value).mul(g.item())));
    }

    // ---------------------------------------------------------------- backward

    /** Back-propagates from this scalar (1 element): afterwards every Var it depends on holds dL/dthat in {@link #grad()}. */
    public void backward() {
        if (value.size() != 1) {
            throw new IllegalStateException("backward: this Var has shape " + Arrays.toString(value.shape()) + " ("
                    + value.size() + " values); backward() needs a scalar, such as a loss or .sum(); "
                    + "or pass dL/dthis with backward(gradient)");
        }
        backward(Tensor.ones(value.shape()));
    }

    /** Back-propagates {@code gradient} = dL/dthis (this Var's shape), as PyTorch's {@code backward(gradient)}. */
    public void backward(Tensor gradient) {
        if (!requiresGrad) {
            throw new IllegalStateException("backward: " + describe() + " needs no gradient: it was made from constants "
                    + "only (Var.of) or inside Autograd.noGrad(); make the values to differentiate with Var.param");
        }
        if (gradient == null || !Arrays.equals(gradient.shape(), value.shape())) {
            throw new IllegalArgumentException("backward: the gradient must have this Var's shape "
                    + Arrays.toString(value.shape()) + ", got " + (gradient == null ? "null" : Arrays.toString(gradient.shape())));
        }
        List<Var> order = Graph.topologicalOrder(this, Var::inputs);
        for (Var v : order) {
            if (v.inputs.length > 0) {
                v.grad = null;                                     // intermediate gradients start afresh
            }
        }
        addGrad(gradient);
        for (int i = order.size() - 1; i >= 0; i--) {
            Var v = order.get(i);
            if (v.inputs.length > 0 && v.grad != null) {
                Anomaly.running(v);
                try {
                    v.backward.apply(v.grad);
                } finally {
                    Anomaly.running(null);
                }
            }
        }
    }

    /** Keeps how to pass gradients back, when this result records a graph (inside noGrad it keeps nothing). */
    private Var onBackward(Backward b) {
        if (inputs.length > 0) {
            backward = b;
        }
        return this;
    }

    /** {@code grad += g}: g has this Var's shape and is never changed afterwards (it may be shared). */
    void addGrad(Tensor g) {
        if (!requiresGrad) {
            return;
        }
        if (!Arrays.equals(g.shape(), value.shape())) {
            throw new IllegalStateException("backward of " + Anomaly.runningOp() + ": the gradient for " + describe()
                    + " has shape " + Arrays.toString(g.shape()) + "; expected " + Arrays.toString(value.shape()));
        }
        if (Autograd.isAnomalyDetectionEnabled()) {
            Anomaly.checkBackward(this, g);
        }
        if (param != null) {
            param.accumulateGrad(g);
        } else if (grad == null) {
            grad = g;
            ownsGrad = false;
        } else {
            if (!ownsGrad) {
                grad = grad.copy();
                ownsGrad = true;
            }
            grad.addScaledInPlace(1, g);
        }
    }

    /** {@link #addGrad} of a gradient computed only when this Var needs one (saves a matrix product for data). */
    private void addGradIfNeeded(Supplier<Tensor> g) {
        if (requiresGrad) {
            addGrad(g.get());
        }
    }

    /**
     * {@code grad += a matrix product}: for a parameter straight into its gradient by {@code addInto} (BLAS with
     * beta = 1, no temporary: what Linear does), otherwise through {@link #addGrad} of {@code product}.
     */
    private void addProductGrad(Supplier<Tensor> product, Consumer<Tensor> addInto) {
        if (param != null && !Autograd.isAnomalyDetectionEnabled()) {
            addInto.accept(param.grad());
        } else {
            addGradIfNeeded(product);
        }
    }

    /** Sets the gradient of this Var and of every Var it was computed from to zero (params in place). */
    public void zeroGrad() {
        for (Var v : Graph.topologicalOrder(this, Var::inputs)) {
            if (v.param != null) {
                v.param.zeroGrad();
            } else {
                v.grad = null;
            }
        }
    }

    // ---------------------------------------------------------------- access

    /** The tensor this Var holds (for a parameter, the one its optimizer updates). */
    public Tensor value() {
        return value;
    }

    /** The only value of a one-element Var, e.g. {@code loss.item()}. */
    public double item() {
        return value.item();
    }

    /** The shape of {@link #value()}. */
    public int[] shape() {
        return value.shape();
    }

    /** dL/dthis from the latest {@link #backward()} (accumulated, for params); zeros before any. */
    public Tensor grad() {
        if (!requiresGrad) {
            throw new IllegalStateException("grad: " + describe() + " has no gradient: it is a constant (Var.of) or was "
                    + "computed from constants or inside Autograd.noGrad(); use Var.param(tensor) for a value that needs one");
        }
        if (param != null) {
            return param.grad();
        }
        return grad != null ? grad : Tensor.zerosLike(value);
    }

    /** True for parameters and for everything computed from one while recording. */
    public boolean requiresGrad() {
        return requiresGrad;
    }

    /** The Param behind a {@link #param} Var, or null for any other Var. */
    public Param param() {
        return param;
    }

    /** The operation that made this Var ("matmul", "tanh", ...), or "" for a leaf. */
    public String op() {
        return op;
    }

    /** The Vars this one was computed from (empty for a leaf, and for results computed inside {@code noGrad}). */
    public List<Var> inputs() {
        return List.of(inputs);
    }

    /** The label shown in graph pictures: the Param's name for a parameter, else "" unless set. */
    public String label() {
        return label;
    }

    /** Sets the label shown in graph pictures and returns this Var: {@code x.matmul(W).label("h")}. */
    public Var label(String label) {
        this.label = label == null ? "" : label;
        return this;
    }

    /** "tanh [32, 16]", "param W [2, 16]", "constant [32, 2]": what error messages and graph pictures call it. */
    String describe() {
        String kind = param != null ? "param" : op.isEmpty() ? "constant" : op;
        return kind + (label.isEmpty() ? "" : " " + label) + " " + Arrays.toString(value.shape());
    }

    @Override
    public String toString() {
        return "Var(" + describe() + (requiresGrad ? ", requiresGrad" : "") + ")\n" + value;
    }

    /** g summed over the axes along which {@code like} was broadcast (g itself when nothing was). */
    private static Tensor sumTo(Tensor g, Tensor like) {
        return Arrays.equals(g.shape(), like.shape()) ? g : g.sumTo(like.shape());
    }

    private int requireNonEmpty(String what) {
        if (value.size() == 0) {
            throw new IllegalStateException(what + ": Var of shape " + Arrays.toString(value.shape()) + " is empty");
        }
        return value.size();
    }

    private static Tensor requireValue(String what, Tensor value) {
        if (value == null) {
            throw new IllegalArgumentException(what + ": the tensor is null");
        }
        return value;
    }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }
}
