package nnlab.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import nnlab.tensor.Tensor;
import nnlab.train.Model;

/**
 * A network: layers applied one after another, {@code y = f_n(...f_2(f_1(x)))}.
 *
 * <p>{@link #forward} returns a {@link Trace}: the output, which also keeps every layer's input, because
 * each layer's {@code backward(x, dy)} needs its original input; {@link #backward} walks the layers in
 * reverse, feeding each one's dx to the layer before it as dy. A layer's output is the next layer's
 * input, so the trace hands it to {@code backward(x, y, dy)} too and tanh or sigmoid need not recompute
 * it. Layers add their parameters' gradients (see {@link Param}); {@link #step} uses them up.
 *
 * <p>A Net is a {@link Layer}, so nets nest ({@code new Net(encoder, new ReLU(), head)}), and a
 * {@link Model}, so the {@code Trainer} trains it: {@code forward(x)} is a Trace and a Trace is a
 * Tensor, so code that holds the output as a {@code Tensor} and code that holds it as a {@code Net.Trace}
 * both work. As a Model or a Layer, backward without a trace uses the trace of the last forward.
 *
 * <pre>{@code
 * Net net = new Net(new Linear(64, 32, rng), new ReLU(), new Linear(32, 1, rng), new Sigmoid());
 * Net.Trace trace = net.forward(xb);
 * net.backward(trace, loss.grad(yb, trace.output()));
 * net.step(0.01);
 * }</pre>
 */
public final class Net implements Layer, Model {
    private final List<Layer> layers;
    private boolean training = true;
    /** The trace of the last {@link #forward}, for the backward of a Model or a Layer, which get no trace. */
    private Trace last;

    public Net(Layer... layers) {
        this(Arrays.asList(layers));
    }

