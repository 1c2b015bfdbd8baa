package nnlab.autograd;

import java.util.List;
import java.util.Locale;

/**
 * A scalar that remembers how it was computed, so {@link #backward()} can apply the chain rule (micrograd).
 *
 * <p>Formula: for {@code out = f(a, b)}, backward adds {@code out.grad · ∂f/∂a} to {@code a.grad} and
 * {@code out.grad · ∂f/∂b} to {@code b.grad}, visiting values from the output back to the inputs.
 *
 * <p>Shapes: scalars only; {@link Var} is the same for tensors.
 *
 * <p>Gradients ACCUMULATE: a value used twice gets the sum of both paths' gradients, and calling
 * {@code backward()} again adds the same gradients once more to the leaves (the values made with
 * {@code new Value(...)}); {@link #zeroGrad()} clears them. Each backward pass recomputes the gradients of
 * the intermediate values from scratch.
 *
 * <pre>{@code
 * Value a = new Value(2.0, "a"), b = new Value(-3.0, "b");
 * Value c = a.mul(b).add(1).tanh();     // tanh(-5)
 * c.backward();                         // a.grad() = b·(1 - c²), b.grad() = a·(1 - c²)
 * }</pre>
 */
public final class Value {
    private final double data;
    private double grad;
    private final String op;
    private final List<Value> inputs;
    private String label;
    private Runnable backward = () -> { };

    /** A leaf value (an input or a parameter), labelled "". */
    public Value(double data) {
        this(data, "");
    }

    /** A leaf value with a label shown in {@code Plots.graph} (e.g. "w", "x"). */
    public Value(double data, String label) {
        this(data, "", List.of());
        this.label = label == null ? "" : label;
    }

    private Value(double data, String op, List<Value> inputs) {
        this.data = data;
        this.op = op;
        this.inputs = inputs;
        this.label = "";
    }

    // ---------------------------------------------------------------- operations

    /** {@code this + o}. */
    public Value add(Value o) {
        Value out = new Value(data + o.data, "+", List.of(this, o));
        out.backward = () -> {
            grad += out.grad;          // d(a+b)/da = 1
            o.grad += out.grad;        // d(a+b)/db = 1
        };
        return out;
    }

    /** {@code this * o}. */
    public Value mul(Value o) {
        Value out = new Value(data * o.data, "*", List.of(this, o));
        out.backward = () -> {
            grad += o.data * out.grad;     // d(ab)/da = b
            o.grad += data * out.grad;     // d(ab)/db = a
        };
        return out;
    }

    /** {@code this ^ p} for a constant exponent p. */
    public Value pow(double p) {
        Value out = new Value(Math.pow(data, p), "^" + fmt(p), List.of(this));
        out.backward = () -> grad += p * Math.pow(data, p - 1) * out.grad;     // d(a^p)/da = p·a^(p-1)
        return out;
    }

    /** {@code e^this}. */
    public Value exp() {
        Value out = new Value(Math.exp(data), "exp", List.of(this));
        out.backward = () -> grad += out.data * out.grad;                      // d(e^a)/da = e^a
        return out;
    }

    /** The natural logarithm. */
    public Value log() {
        Value out = new Value(Math.log(data), "log", List.of(this));
        out.backward = () -> grad += out.grad / data;                          // d(log a)/da = 1/a
        return out;
    }

    /** The hyperbolic tangent. */
    public Value tanh() {
        Value out = new Value(Math.tanh(data), "tanh", List.of(this));
        out.backward = () -> grad += (1 - out.data * out.data) * out.grad;     // d tanh(a)/da = 1 - tanh²(a)
        return out;
    }

    /** The logistic sigmoid {@code 1 / (1 + e^-this)}. */
    public Value sigmoid() {
        Value out = new Value(1 / (1 + Math.exp(-data)), "sigmoid", List.of(this));
        out.backward = () -> grad += out.data * (1 - out.data) * out.grad;     // dσ/da = σ(1 - σ)
        return out;
    }

    /** {@code max(0, this)}. */
    public Value relu() {
        Value out = new Value(Math.max(0, data), "relu", List.of(this));
        out.backward = () -> grad += (data > 0 ? 1 : 0) * out.grad;            // d relu/da = [a > 0]
        return out;
    }

    /** {@code -this}, as {@code this * -1}. */
    public Value neg() {
        return mul(-1);
    }

    /** {@code this - o}, as {@code this + (-o)}. */
    public Value sub(Value o) {
        return add(o.neg());
    }

    /** {@code this / o}, as {@code this * o^-1}. */
    public Value div(Value o) {
        return mul(o.pow(-1));
    }

    /** {@code this + v} for a constant v. */
    public Value add(double v) {
        return add(new Value(v));
    }

    /** {@code this - v}. */
    public Value sub(double v) {
        return add(new Value(-v));
    }

    /** {@code this * v}. */
    public Value mul(double v) {
        return mul(new Value(v));
    }

    /** {@code this / v}. */
    public Value div(double v) {
        return mul(new Value(1 / v));
    }

    // ---------------------------------------------------------------- backward

    /**
     * Sets this value's gradient to 1 and applies the chain rule to every value it was computed from, in
     * reverse topological order. Leaves accumulate (call {@link #zeroGrad()} between passes); intermediate
     * values get this pass's gradient.
     */
    public void backward() {
        List<Value> order = topologicalOrder();
        for (Value v : order) {
            if (!v.inputs.isEmpty()) {
                v.grad = 0;
            }
        }
        grad = inputs.isEmpty() ? grad + 1 : 1;
        for (int i = order.size() - 1; i >= 0; i--) {
            order.get(i).backward.run();
        }
    }

    /** Sets the gradient of this value and of every value it was computed from to 0. */
    public void zeroGrad() {
        for (Value v : topologicalOrder()) {
            v.grad = 0;
        }
    }

    /** Every value this one depends on, inputs before the values computed from them, this one last. */
    List<Value> topologicalOrder() {
        return Graph.topologicalOrder(this, Value::inputs);
    }

    // ---------------------------------------------------------------- access

    /** The number. */
    public double data() {
        return data;
    }

    /** dL/dthis after {@code L.backward()}. */
    public double grad() {
        return grad;
    }

    /** The operation that made this value ("+", "*", "tanh", ...), or "" for a leaf. */
    public String op() {
        return op;
    }

    /** The values this one was computed from (empty for a leaf). */
    public List<Value> inputs() {
        return inputs;
    }

    /** The label shown in graph pictures ("" unless set). */
    public String label() {
        return label;
    }

    /** Sets the label shown in graph pictures and returns this value: {@code a.mul(b).label("ab")}. */
    public Value label(String label) {
        this.label = label == null ? "" : label;
        return this;
    }

    @Override
    public String toString() {
        return "Value(data=" + fmt(data) + ", grad=" + fmt(grad) + ")";
    }

    /** Six significant digits without trailing zeros: 2.5, -0.707107, 1e+20. */
    private static String fmt(double v) {
        String s = String.format(Locale.ROOT, "%.6g", v);
        return s.contains(".") ? s.replaceAll("(\\.\\d*?)0+(?=e|$)", "$1").replaceAll("\\.(?=e|$)", "") : s;
    }
}
