package nnlab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import nnlab.Rng;
import nnlab.tensor.Tensor;
import org.junit.jupiter.api.Test;

class NetTest {
    private final Rng rng = new Rng(11);
    private final Linear l1 = new Linear(3, 4, rng);
    private final Tanh act = new Tanh();
    private final Linear l2 = new Linear(4, 2, rng);
    private final Net net = new Net(l1, act, l2);
    private final Tensor x = rng.normal(0, 1, 5, 3);

    @Test
    void forwardIsTheComposition() {
        Net.Trace t = net.forward(x);
        Tensor h1 = x.matmul(l1.weight().value()).add(l1.bias().value());
        Tensor h2 = h1.tanh();
        Tensor y = h2.matmul(l2.weight().value()).add(l2.bias().value());
        assertTrue(t.output().allClose(y, 1e-14));
        assertSame(x, t.input(0));
        assertTrue(t.input(2).allClose(h2, 1e-14));
    }

    @Test
    void backwardIsTheChainRuleByHand() {
        Tensor dy = rng.normal(0, 1, 5, 2);
        Tensor dx = net.backward(net.forward(x), dy);
        Tensor h1 = x.matmul(l1.weight().value()).add(l1.bias().value());
        Tensor h2 = h1.tanh();
        Tensor dW2 = h2.T().matmul(dy);
        Tensor dh2 = dy.matmul(l2.weight().value().T());
        Tensor dh1 = dh2.mul(h2.pow(2).neg().add(1));
        Tensor dW1 = x.T().matmul(dh1);
        assertTrue(l2.weight().grad().allClose(dW2, 1e-13));
        assertTrue(l2.bias().grad().allClose(dy.sum(0), 1e-13));
        assertTrue(l1.weight().grad().allClose(dW1, 1e-13));
        assertTrue(l1.bias().grad().allClose(dh1.sum(0), 1e-13));
        assertTrue(dx.allClose(dh1.matmul(l1.weight().value().T()), 1e-13));
    }

    @Test
    void stepMovesEveryParameterAgainstItsGradient() {
        net.backward(net.forward(x), Tensor.ones(5, 2));
        Tensor w1 = l1.weight().value().copy();
        Tensor g1 = l1.weight().grad().copy();
        net.step(0.1);
        assertTrue(l1.weight().value().allClose(w1.sub(g1.mul(0.1)), 1e-15));
    }

    @Test
    void predictRunsInEvaluationModeAndRestoresTraining() {
        Dropout drop = new Dropout(0.5, new Rng(1));
        Net n = new Net(drop);
        Tensor ones = Tensor.ones(4, 4);
        assertEquals(ones, n.predict(ones));
        assertTrue(drop.isTraining());
    }

