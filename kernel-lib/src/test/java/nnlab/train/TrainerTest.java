package nnlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import nnlab.Rng;
import nnlab.data.Dataset;
import nnlab.loss.BinaryCrossEntropy;
import nnlab.loss.CrossEntropy;
import nnlab.loss.MeanSquaredError;
import nnlab.nn.Linear;
import nnlab.nn.Net;
import nnlab.nn.Sigmoid;
import nnlab.optim.Optimizer;
import nnlab.optim.SGD;
import nnlab.optim.Schedule;
import nnlab.tensor.Tensor;
import org.junit.jupiter.api.Test;

class TrainerTest {

    /** {@code n} points per class around centres (-2,-2), (2,2), (2,-2)..., std 0.5: linearly separable. */
    static Dataset blobs(int n, int classes, long seed) {
        double[][] centres = {{-2, -2}, {2, 2}, {2, -2}};
        Rng rng = new Rng(seed);
        double[] x = new double[n * classes * 2];
        double[] y = new double[n * classes];
        for (int i = 0; i < n * classes; i++) {
            int c = i % classes;
            x[2 * i] = centres[c][0] + 0.5 * rng.nextGaussian();
            x[2 * i + 1] = centres[c][1] + 0.5 * rng.nextGaussian();
            y[i] = c;
        }
        return new Dataset(Tensor.fromArray(x, n * classes, 2), Tensor.of(y));
    }

    static Net logistic(long seed) {
        Rng rng = new Rng(seed);
        return new Net(new Linear(2, 1, rng), new Sigmoid());
    }

    private static Trainer quiet() {
        return new Trainer().verbose(false);
    }

    @Test
    void learnsASeparableBinaryProblemWithSigmoidOutputAndBce() {
        Net net = logistic(1);
        History h = quiet().run(net, new BinaryCrossEntropy(), new SGD(net.params(), 0.5), blobs(50, 2, 2),
                blobs(50, 2, 3), 10, 10);
        assertEquals(10, h.size());
        assertEquals(List.of(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0), h.epochs());
        assertTrue(h.last("test_accuracy") >= 0.98, h.toString());
        assertTrue(h.trainLoss().get(9) < h.trainLoss().get(0), h.toString());
        assertEquals("completed 10 epochs", h.stopReason());
        assertEquals(10, h.testLoss().size());
        assertEquals(10, h.trainAccuracy().size());
    }

    @Test
    void multiClassWithCrossEntropyOnLabelsAndMseOnOneHot() {
        Net net = new Net(new Linear(2, 3, new Rng(4)));
        History h = quiet().run(net, new CrossEntropy(), new SGD(net.params(), 0.5), blobs(40, 3, 5),
                blobs(40, 3, 6), 10, 8);
        assertTrue(h.last("test_accuracy") >= 0.95, h.toString());

        Net mse = new Net(new Linear(2, 3, new Rng(4)), new Sigmoid());
        History hm = quiet().run(mse, new MeanSquaredError(), new SGD(mse.params(), 1.0), blobs(40, 3, 5),
                blobs(40, 3, 6), 20, 8);
        assertTrue(hm.last("test_accuracy") >= 0.9, hm.toString());
    }

    @Test
    void trainsExactlyAsAHandWrittenLoopOverShuffledBatches() {
        Dataset data = blobs(25, 2, 3);                       // 50 samples: batches of 16, 16, 16 and 2
        Net trained = logistic(5);
        quiet().seed(9).run(trained, new BinaryCrossEntropy(), new SGD(trained.params(), 0.5), data, null, 3, 16);

        Net byHand = logistic(5);
        SGD sgd = new SGD(byHand.params(), 0.5);
        BinaryCrossEntropy bce = new BinaryCrossEntropy();
        Rng rng = new Rng(9);
        for (int epoch = 0; epoch < 3; epoch++) {
            int[] order = rng.permutation(50);
            for (int from = 0; from < 50; from += 16) {
                int[] idx = java.util.Arrays.copyOfRange(order, from, Math.min(50, from + 16));
                Net.Trace trace = byHand.forward(data.x().take(idx));
                sgd.zeroGrad();                               // gradients accumulate, as in PyTorch's loop
                byHand.backward(trace, bce.grad(data.y().take(idx).reshape(idx.length, 1), trace.output()));
                sgd.step();
            }
        }
        for (int i = 0; i < byHand.params().size(); i++) {
            Tensor expected = byHand.params().get(i).value();
            assertTrue(trained.params().get(i).value().allClose(expected, 1e-15), trained.params().get(i) + " vs " + expected);
        }
    }

