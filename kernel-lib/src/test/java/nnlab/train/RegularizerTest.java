package nnlab.train;

import static nnlab.train.TrainerTest.blobs;
import static nnlab.train.TrainerTest.logistic;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Function;
import nnlab.Rng;
import nnlab.data.Dataset;
import nnlab.grad.GradCheck;
import nnlab.loss.BinaryCrossEntropy;
import nnlab.loss.MeanSquaredError;
import nnlab.nn.Net;
import nnlab.nn.Param;
import nnlab.optim.Adam;
import nnlab.optim.AdamW;
import nnlab.optim.Optimizer;
import nnlab.optim.SGD;
import nnlab.tensor.Tensor;
import org.junit.jupiter.api.Test;

class RegularizerTest {

    private static List<Param> weightAndBias() {
        return List.of(new Param("W", Tensor.of(new double[][] {{1, -2}, {0.5, 0}})), new Param("b", Tensor.of(3.0)));
    }

    @Test
    void penaltiesByHandSkipTheBias() {
        List<Param> ps = weightAndBias();
        // L2: (0.1 / 2)(1 + 4 + 0.25 + 0) = 0.2625; L1: 0.1 (1 + 2 + 0.5 + 0) = 0.35; b = 3 counts in neither
        assertEquals(0.2625, Regularizer.l2(0.1).penalty(ps), 1e-15);
        assertEquals(0.35, Regularizer.l1(0.1).penalty(ps), 1e-15);
        assertEquals(0, Regularizer.l2(0).penalty(ps));
    }

    @Test
    void gradientsByHandAddToTheWeightsGradientOnly() {
        List<Param> ps = weightAndBias();
        ps.get(0).accumulateGrad(Tensor.of(new double[][] {{1, 1}, {1, 1}}));
        Regularizer.l2(0.1).addGrad(ps);
        // grad += 0.1 W = [[0.1, -0.2], [0.05, 0]]
        assertTrue(ps.get(0).grad().allClose(Tensor.of(new double[][] {{1.1, 0.8}, {1.05, 1}}), 1e-15), "got " + ps.get(0).grad());
        assertEquals(Tensor.of(0.0), ps.get(1).grad());
        ps.get(0).zeroGrad();
        Regularizer.l1(0.1).addGrad(ps);
        // grad += 0.1 sign(W); sign(0) = 0
        assertEquals(Tensor.of(new double[][] {{0.1, -0.1}, {0.1, 0}}), ps.get(0).grad());
        assertEquals(Tensor.of(0.0), ps.get(1).grad());
    }

    @Test
    void gradientsMatchFiniteDifferencesOfThePenalty() {
        Tensor w0 = new Rng(3).uniform(-1, 1, 3, 4);     // no value at 0, where |w| has no derivative
        for (Regularizer r : List.of(Regularizer.l2(0.3), Regularizer.l1(0.3))) {
            Function<Tensor, Tensor> grad = w -> {
                Param p = new Param("W", w.copy());
                r.addGrad(List.of(p));
                return p.grad();
            };
            double err = GradCheck.checkGrad(w -> r.penalty(List.of(new Param("W", w))), grad, w0);
            assertTrue(err < 1e-7, r + ": relative error " + err);
        }
    }

    @Test
    void onlyBiasesAreLeftOut() {
        assertTrue(Regularizer.appliesTo(new Param("W", Tensor.of(1))));
        assertTrue(Regularizer.appliesTo(new Param("param", Tensor.of(1))));     // Var.param's name
        assertFalse(Regularizer.appliesTo(new Param("b", Tensor.of(1))));
        assertFalse(Regularizer.appliesTo(new Param("bias", Tensor.of(1))));
    }

    @Test
    void aNegativeOrNonFiniteLambdaNamesTheArgument() {
        var e = assertThrows(IllegalArgumentException.class, () -> Regularizer.l2(-1e-3));
        assertEquals("Regularizer.l2: lambda must be >= 0 (and finite), got -0.001", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Regularizer.l1(Double.NaN));
        assertEquals("Regularizer.l1: lambda must be >= 0 (and finite), got NaN", e.getMessage());
        assertEquals("Regularizer.l1(1.0E-4)", Regularizer.l1(1e-4).toString());
    }