    @Test
    void learnsXorWithBinaryCrossEntropy() {
        Rng r = new Rng(2024);
        Net xor = new Net(new Linear(2, 8, r), new Tanh(), new Linear(8, 1, r), new Sigmoid());
        Tensor in = Tensor.of(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}});
        Tensor target = Tensor.of(0, 1, 1, 0);
        nnlab.loss.Loss bce = new nnlab.loss.BinaryCrossEntropy();
        double first = bce.value(target, xor.forward(in).output());
        for (int i = 0; i < 3000; i++) {
            Net.Trace t = xor.forward(in);
            xor.backward(t, bce.grad(target, t.output()));
            xor.step(0.5);
        }
        Tensor p = xor.predict(in);
        assertTrue(bce.value(target, p) < 0.05 * first, "loss " + first + " -> " + bce.value(target, p));
        assertEquals(Tensor.of(0, 1, 1, 0).reshape(4, 1), p.gt(0.5));
    }

    @Test
    void paramsAndCounts() {
        assertEquals(4, net.params().size());
        assertEquals(3 * 4 + 4 + 4 * 2 + 2, net.parameterCount());
    }

    @Test
    void toStringListsLayersShapesAndParameterCounts() {
        String expected = String.join("\n",
                "Net(",
                "  (0) Linear(in=3, out=4)          out [N, 4]       params 16",
                "  (1) Tanh()                       out [N, 4]       params 0",
                "  (2) Linear(in=4, out=2)          out [N, 2]       params 10",
                ")  total params 26");
        assertEquals(expected, net.toString().replace(System.lineSeparator(), "\n"));
    }

    @Test
    void toStringShowsShapesWhenTheNetStartsWithAnActivation() {
        String s = new Net(new Dropout(0.2, new Rng(1)), new Linear(5, 3, new Rng(1))).toString();
        assertTrue(s.contains("(0) Dropout(p=0.2)               out [N, 5]"), s);
        assertTrue(s.contains("(1) Linear(in=5, out=3)          out [N, 3]       params 18"), s);
    }

    @Test
    void misuseIsExplained() {
        var e = assertThrows(IllegalArgumentException.class, () -> net.backward(new Net(l1).forward(x), Tensor.ones(5, 4)));
        assertEquals("Net.backward: the trace has 1 layer inputs but this net has 3 layers; pass the trace from this "
                + "net's forward", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> net.forward(Tensor.zeros(5, 2)));
        assertEquals("Linear(in=3, out=4): expected input [N, 3], got [5, 2]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, Net::new);
        assertEquals("Net: needs at least one layer", e.getMessage());
    }

    @Test
    void predictRestoresTheModeTheNetWasIn() {
        Dropout drop = new Dropout(0.5, new Rng(3));
        Net net = new Net(new Linear(3, 4, new Rng(1)), drop);
        net.train(false);
        net.predict(Tensor.ones(2, 3));
        assertFalse(drop.isTraining(), "eval mode must survive predict");
        net.train(true);
        net.predict(Tensor.ones(2, 3));
        assertTrue(drop.isTraining(), "training mode must survive predict");
    }

    @Test
    void backwardParamsStoresTheSameGradientsAsBackward() {
        Linear first = new Linear(3, 4, new Rng(5));
        Linear second = new Linear(4, 2, new Rng(6));
        Net net = new Net(first, new Tanh(), second);
        Tensor x = new Rng(7).normal(0, 1, 5, 3);
        Tensor dy = new Rng(8).normal(0, 1, 5, 2);
        net.backward(net.forward(x), dy);
        List<Tensor> full = net.params().stream().map(p -> p.grad().copy()).toList();
        for (Param p : net.params()) {
            p.grad().fillInPlace(0);
        }
        net.backwardParams(net.forward(x), dy);
        for (int i = 0; i < full.size(); i++) {
            assertTrue(full.get(i).allClose(net.params().get(i).grad(), 0), "gradient of " + net.params().get(i));
        }
    }

    @Test
    void backwardHandsEachLayerTheOutputItsForwardReturned() {
        List<Tensor[]> seen = new java.util.ArrayList<>();
        Layer spy = new Layer() {
            @Override
            public Tensor forward(Tensor x) {
                return x.mul(2);
            }

            @Override
            public Tensor backward(Tensor x, Tensor dy) {
                throw new AssertionError("Net must call backward(x, y, dy)");
            }

            @Override
            public Tensor backward(Tensor x, Tensor y, Tensor dy) {
                seen.add(new Tensor[] {x, y});
                return dy.mul(2);
            }
        };
        Net two = new Net(spy, new Tanh(), spy);
        Net.Trace t = two.forward(x);
        two.backward(t, Tensor.ones(5, 3));
        assertEquals(2, seen.size());
        assertSame(t.input(2), seen.get(0)[0]);     // the last layer first: its y is the net's output
        assertSame(t.output(), seen.get(0)[1]);
        assertSame(t.input(0), seen.get(1)[0]);     // the first layer's y is the second layer's input
        assertSame(t.input(1), seen.get(1)[1]);
    }

    @Test
    void backwardFromTheTraceEqualsLayerByLayerBackward() {
        Linear a = new Linear(3, 6, new Rng(5));
        Linear b = new Linear(6, 4, new Rng(6));
        Net deep = new Net(a, new Tanh(), b, new Sigmoid(), new Softmax());
        Tensor dy = new Rng(8).normal(0, 1, 5, 4);
        Tensor dx = deep.backward(deep.forward(x), dy);
        List<Tensor> fromTrace = deep.params().stream().map(p -> p.grad().copy()).toList();

        deep.layers().forEach(Layer::zeroGrad);               // gradients accumulate: start the second pass at 0
        List<Tensor> inputs = new java.util.ArrayList<>();   // the same pass, each layer recomputing its output
        Tensor h = x;
        for (Layer layer : deep.layers()) {
            inputs.add(h);
            h = layer.forward(h);
        }
        Tensor d = dy;
        for (int i = deep.layers().size() - 1; i >= 0; i--) {
            d = deep.layers().get(i).backward(inputs.get(i), d);
        }
        assertTrue(dx.allClose(d, 1e-15), dx + " vs " + d);
        for (int i = 0; i < fromTrace.size(); i++) {
            assertTrue(fromTrace.get(i).allClose(deep.params().get(i).grad(), 1e-15), "gradient of " + deep.params().get(i));
        }
    }
}