    @Test
    void trainsAnyModelAsItTrainsANet() {
        Dataset data = blobs(25, 2, 3);
        Net net = logistic(5);
        History viaNet = quiet().seed(4).run(net, new BinaryCrossEntropy(), new SGD(net.params(), 0.5), data, data, 3, 16);

        Net inner = logistic(5);                                 // the same weights, wrapped in two lambdas
        Net.Trace[] last = new Net.Trace[1];
        Model lambdas = Model.of(xb -> last[0] = inner.forward(xb), dOut -> inner.backward(last[0], dOut), inner.params());
        History viaModel = quiet().seed(4).run(lambdas, new BinaryCrossEntropy(), new SGD(lambdas.params(), 0.5),
                data, data, 3, 16);
        assertEquals(viaNet.trainLoss(), viaModel.trainLoss());
        assertEquals(viaNet.testAccuracy(), viaModel.testAccuracy());
        for (int i = 0; i < net.params().size(); i++) {
            assertEquals(net.params().get(i).value(), inner.params().get(i).value());
        }
        var e = assertThrows(IllegalArgumentException.class, () -> Model.of(null, d -> { }, List.of()));
        assertEquals("Model.of: forward, backward and params must not be null", e.getMessage());
    }

    @Test
    void earlyStoppingTakesAMetricToo() {
        Net net = logistic(1);
        History h = quiet().earlyStopping(Metric.TRAIN_ACCURACY, 2).run(net, new BinaryCrossEntropy(),
                new SGD(net.params(), 0.5), blobs(10, 2, 2), null, 50, 5);
        assertTrue(h.size() < 50, "separable blobs reach accuracy 1, which cannot increase: " + h.stopReason());
        assertTrue(h.stopReason().contains("train_accuracy has not increased for 2 epochs"), h.stopReason());
        assertEquals(h.last("train_loss"), h.last(Metric.TRAIN_LOSS));
        var e = assertThrows(IllegalArgumentException.class, () -> new Trainer().earlyStopping(Metric.LR, 2));
        assertEquals("Trainer: early stopping metric must be one of train_loss, train_accuracy, penalty, val_loss, "
                + "val_accuracy, test_loss, test_accuracy, got \"lr\"", e.getMessage());
    }

    @Test
    void sameSeedGivesTheSameHistoryAndAnotherSeedDoesNot() {
        Dataset train = blobs(30, 2, 7);
        List<List<Double>> runs = new ArrayList<>();
        for (long seed : new long[] {99, 99, 100}) {
            Net net = logistic(8);
            History h = quiet().seed(seed).run(net, new BinaryCrossEntropy(), new SGD(net.params(), 0.1), train,
                    null, 3, 5);
            runs.add(h.trainLoss());
        }
        assertEquals(runs.get(0), runs.get(1));
        assertNotEquals(runs.get(0), runs.get(2));
    }