    @Test
    void trainLossStaysTheDataLossAndPenaltyIsTheStepsMeanPenalty() {
        Dataset data = blobs(25, 2, 3);                       // 50 samples: batches of 16, 16, 16 and 2
        Regularizer l2 = Regularizer.l2(0.05);
        Net net = logistic(5);
        History h = new Trainer().verbose(false).seed(9).regularizer(l2).run(net, new BinaryCrossEntropy(),
                new SGD(net.params(), 0.5), data, null, 2, 16);
        assertEquals(List.of("epoch", "train_loss", "train_accuracy", "penalty", "lr"), h.metrics());

        Net byHand = logistic(5);
        SGD sgd = new SGD(byHand.params(), 0.5);
        BinaryCrossEntropy bce = new BinaryCrossEntropy();
        Rng rng = new Rng(9);
        for (int epoch = 0; epoch < 2; epoch++) {
            int[] order = rng.permutation(50);
            double loss = 0;
            double penalty = 0;
            for (int from = 0; from < 50; from += 16) {
                int[] idx = java.util.Arrays.copyOfRange(order, from, Math.min(50, from + 16));
                Tensor yb = data.y().take(idx).reshape(idx.length, 1);
                sgd.zeroGrad();
                Net.Trace trace = byHand.forward(data.x().take(idx));
                loss += bce.value(yb, trace.output()) * idx.length;
                penalty += 0.5 * 0.05 * byHand.params().get(0).value().flatten().dot(byHand.params().get(0).value().flatten())
                        * idx.length;
                byHand.backward(trace, bce.grad(yb, trace.output()));
                byHand.params().get(0).grad().addScaledInPlace(0.05, byHand.params().get(0).value());   // W only
                sgd.step();
            }
            assertEquals(loss / 50, h.trainLoss().get(epoch), 1e-12);
            assertEquals(penalty / 50, h.penalty().get(epoch), 1e-12);
        }
        assertTrue(net.params().get(0).value().allClose(byHand.params().get(0).value(), 1e-12));
        assertTrue(net.params().get(1).value().allClose(byHand.params().get(1).value(), 1e-12));
    }

    /** y = 2 x0 - x1 + noise, fitted by x W with one weight matrix W [2, 1] and no bias. */
    private static double[] trainedWeights(Function<List<Param>, Optimizer> make, Regularizer r) {
        Rng rng = new Rng(4);
        Tensor x = rng.uniform(-1, 1, 40, 2);
        Dataset data = new Dataset(x, x.col(0).mul(2).sub(x.col(1)).add(rng.normal(0, 0.1, 40)));
        Param w = new Param("W", Tensor.of(new double[][] {{0.5}, {0.5}}));
        Tensor[] last = new Tensor[1];
        Model linear = Model.of(xb -> (last[0] = xb).matmul(w.value()), dy -> w.accumulateGrad(last[0].transposeMatmul(dy)),
                List.of(w));
        new Trainer().verbose(false).regularizer(r).run(linear, new MeanSquaredError(), make.apply(List.of(w)), data, null, 5, 8);
        return w.value().toArray();
    }

    @Test
    void l2IsSgdWeightDecayForPlainSgdButNotDecoupledDecayForAdam() {
        double lambda = 0.1;
        double[] l2Sgd = trainedWeights(ps -> new SGD(ps, 0.1), Regularizer.l2(lambda));
        double[] decaySgd = trainedWeights(ps -> new SGD(ps, 0.1, 0, false, lambda), null);
        assertEquals(l2Sgd[0], decaySgd[0], 1e-12);
        assertEquals(l2Sgd[1], decaySgd[1], 1e-12);
        assertTrue(Math.abs(l2Sgd[0] - trainedWeights(ps -> new SGD(ps, 0.1), null)[0]) > 1e-3, "the penalty shrinks");

        double[] l2Adam = trainedWeights(ps -> new Adam(ps, 0.05), Regularizer.l2(lambda));
        double[] coupled = trainedWeights(ps -> new Adam(ps, 0.05, 0.9, 0.999, 1e-8, lambda), null);
        double[] decoupled = trainedWeights(ps -> new AdamW(ps, 0.05, 0.9, 0.999, 1e-8, lambda), null);
        assertEquals(l2Adam[0], coupled[0], 1e-12, "Adam's weightDecay is the L2 penalty's gradient");
        assertTrue(Math.abs(l2Adam[0] - decoupled[0]) > 1e-3 && Math.abs(l2Adam[1] - decoupled[1]) > 1e-3,
                "L2 with Adam " + java.util.Arrays.toString(l2Adam) + " vs AdamW " + java.util.Arrays.toString(decoupled));
    }
}
