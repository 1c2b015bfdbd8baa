package nnlab.train;

import static nnlab.train.TrainerTest.blobs;
import static nnlab.train.TrainerTest.logistic;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import nnlab.data.Dataset;
import nnlab.loss.BinaryCrossEntropy;
import nnlab.nn.Net;
import nnlab.nn.Param;
import nnlab.optim.Optimizer;
import nnlab.optim.SGD;
import nnlab.optim.Schedule;
import nnlab.tensor.Tensor;
import org.junit.jupiter.api.Test;

class PlateauTest {

    @Test
    void halvesAfterPatienceBadEpochsNeverBelowMinLrByHand() {
        double[] valLoss = {1.0, 0.8, 0.9, 0.85, 0.95, 0.7, 0.75, 0.76, 0.8, 0.8, 0.8, 0.8};
        // best 1.0, 0.8; 0.9 and 0.85 are two bad epochs -> 0.05; 0.95 bad, 0.7 best; 0.75, 0.76 -> 0.025;
        // two more -> max(0.0125, 0.02) = 0.02; two more -> max(0.01, 0.02): stays 0.02
        double[] expected = {0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.05, 0.025, 0.025, 0.02, 0.02, 0.02};
        History h = new History(EnumSet.of(Metric.VAL_LOSS));
        Optimizer opt = new SGD(List.of(new Param("w", Tensor.of(1))), 0.1);
        Plateau p = new Plateau(Metric.VAL_LOSS, 0.5, 2, 0.02);
        List<Metric> cols = List.of(Metric.EPOCH, Metric.TRAIN_LOSS, Metric.VAL_LOSS, Metric.LR);
        for (int e = 1; e <= valLoss.length; e++) {
            h.add(HistoryTest.row(cols, e, 1, valLoss[e - 1], opt.learningRate()));
            p.update(h, e, opt);
            assertEquals(expected[e - 1], opt.learningRate(), 1e-15, "after epoch " + e);
        }
    }

    @Test
    void theLrColumnRecordsEachChange() {
        Dataset train = blobs(30, 2, 2);
        Dataset flipped = train.withY(train.y().mul(-1).add(1));     // test loss rises as the net learns
        Net net = logistic(1);
        History h = new Trainer().verbose(false).reduceOnPlateau("test_loss", 0.5, 1).run(net, new BinaryCrossEntropy(),
                new SGD(net.params(), 0.4), train, flipped, 6, 10);
        List<Double> expected = new ArrayList<>(List.of(0.4));
        double best = h.testLoss().get(0);
        for (int e = 1; e < 6; e++) {                                 // patience 1: every epoch without a new best halves
            double v = h.testLoss().get(e - 1);
            boolean improved = v < best || e == 1;
            best = Math.min(best, v);
            expected.add(expected.get(e - 1) * (improved ? 1 : 0.5));
        }
        assertEquals(expected, h.learningRates());
        assertTrue(h.learningRates().get(5) < 0.4, h.toString());
    }

    @Test
    void theProgressTableShowsTheLearningRate() {
        Net net = logistic(1);
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            new Trainer().verbose(1).reduceOnPlateau("train_loss", 0.5, 2).run(net, new BinaryCrossEntropy(),
                    new SGD(net.params(), 0.1), blobs(10, 2, 2), null, 2, 5);
        } finally {
            System.setOut(old);
        }
        assertEquals("epoch  train_loss  train_accuracy        lr", buf.toString(StandardCharsets.UTF_8).split("\\R")[0]);
    }

    @Test
    void badSettingsNameTheArgument() {
        for (double f : new double[] {0, 1, 1.5, -0.5, Double.NaN}) {
            var e = assertThrows(IllegalArgumentException.class, () -> new Trainer().reduceOnPlateau("val_loss", f, 3));
            assertEquals("Trainer: reduceOnPlateau factor must be in (0, 1), got " + f, e.getMessage());
        }
        var e = assertThrows(IllegalArgumentException.class, () -> new Trainer().reduceOnPlateau("val_loss", 0.5, 0));
        assertEquals("Trainer: reduceOnPlateau patience must be >= 1, got 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Trainer().reduceOnPlateau("val_loss", 0.5, 2, -1e-3));
        assertEquals("Trainer: reduceOnPlateau minLr must be >= 0, got -0.001", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Trainer().reduceOnPlateau("lr", 0.5, 2));
        assertEquals("Trainer: reduceOnPlateau metric must be one of train_loss, train_accuracy, penalty, val_loss, "
                + "val_accuracy, test_loss, test_accuracy, got \"lr\"", e.getMessage());

        Net net = logistic(1);
        SGD opt = new SGD(net.params(), 0.1);
        Dataset d = blobs(10, 2, 2);
        e = assertThrows(IllegalArgumentException.class, () -> new Trainer().verbose(false).reduceOnPlateau("val_loss", 0.5, 2)
                .run(net, new BinaryCrossEntropy(), opt, d, null, 2, 5));
        assertEquals("Trainer: reduceOnPlateau on val_loss, which this run does not record (no validation split was set, "
                + "e.g. new Trainer().validationSplit(0.2)); it records train_loss, train_accuracy", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Trainer().verbose(false).reduceOnPlateau("train_loss", 0.5, 2)
                .schedule(Schedule.constant(0.1)).run(net, new BinaryCrossEntropy(), opt, d, null, 2, 5));
        assertEquals("Trainer: a schedule and reduceOnPlateau would both set the learning rate; use one of them "
                + "(schedule(null) removes the schedule)", e.getMessage());
    }
}
