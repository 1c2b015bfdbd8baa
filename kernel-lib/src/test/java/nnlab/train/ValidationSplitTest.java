package nnlab.train;

import static nnlab.train.TrainerTest.blobs;
import static nnlab.train.TrainerTest.logistic;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nnlab.Rng;
import nnlab.data.Dataset;
import nnlab.loss.BinaryCrossEntropy;
import nnlab.loss.MeanSquaredError;
import nnlab.metrics.Metrics;
import nnlab.nn.Linear;
import nnlab.nn.Net;
import nnlab.optim.SGD;
import nnlab.tensor.Tensor;
import org.junit.jupiter.api.Test;

class ValidationSplitTest {

    /** Labels 0 (first {@code zeros}) and 1 (the rest), x = the sample's index, so rows can be traced back. */
    private static Dataset indexed(int zeros, int ones) {
        int n = zeros + ones;
        double[] y = new double[n];
        Arrays.fill(y, zeros, n, 1);
        return new Dataset(Tensor.arange(n).reshape(n, 1), Tensor.of(y));
    }

    private static double count(Dataset d, double label) {
        return d.y().eq(label).sum();
    }

    @Test
    void holdsOutTheFractionStratifiedDisjointAndInOrder() {
        Dataset all = indexed(90, 10);
        Dataset[] parts = ValidationSplit.split(all, 0.2, true, new Rng(1));
        // fit: floor(0.8 * 100) = 80; per class floor(0.8 * 90) = 72 and floor(0.8 * 10) = 8 -> val 18 and 2
        assertEquals(80, parts[0].size());
        assertEquals(20, parts[1].size());
        assertEquals(18, count(parts[1], 0));
        assertEquals(2, count(parts[1], 1));
        Set<Double> seen = new HashSet<>();
        for (Dataset d : parts) {
            double[] rows = d.x().toArray();
            for (int i = 0; i < rows.length; i++) {
                assertTrue(seen.add(rows[i]), "row " + rows[i] + " is in both parts");
                assertTrue(i == 0 || rows[i] > rows[i - 1], "parts keep the dataset's order");
                assertEquals(rows[i] < 90 ? 0 : 1, d.y().get(i), "x and y stay together");
            }
        }
        assertEquals(100, seen.size());
    }

    @Test
    void seededAndWithoutLabelsPlainRandom() {
        Dataset all = indexed(50, 50);
        Tensor a = ValidationSplit.split(all, 0.3, true, new Rng(5))[1].x();
        assertEquals(a, ValidationSplit.split(all, 0.3, true, new Rng(5))[1].x());
        assertNotEquals(a, ValidationSplit.split(all, 0.3, true, new Rng(6))[1].x());
        Dataset regression = all.withY(all.x().flatten().mul(0.5));
        Dataset[] parts = ValidationSplit.split(regression, 0.3, false, new Rng(5));
        assertEquals(70, parts[0].size());
        assertEquals(30, parts[1].size());
    }

