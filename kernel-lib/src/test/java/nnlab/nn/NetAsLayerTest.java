package nnlab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import nnlab.Rng;
import nnlab.grad.GradCheck;
import nnlab.tensor.Tensor;
import nnlab.train.Model;
import org.junit.jupiter.api.Test;

/** A Net is a Layer (nets nest) and a Model (the Trainer trains it); its forward's Trace is a Tensor. */
class NetAsLayerTest {
    private final Rng rng = new Rng(12);
    private final Tensor x = rng.normal(0, 1, 4, 3);

    private Net flat() {
        Rng r = new Rng(5);
        return new Net(new Linear(3, 5, r), new Tanh(), new Linear(5, 2, r), new Sigmoid());
    }

    private Net nested() {
        Rng r = new Rng(5);
        Net encoder = new Net(new Linear(3, 5, r), new Tanh());
        Net head = new Net(new Linear(5, 2, r), new Sigmoid());
        return new Net(encoder, head);
    }

    @Test
    void theTraceIsTheOutputTensor() {
        Net net = flat();
        Net.Trace trace = net.forward(x);
        Tensor asTensor = trace;
        assertEquals(trace.output(), asTensor, "the same shape and values");
        assertArrayEquals(new int[] {4, 2}, asTensor.shape());
        assertEquals(trace.output().toString(), trace.toString());
        assertTrue(asTensor.sub(trace.output()).abs().max() == 0, "operations see the output's values");
    }

    @Test
    void nestedNetsComputeWhatTheFlatNetComputes() {
        Net flat = flat();
        Net nested = nested();
        Tensor dy = rng.normal(0, 1, 4, 2);
        assertEquals(flat.forward(x).output(), nested.forward(x).output());
        Tensor dxFlat = flat.backward(flat.forward(x), dy);
        Tensor dxNested = nested.backward(nested.forward(x), dy);
        assertEquals(dxFlat, dxNested);
        List<Param> pf = flat.params();
        List<Param> pn = nested.params();
        assertEquals(4, pn.size(), "an outer net's params are its inner nets' params");
        for (int i = 0; i < pf.size(); i++) {
            assertEquals(pf.get(i).grad(), pn.get(i).grad(), "gradient of " + pf.get(i));
        }
        nested.step(0.1);
        flat.step(0.1);
        assertEquals(flat.predict(x), nested.predict(x));
        assertArrayEquals(new int[] {-1, 2}, nested.outputShape(new int[] {-1, 3}));
        assertTrue(nested.toString().contains("(0) Net(2 layers)"), nested.toString());
    }

    @Test
    void aNestedNetPassesTheGradientCheckAsALayer() {
        GradCheck.Report r = GradCheck.layer(nested(), x);
        assertTrue(r.ok(), r.toString());
        assertEquals(List.of("x", "W", "b", "W", "b"), r.names());
    }

    @Test
    void asALayerOrAModelBackwardUsesTheLastForward() {
        Net net = flat();
        Tensor dy = rng.normal(0, 1, 4, 2);
        Tensor expected = net.backward(net.forward(x), dy);
        List<Tensor> grads = net.params().stream().map(p -> p.grad().copy()).toList();

        net.zeroGrad();
        Layer layer = net;
        layer.forward(x);
        assertEquals(expected, layer.backward(x, dy), "Layer.backward(x, dy) after forward(x)");
        net.zeroGrad();
        assertEquals(expected, layer.backward(x.copy(), dy), "another tensor than the last input: a new forward");

        net.zeroGrad();
        Model model = net;
        model.forward(x);
        model.backward(dy);
        for (int i = 0; i < grads.size(); i++) {
            assertEquals(grads.get(i), net.params().get(i).grad(), "Model.backward(dOutput) adds the same gradients");
        }
        Tensor out = net.forward(x);
        net.zeroGrad();
        assertEquals(expected, net.backward(out, dy), "a trace typed as a Tensor is still this net's trace");
    }

    @Test
    void modelBackwardBeforeAnyForwardIsExplained() {
        Model model = flat();
        var e = assertThrows(IllegalStateException.class, () -> model.backward(Tensor.ones(4, 2)));
        assertEquals("Net.backward(dOutput): no forward pass yet; call forward(x) first", e.getMessage());
    }

    @Test
    void predictKeepsNoTrace() {
        Net net = flat();
        Net.Trace trace = net.forward(x);
        Tensor other = rng.normal(0, 1, 2, 3);
        net.predict(other);
        Tensor dy = rng.normal(0, 1, 4, 2);
        net.backward(dy);                                   // still the trace of forward(x)
        Tensor viaTrace = net.params().get(0).grad().copy();
        net.zeroGrad();
        net.backwardParams(trace, dy);
        assertEquals(viaTrace, net.params().get(0).grad());
        assertSame(x, trace.input(0));
    }
}