    public Net(List<Layer> layers) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("Net: needs at least one layer");
        }
        for (int i = 0; i < layers.size(); i++) {
            Objects.requireNonNull(layers.get(i), "Net: layer " + i + " is null");
        }
        this.layers = List.copyOf(layers);
    }

    /**
     * What a forward pass saw: the network's output (a Trace is that tensor, with its values and shape),
     * and each layer's input.
     */
    public static final class Trace extends Tensor {
        private final Net net;
        private final List<Tensor> inputs;
        private final Tensor output;

        Trace(Net net, List<Tensor> inputs, Tensor output) {
            super(output);
            this.net = net;
            this.inputs = Collections.unmodifiableList(inputs);
            this.output = output;
        }

        /** The prediction (the same values as this trace, as a plain tensor). */
        public Tensor output() {
            return output;
        }

        /** The input of layer {@code i} (input(0) is the network's input). */
        public Tensor input(int i) {
            return inputs.get(i);
        }

        /** Inputs of every layer, in order. */
        public List<Tensor> inputs() {
            return inputs;
        }
    }

    /** Runs every layer, keeping their inputs in the returned trace for {@link #backward}. */
    @Override
    public Trace forward(Tensor x) {
        List<Tensor> inputs = new ArrayList<>(layers.size());
        Tensor h = x;
        for (Layer layer : layers) {
            inputs.add(h);
            h = layer.forward(h);
        }
        last = new Trace(this, inputs, h);
        return last;
    }

    /** Back-propagates {@code dy = dL/doutput}; every layer adds its gradients. Returns dL/dx. */
    public Tensor backward(Trace trace, Tensor dy) {
        Tensor d = backwardAboveFirst(trace, dy);
        return layers.get(0).backward(trace.inputs.get(0), outputOf(trace, 0), d);
    }

    /**
     * Like {@link #backward}, but without dL/dx for the network's input, which training never needs:
     * the first layer only adds its parameters' gradients (one matrix product less for a Linear).
     */
    public void backwardParams(Trace trace, Tensor dy) {
        Tensor d = backwardAboveFirst(trace, dy);
        layers.get(0).backwardParams(trace.inputs.get(0), d);
    }

    /** Back-propagates through every layer but the first; returns dL/d(output of the first layer). */
    private Tensor backwardAboveFirst(Trace trace, Tensor dy) {
        if (trace.inputs.size() != layers.size()) {
            throw new IllegalArgumentException("Net.backward: the trace has " + trace.inputs.size()
                    + " layer inputs but this net has " + layers.size() + " layers; pass the trace from this net's forward");
        }
        Tensor d = dy;
        for (int i = layers.size() - 1; i >= 1; i--) {
            d = layers.get(i).backward(trace.inputs.get(i), outputOf(trace, i), d);
        }
        return d;
    }

    /** What layer {@code i} returned in the forward pass: the next layer's input, or the net's output. */
    private static Tensor outputOf(Trace trace, int i) {
        return i + 1 < trace.inputs.size() ? trace.inputs.get(i + 1) : trace.output;
    }

    // ------------------------------------------------ as a Model and a Layer: backward without a trace

    /** {@link Model}'s backward: {@link #backwardParams(Trace, Tensor)} from the last forward's trace. */
    @Override
    public void backward(Tensor dOutput) {
        backwardParams(lastTrace("backward(dOutput)"), dOutput);
    }

    /**
     * {@link Layer}'s backward for input {@code x}: from {@code x} itself when it is a trace of this net, else
     * from the last forward's trace when that forward was given this very {@code x}, else from a new forward.
     */
    @Override
    public Tensor backward(Tensor x, Tensor dy) {
        return backward(traceFor(x), dy);
    }

    /** Layer's backward when the output {@code y = forward(x)} is at hand: y is this net's trace. */
    @Override
    public Tensor backward(Tensor x, Tensor y, Tensor dy) {
        return backward(y instanceof Trace t && t.net == this ? t : traceFor(x), dy);
    }

    @Override
    public void backwardParams(Tensor x, Tensor dy) {
        backwardParams(traceFor(x), dy);
    }

    private Trace traceFor(Tensor x) {
        if (x instanceof Trace t && t.net == this) {
            return t;
        }
        return last != null && last.inputs.get(0) == x ? last : forward(x);
    }

    private Trace lastTrace(String what) {
        if (last == null) {
            throw new IllegalStateException("Net." + what + ": no forward pass yet; call forward(x) first");
        }
        return last;
    }

    /** Gradient descent on every layer, {@code p -= lr * dp}, then {@code dp = 0}. */
    @Override
    public void step(double lr) {
        for (Layer layer : layers) {
            layer.step(lr);
        }
    }

    /** The output in evaluation mode (Dropout off), without keeping a trace; the mode is restored after. */
    @Override
    public Tensor predict(Tensor x) {
        boolean was = training;
        train(false);
        try {
            Tensor h = x;
            for (Layer layer : layers) {
                h = layer.forward(h);
            }
            return h;
        } finally {
            train(was);
        }
    }

    /** Switches training behaviour (Dropout) on or off in every layer. */
    @Override
    public void train(boolean training) {
        this.training = training;
        for (Layer layer : layers) {
            layer.train(training);
        }
    }

    /** The layers, in order. */
    public List<Layer> layers() {
        return layers;
    }

    /** Every trainable parameter, layer by layer. */
    @Override
    public List<Param> params() {
        List<Param> ps = new ArrayList<>();
        for (Layer layer : layers) {
            ps.addAll(layer.params());
        }
        return ps;
    }

    /** Total number of trainable values. */
    public int parameterCount() {
        int n = 0;
        for (Param p : params()) {
            n += p.size();
        }
        return n;
    }

    /** The output shape for an input shape, layer by layer. */
    @Override
    public int[] outputShape(int[] inputShape) {
        int[] shape = inputShape;
        for (Layer layer : layers) {
            shape = layer.outputShape(shape);
        }
        return shape;
    }

    /**
     * A table of layers with output shapes and parameter counts, as Keras' {@code summary()}. The input
     * shape is found from the first weight matrix when there is one (an MLP); otherwise shapes are left out:
     * use {@link #summary(int...)}.
     */
    @Override
    public String toString() {
        for (Layer layer : layers) {
            // the input width is the first weight's rows; layers before it (activations) keep shapes
            if (!layer.params().isEmpty()) {
                Tensor w = layer.params().get(0).value();
                return summary(w.rank() == 2 ? new int[] {w.shape(0)} : null);
            }
        }
        return summary((int[]) null);
    }

    /**
     * The table of {@link #toString()} for samples of the given shape (without the batch axis N), e.g.
     * {@code net.summary(1, 28, 28)} for a CNN on 28x28 one-channel images; every layer's output shape
     * follows from its input's, and a layer that cannot take its input says so.
     */
    public String summary(int... sampleShape) {
        int[] shape = null;
        if (sampleShape != null) {
            shape = new int[sampleShape.length + 1];
            shape[0] = -1;
            System.arraycopy(sampleShape, 0, shape, 1, sampleShape.length);
        }
        List<String[]> rows = new ArrayList<>();
        for (Layer layer : layers) {
            String out = "";
            if (shape != null) {
                shape = layer.outputShape(shape);
                out = Arrays.toString(shape).replace("-1", "N");
            }
            String name = layer instanceof Net n ? "Net(" + n.layers.size() + " layers)" : layer.toString();
            rows.add(new String[] {name, out, String.format("%,d", layer.params().stream().mapToInt(Param::size).sum())});
        }
        int wName = Math.max(28, rows.stream().mapToInt(r -> r[0].length()).max().orElse(0));
        int wOut = Math.max(12, rows.stream().mapToInt(r -> r[1].length()).max().orElse(0));
        int wIndex = String.valueOf(rows.size() - 1).length() + 2;
        StringBuilder sb = new StringBuilder("Net(\n");
        for (int i = 0; i < rows.size(); i++) {
            String[] r = rows.get(i);
            sb.append(String.format("  %-" + wIndex + "s %-" + wName + "s out %-" + wOut + "s params %s%n",
                    "(" + i + ")", r[0], r[1], r[2]));
        }
        return sb.append(String.format(")  total params %,d", parameterCount())).toString();
    }
}