    @Test
    void aClassWithoutASampleInAPartIsAnError() {
        var e = assertThrows(IllegalArgumentException.class, () -> ValidationSplit.split(indexed(20, 1), 0.5, true, new Rng(1)));
        assertTrue(e.getMessage().matches("Trainer: validationSplit\\(0\\.5\\) leaves class 1 with no sample in the "
                + "(training|validation) part \\(it has 1 of the 21 training samples\\); every class needs one in both "
                + "parts: use a (smaller|larger) fraction or more samples of that class"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ValidationSplit.split(indexed(5, 3), 0.1, true, new Rng(1)));
        // fit floor(0.9 * 8) = 7: floor(4.5) + floor(2.7) = 6, and the 7th goes to the larger remainder, class 1: all 3
        assertEquals("Trainer: validationSplit(0.1) leaves class 1 with no sample in the validation part (it has 3 of "
                + "the 8 training samples); every class needs one in both parts: use a larger fraction or more samples "
                + "of that class", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ValidationSplit.split(indexed(3, 3), 0.9, true, new Rng(1)));
        assertEquals("Trainer: validationSplit(0.9) of 6 training samples leaves 0 to train on and 6 to validate; "
                + "expected both parts non-empty", e.getMessage());
    }

    @Test
    void aFractionOutsideZeroOneNamesTheSettingAndTheRange() {
        for (double f : new double[] {0, 1, -0.2, 1.5, Double.NaN}) {
            var e = assertThrows(IllegalArgumentException.class, () -> new Trainer().validationSplit(f));
            assertEquals("Trainer: validationSplit must be in (0, 1), the fraction of the training set to hold out "
                    + "(e.g. 0.2), got " + f, e.getMessage());
        }
    }

    @Test
    void theTrainerRecordsValidationMetricsOfTheHeldOutPart() {
        Dataset train = blobs(40, 2, 7);
        Net net = logistic(2);
        History h = new Trainer().verbose(false).seed(3).validationSplit(0.25).run(net, new BinaryCrossEntropy(),
                new SGD(net.params(), 0.3), train, blobs(20, 2, 8), 4, 10);
        assertEquals(List.of("epoch", "train_loss", "train_accuracy", "val_loss", "val_accuracy", "test_loss",
                "test_accuracy", "lr"), h.metrics());
        assertEquals(4, h.valLoss().size());
        assertEquals(4, h.valAccuracy().size());
        Dataset val = ValidationSplit.split(train, 0.25, true, new Rng(3))[1];     // the Trainer's own split
        assertEquals(20, val.size());
        Tensor out = net.predict(val.x());
        assertEquals(new BinaryCrossEntropy().value(val.y().reshape(20, 1), out), h.last("val_loss"), 1e-12);
        assertEquals(Metrics.accuracy(val.y(), out), h.last("val_accuracy"), 1e-12);
    }

    @Test
    void regressionGetsValLossWithoutAccuracy() {
        Rng rng = new Rng(2);
        Tensor x = rng.uniform(-1, 1, 30, 2);
        Dataset data = new Dataset(x, x.col(0).mul(0.7));
        Net net = new Net(new Linear(2, 1, rng));
        History h = new Trainer().verbose(false).validationSplit(0.2).run(net, new MeanSquaredError(),
                new SGD(net.params(), 0.1), data, null, 2, 5);
        assertEquals(List.of("epoch", "train_loss", "val_loss", "lr"), h.metrics());
    }

    @Test
    void validationColumnsShowInEveryViewOfTheHistory() {
        Dataset train = blobs(20, 2, 7);
        Net net = logistic(2);
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        History h;
        try {
            h = new Trainer().verbose(1).validationSplit(0.25).run(net, new BinaryCrossEntropy(), new SGD(net.params(), 0.3),
                    train, null, 2, 10);
        } finally {
            System.setOut(old);
        }
        String[] printed = buf.toString(StandardCharsets.UTF_8).split("\\R");
        assertEquals("epoch  train_loss  train_accuracy  val_loss  val_accuracy", printed[0]);
        assertTrue(printed[1].matches("    1 +\\d\\.\\d{4} +\\d\\.\\d{4} +\\d\\.\\d{4} +\\d\\.\\d{4}"), printed[1]);
        assertEquals("epoch      train_loss  train_accuracy        val_loss    val_accuracy              lr",
                h.toString().split("\n")[0]);
        assertTrue(h.toHtml().contains("<th>val_loss</th><th>val_accuracy</th>"), h.toHtml());
        assertEquals(List.of("epoch", "train_loss", "train_accuracy", "val_loss", "val_accuracy", "lr"),
                h.toTable().columnNames());
        assertEquals(h.last("val_loss"), h.toTable().doubleColumn("val_loss").get(1));
        var e = assertThrows(IllegalStateException.class, () -> h.last("penalty"));
        assertEquals("History.last: no values for penalty (no regularizer was set, e.g. new Trainer().regularizer("
                + "Regularizer.l2(1e-4))); this run records epoch, train_loss, train_accuracy, val_loss, val_accuracy, lr",
                e.getMessage());
    }
}
