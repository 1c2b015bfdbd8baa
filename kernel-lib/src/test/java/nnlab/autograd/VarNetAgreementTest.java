package nnlab.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import nnlab.Rng;
import nnlab.loss.CrossEntropy;
import nnlab.nn.Linear;
import nnlab.nn.Net;
import nnlab.nn.Param;
import nnlab.nn.Tanh;
import nnlab.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** The hand-written layers and the same computation in Vars give the same loss and gradients. */
class VarNetAgreementTest {

    @Test
    void netOfLinearTanhLinearWithCrossEntropyAgreesTo1e12() {
        Rng data = new Rng(5);
        Tensor x = data.normal(0, 1, 16, 7);
        Tensor y = data.integers(0, 4, 16);
        Net net = new Net(new Linear(7, 12, new Rng(9)), new Tanh(), new Linear(12, 4, new Rng(10)));
        Linear l1 = new Linear(7, 12, new Rng(9));       // the same initial weights, for the Vars
        Linear l2 = new Linear(12, 4, new Rng(10));
        l1.setWeights(l1.weight().value(), data.normal(0, 1, 12));      // non-zero biases, so db matters
        l2.setWeights(l2.weight().value(), data.normal(0, 1, 4));
        ((Linear) net.layers().get(0)).setWeights(l1.weight().value(), l1.bias().value());
        ((Linear) net.layers().get(2)).setWeights(l2.weight().value(), l2.bias().value());

        CrossEntropy ce = new CrossEntropy();
        Net.Trace trace = net.forward(x);
        double netLoss = ce.value(y, trace.output());
        net.backward(trace, ce.grad(y, trace.output()));

        Var W1 = Var.param(l1.weight()), b1 = Var.param(l1.bias());
        Var W2 = Var.param(l2.weight()), b2 = Var.param(l2.bias());
        Var loss = Var.of(x).matmul(W1).add(b1).tanh().matmul(W2).add(b2).crossEntropy(y);
        loss.backward();

        assertEquals(netLoss, loss.item(), 1e-12);
        List<Param> netParams = net.params();
        List<Param> varParams = Var.params(W1, b1, W2, b2);
        for (int i = 0; i < netParams.size(); i++) {
            double diff = netParams.get(i).grad().maxAbsDiff(varParams.get(i).grad());
            assertTrue(diff <= 1e-12, "gradient of " + netParams.get(i) + " differs by " + diff);
            assertTrue(varParams.get(i).grad().norm() > 1e-3, "a gradient that is not ~0: the check can fail");
        }
    }
}