    @Test
    void withoutATestSetOnlyTrainMetricsAreKept() {
        Net net = logistic(1);
        History h = quiet().run(net, new BinaryCrossEntropy(), new SGD(net.params(), 0.1), blobs(10, 2, 2), null, 2, 4);
        assertEquals(List.of("epoch", "train_loss", "train_accuracy", "lr"), h.metrics());
        assertTrue(h.testLoss().isEmpty());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> h.last("test_loss"));
        assertEquals("History.last: no values for test_loss (no test set was given); this run records epoch, train_loss, "
                + "train_accuracy, lr", e.getMessage());
    }

    @Test
    void earlyStoppingStopsWhenTheTestMetricStopsImproving() {
        Dataset train = blobs(30, 2, 2);
        // the test set has every label flipped: the better the net learns, the worse its test loss gets
        Dataset flipped = train.withY(train.y().mul(-1).add(1));
        Net net = logistic(1);
        History h = quiet().earlyStopping("test_loss", 2).run(net, new BinaryCrossEntropy(),
                new SGD(net.params(), 0.5), train, flipped, 50, 10);
        assertEquals(3, h.size(), h.toString());
        assertTrue(h.stopReason().startsWith("early stopping at epoch 3: test_loss has not decreased for 2 epochs "
                + "(best "), h.stopReason());
        assertTrue(h.stopReason().endsWith(" at epoch 1; the net keeps the weights of epoch 3)"), h.stopReason());

        Net net2 = logistic(1);
        History h2 = quiet().earlyStopping("test_accuracy", 1).run(net2, new BinaryCrossEntropy(),
                new SGD(net2.params(), 0.5), train, flipped, 50, 10);
        assertTrue(h2.size() < 50 && h2.stopReason().contains("test_accuracy has not increased for 1 epoch "),
                h2.toString());
    }

    @Test
    void scheduleSetsTheLearningRateEachEpoch() {
        Net net = logistic(1);
        Optimizer opt = new SGD(net.params(), 1.0);
        History h = quiet().schedule(Schedule.exponential(0.1, 0.5)).run(net, new BinaryCrossEntropy(), opt,
                blobs(10, 2, 2), null, 3, 5);
        assertEquals(List.of(0.1, 0.05, 0.025), h.learningRates());
        assertEquals(0.025, opt.learningRate());
    }

    @Test
    void listenerIsCalledAfterEveryEpochWithTheGrowingHistory() {
        List<String> calls = new ArrayList<>();
        Net net = logistic(1);
        Trainer.fit(net, new BinaryCrossEntropy(), new SGD(net.params(), 0.1), blobs(10, 2, 2), null, 3, 5,
                (h, epoch) -> calls.add(epoch + ":" + h.size()));
        assertEquals(List.of("1:1", "2:2", "3:3"), calls);
    }

    @Test
    void hugeLearningRateStopsWithEpochStepAndAdvice() {
        Net net = new Net(new Linear(2, 1, new Rng(1)));
        TrainingException e = assertThrows(TrainingException.class, () -> quiet().shuffle(false).run(net,
                new MeanSquaredError(), new SGD(net.params(), 1e200), blobs(10, 2, 2), null, 5, 2));
        assertEquals("Trainer: the training loss became Infinity at epoch 1, step 2 of 10 (learning rate 1.0E200); "
                + "the weights have diverged. Try a smaller learning rate, e.g. 1.0E199", e.getMessage());
        assertEquals(0, e.history().size());
        assertEquals(e.getMessage(), e.history().stopReason());
    }

    @Test
    void interruptingTheThreadStopsAtTheNextBatch() {
        Net net = logistic(1);
        TrainingException e = assertThrows(TrainingException.class, () -> quiet()
                .listener((h, epoch) -> {
                    if (epoch == 2) {
                        Thread.currentThread().interrupt();   // what the notebook's stop button does
                    }
                })
                .run(net, new BinaryCrossEntropy(), new SGD(net.params(), 0.1), blobs(10, 2, 2), null, 10, 2));
        assertEquals("Trainer: interrupted at epoch 3, step 1 of 10; the net keeps its current weights and history() "
                + "holds the 2 finished epochs", e.getMessage());
        assertEquals(2, e.history().size());
        assertTrue(!Thread.currentThread().isInterrupted());
    }

    @Test
    void interruptFromAnotherThreadEndsALongRun() throws Exception {
        Net net = logistic(1);
        CountDownLatch firstEpoch = new CountDownLatch(1);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread worker = new Thread(() -> {
            try {
                quiet().listener((h, epoch) -> firstEpoch.countDown()).run(net, new BinaryCrossEntropy(),
                        new SGD(net.params(), 0.1), blobs(50, 2, 2), null, 1_000_000, 1);
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        worker.start();
        assertTrue(firstEpoch.await(60, java.util.concurrent.TimeUnit.SECONDS), "no epoch finished: " + thrown.get());
        worker.interrupt();
        worker.join(10_000);
        assertTrue(!worker.isAlive(), "training did not stop after the interrupt");
        assertInstanceOf(TrainingException.class, thrown.get());
        assertTrue(thrown.get().getMessage().startsWith("Trainer: interrupted at epoch "), thrown.get().getMessage());
    }

    @Test
    void verbosePrintsACompactTableAndOneProgressLine() {
        String[] lines = printed(new Trainer(), 20);
        assertEquals(1 + 10 + 1, lines.length, "header, every second of 20 epochs, the line:\n" + String.join("\n", lines));
        assertEquals("epoch  train_loss  train_accuracy", lines[0]);
        assertTrue(lines[1].matches("    2      \\d\\.\\d{4}          \\d\\.\\d{4}"), lines[1]);
        assertTrue(lines[11].matches("epoch 20/20 \\[#{20}\\] 100%  \\d+\\.\\d s"), lines[11]);
        assertEquals(1 + 4 + 1, printed(new Trainer().verbose(5), 20).length, "verbose(5): a row every 5 epochs");
        assertEquals(1 + 1 + 1, printed(new Trainer().verbose(0), 20).length, "verbose(0): only the last");
        assertEquals(0, printed(new Trainer().verbose(false), 20).length);
    }

    private static String[] printed(Trainer t, int epochs) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            Net net = logistic(1);
            t.run(net, new BinaryCrossEntropy(), new SGD(net.params(), 0.1), blobs(10, 2, 2), null, epochs, 5);
        } finally {
            System.setOut(old);
        }
        String out = buf.toString(StandardCharsets.UTF_8);
        return out.isEmpty() ? new String[0] : out.split("\\R");
    }

    @Test
    void invalidArgumentsAreRejectedWithTheirValues() {
        Net net = logistic(1);
        SGD opt = new SGD(net.params(), 0.1);
        Dataset d = blobs(5, 2, 2);
        BinaryCrossEntropy bce = new BinaryCrossEntropy();
        assertMessage("Trainer: epochs must be >= 1, got 0", () -> Trainer.fit(net, bce, opt, d, null, 0, 5));
        assertMessage("Trainer: batchSize must be >= 1, got -1", () -> Trainer.fit(net, bce, opt, d, null, 1, -1));
        assertMessage("Trainer: loss must not be null", () -> Trainer.fit(net, null, opt, d, null, 1, 5));
        SGD other = new SGD(logistic(2).params(), 0.1);
        assertMessage("Trainer: the optimizer updates none of this net's parameters; create it from this net, "
                + "e.g. new SGD(net.params(), 0.01)", () -> Trainer.fit(net, bce, other, d, null, 1, 5));
        assertMessage("Trainer: early stopping metric must be one of train_loss, train_accuracy, penalty, val_loss, "
                + "val_accuracy, test_loss, test_accuracy, got \"val_los\"", () -> new Trainer().earlyStopping("val_los", 3));
        assertMessage("Trainer: patience must be >= 1, got 0", () -> new Trainer().earlyStopping("test_loss", 0));
        assertMessage("Trainer: early stopping on test_loss, which this run does not record (no test set was given); "
                + "it records train_loss, train_accuracy",
                () -> quiet().earlyStopping("test_loss", 2).run(net, bce, opt, d, null, 1, 5));
    }

    private static void assertMessage(String expected, Runnable r) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        assertEquals(expected, e.getMessage());
    }
}
