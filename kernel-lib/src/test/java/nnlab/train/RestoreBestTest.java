package nnlab.train;

import static nnlab.train.TrainerTest.blobs;
import static nnlab.train.TrainerTest.logistic;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import nnlab.data.Dataset;
import nnlab.loss.BinaryCrossEntropy;
import nnlab.nn.Net;
import nnlab.nn.Param;
import nnlab.optim.SGD;
import nnlab.tensor.Tensor;
import org.junit.jupiter.api.Test;

class RestoreBestTest {
    private final Dataset train = blobs(30, 2, 2);
    /** Every label flipped: the better the net learns the training set, the worse its loss here. */
    private final Dataset flipped = train.withY(train.y().mul(-1).add(1));

    /** Trains with {@code t}, keeping a copy of the weights after every epoch (index 0 = after epoch 1). */
    private History run(Trainer t, Dataset test, int epochs, Net net, List<List<Tensor>> weights) {
        t.verbose(false).listener((h, epoch) -> weights.add(net.params().stream().map(p -> p.value().copy()).toList()));
        return t.run(net, new BinaryCrossEntropy(), new SGD(net.params(), 0.5), train, test, epochs, 10);
    }

    private static void assertWeights(List<Tensor> expected, Net net) {
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), net.params().get(i).value());
        }
    }

    @Test
    void earlyStoppingPutsBackTheBestEpochsWeights() {
        Net net = logistic(1);
        List<List<Tensor>> weights = new ArrayList<>();
        History h = run(new Trainer().earlyStopping("test_loss", 2).restoreBest(true), flipped, 50, net, weights);
        assertEquals(3, h.size());
        assertEquals(1, h.bestEpoch("test_loss"));
        assertWeights(weights.get(0), net);
        assertTrue(h.stopReason().matches("early stopping at epoch 3: test_loss has not decreased for 2 epochs "
                + "\\(best \\d\\.\\d{4} at epoch 1; restored the weights of epoch 1\\)"), h.stopReason());
    }

    @Test
    void withoutRestoreBestTheNetKeepsItsLastWeights() {
        Net net = logistic(1);
        List<List<Tensor>> weights = new ArrayList<>();
        History h = run(new Trainer().earlyStopping("test_loss", 2), flipped, 50, net, weights);
        assertWeights(weights.get(2), net);
        assertNotEquals(weights.get(0).get(0), net.params().get(0).value());
        assertTrue(h.stopReason().endsWith("; the net keeps the weights of epoch 3)"), h.stopReason());
    }

    @Test
    void whenEveryEpochRunsTheBestIsRestoredToo() {
        Net net = logistic(1);
        List<List<Tensor>> weights = new ArrayList<>();
        History h = run(new Trainer().earlyStopping("test_loss", 10).restoreBest(true), flipped, 6, net, weights);
        assertEquals(6, h.size());
        assertEquals(1, h.bestEpoch("test_loss"));
        assertWeights(weights.get(0), net);
        assertNotEquals(weights.get(0).get(0), weights.get(5).get(0), "the listener saw epoch 6's own weights; then they went back");
        assertEquals(String.format(java.util.Locale.ROOT, "completed 6 epochs; restored the weights of epoch 1, the best "
                + "test_loss (%.4f)", h.testLoss().get(0)), h.stopReason());

        Net improving = logistic(1);
        List<List<Tensor>> w2 = new ArrayList<>();
        History h2 = run(new Trainer().earlyStopping("train_loss", 10).restoreBest(true), null, 4, improving, w2);
        assertEquals(4, h2.bestEpoch("train_loss"));
        assertWeights(w2.get(3), improving);
        assertTrue(h2.stopReason().startsWith("completed 4 epochs; epoch 4 had the best train_loss ("), h2.stopReason());
        assertTrue(h2.stopReason().endsWith("), so its weights stay"), h2.stopReason());
    }

    @Test
    void earlyStoppingWorksOnValidationAndPenaltyMetrics() {
        Net net = logistic(1);
        History h = new Trainer().verbose(false).validationSplit(0.2).regularizer(Regularizer.l2(0.01))
                .earlyStopping("val_accuracy", 1).restoreBest(true)
                .run(net, new BinaryCrossEntropy(), new SGD(net.params(), 0.5), train, null, 50, 10);
        assertTrue(h.size() < 50, "separable blobs: validation accuracy reaches 1 and cannot increase: " + h);
        assertTrue(h.stopReason().contains("val_accuracy has not increased for 1 epoch "), h.stopReason());
        assertEquals(h.bestEpoch("val_accuracy"), h.size() - 1);
        Net net2 = logistic(1);
        History hp = new Trainer().verbose(false).regularizer(Regularizer.l2(0.01)).earlyStopping(Metric.PENALTY, 3)
                .run(net2, new BinaryCrossEntropy(), new SGD(net2.params(), 0.5), train, null, 5, 10);
        // on separable blobs the weights keep growing, so the penalty only rises: best at epoch 1, stop at 1 + 3
        assertEquals(4, hp.size(), hp.toString());
        assertEquals(1, hp.bestEpoch("penalty"));
        assertTrue(hp.penalty().get(3) > hp.penalty().get(0), hp.toString());
    }

    @Test
    void aMetricTheRunDoesNotRecordListsTheRecordedOnes() {
        Net net = logistic(1);
        SGD opt = new SGD(net.params(), 0.5);
        BinaryCrossEntropy bce = new BinaryCrossEntropy();
        var e = assertThrows(IllegalArgumentException.class, () -> new Trainer().verbose(false).earlyStopping("val_loss", 5)
                .run(net, bce, opt, train, flipped, 5, 10));
        assertEquals("Trainer: early stopping on val_loss, which this run does not record (no validation split was set, "
                + "e.g. new Trainer().validationSplit(0.2)); it records train_loss, train_accuracy, test_loss, test_accuracy",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Trainer().verbose(false).earlyStopping("penalty", 5)
                .run(net, bce, opt, train, null, 5, 10));
        assertEquals("Trainer: early stopping on penalty, which this run does not record (no regularizer was set, e.g. "
                + "new Trainer().regularizer(Regularizer.l2(1e-4))); it records train_loss, train_accuracy", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Trainer().verbose(false).restoreBest(true)
                .run(net, bce, opt, train, null, 5, 10));
        assertEquals("Trainer: restoreBest(true) restores the epoch where the early-stopping metric was best; set one, "
                + "e.g. earlyStopping(\"val_loss\", 5) (a patience of the number of epochs trains them all)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Trainer().earlyStopping("epoch", 5));
        assertEquals("Trainer: early stopping metric must be one of train_loss, train_accuracy, penalty, val_loss, "
                + "val_accuracy, test_loss, test_accuracy, got \"epoch\"", e.getMessage());
    }

    @Test
    void bestEpochMinimisesLossesMaximisesAccuraciesAndTakesTheFirstOnATie() {
        History h = new History(EnumSet.of(Metric.TRAIN_ACCURACY, Metric.VAL_LOSS));
        List<Metric> cols = List.of(Metric.EPOCH, Metric.TRAIN_LOSS, Metric.TRAIN_ACCURACY, Metric.VAL_LOSS, Metric.LR);
        double[][] rows = {{1, 0.9, 0.5, 0.8, 0.1}, {2, 0.5, 0.9, 0.4, 0.1}, {3, 0.3, 0.9, 0.6, 0.1}, {4, 0.2, 0.7, 0.4, 0.1}};
        for (double[] r : rows) {
            h.add(HistoryTest.row(cols, r));
        }
        assertEquals(4, h.bestEpoch("train_loss"));
        assertEquals(2, h.bestEpoch("train_accuracy"));       // 0.9 at epochs 2 and 3: the first
        assertEquals(2, h.bestEpoch(Metric.VAL_LOSS));        // 0.4 at epochs 2 and 4
        var e = assertThrows(IllegalArgumentException.class, () -> h.bestEpoch("lr"));
        assertEquals("History.bestEpoch: lr is not a loss or accuracy; expected one of train_loss, train_accuracy, val_loss",
                e.getMessage());
        var s = assertThrows(IllegalStateException.class, () -> h.bestEpoch("test_loss"));
        assertEquals("History.bestEpoch: no values for test_loss (no test set was given); this run records epoch, "
                + "train_loss, train_accuracy, val_loss, lr", s.getMessage());
        var empty = assertThrows(IllegalStateException.class,
                () -> new History(EnumSet.noneOf(Metric.class)).bestEpoch("train_loss"));
        assertEquals("History.bestEpoch: no values for train_loss (no epoch has finished)", empty.getMessage());
    }
}
