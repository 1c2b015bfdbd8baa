package nnlab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
