package nnlab.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import nnlab.Rng;
import nnlab.data.Dataset;
import nnlab.data.Datasets;
import nnlab.loss.CrossEntropy;
import nnlab.nn.Linear;
import nnlab.nn.Net;
import nnlab.nn.Tanh;
import nnlab.optim.SGD;
import nnlab.tensor.Tensor;
import nnlab.train.History;
import nnlab.train.Trainer;
import org.junit.jupiter.api.Test;

class VarModelTest {

    @Test
    void trainerFitsAVarModelExactlyAsTheSameNet() {
        Dataset train = Datasets.circles(200, 0.1, 0.5, new Rng(3));
        Dataset test = Datasets.circles(100, 0.1, 0.5, new Rng(4));
        Net net = new Net(new Linear(2, 8, new Rng(1)), new Tanh(), new Linear(8, 2, new Rng(2)));
        Linear l1 = new Linear(2, 8, new Rng(1));
        Linear l2 = new Linear(8, 2, new Rng(2));
        Var W1 = Var.param(l1.weight()), b1 = Var.param(l1.bias()), W2 = Var.param(l2.weight()), b2 = Var.param(l2.bias());
        VarModel model = new VarModel(x -> x.matmul(W1).add(b1).tanh().matmul(W2).add(b2), W1, b1, W2, b2);

        Trainer quiet = new Trainer().verbose(false);
        History byNet = quiet.run(net, new CrossEntropy(), new SGD(net.params(), 0.5), train, test, 5, 16);
        History byVars = quiet.run(model, new CrossEntropy(), new SGD(model.params(), 0.5), train, test, 5, 16);
        for (String metric : List.of("train_loss", "test_loss", "test_accuracy")) {
            for (int e = 0; e < 5; e++) {
                assertEquals(byNet.get(metric).get(e), byVars.get(metric).get(e), 1e-12, metric + " at epoch " + (e + 1));
            }
        }
        assertTrue(byVars.last("train_loss") < byVars.get("train_loss").get(0), "it trains");
    }

    @Test
    void evaluationModeKeepsNoGraphAndBackwardNeedsATrainingForward() {
        Var w = Var.param("w", Tensor.of(new double[][] {{2}}));
        VarModel model = new VarModel(x -> x.matmul(w), w);
        model.train(false);
        assertEquals(Tensor.of(new double[][] {{6}}), model.forward(Tensor.of(new double[][] {{3}})));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> model.backward(Tensor.ones(1, 1)));
        assertEquals("VarModel.backward: no forward pass in training mode to back-propagate; call forward(x) with "
                + "train(true) first", e.getMessage());
        model.train(true);
        model.forward(Tensor.of(new double[][] {{3}}));
        model.backward(Tensor.of(new double[][] {{10}}));
        assertEquals(Tensor.of(new double[][] {{30}}), w.grad());      // dL/dw = xᵀ·dOut
        assertEquals("VarModel(params=[w[1, 1]])", model.toString());
    }
}
