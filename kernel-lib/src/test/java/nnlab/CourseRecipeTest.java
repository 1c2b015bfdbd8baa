package nnlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import nnlab.data.Dataset;
import nnlab.data.Datasets;
import nnlab.data.Split;
import nnlab.loss.BinaryCrossEntropy;
import nnlab.loss.CrossEntropy;
import nnlab.metrics.Metrics;
import nnlab.nn.Linear;
import nnlab.nn.Net;
import nnlab.nn.ReLU;
import nnlab.nn.Sigmoid;
import nnlab.nn.Softmax;
import nnlab.nn.Tanh;
import nnlab.nn.Param;
import nnlab.optim.Adam;
import nnlab.optim.AdamW;
import nnlab.optim.SGD;
import nnlab.tensor.Tensor;
import nnlab.train.History;
import nnlab.train.Regularizer;
import nnlab.train.Trainer;
import org.junit.jupiter.api.Test;

/** The course's recipes end to end, through the public API only, as a notebook would run them. */
class CourseRecipeTest {

    /** Digits as the course prepares them: label 1 for digits below 5, one global mean and std. */
    private static Dataset binaryDigits() {
        Dataset ds = Datasets.digits();
        Tensor x = ds.x();
        x = x.sub(x.mean()).div(x.std());
        return new Dataset(x, ds.y().lt(5.0));
    }

    /** 64-32-1 ReLU/sigmoid net, BCE, SGD lr 0.01, batch 10, 100 epochs; returns the final test accuracy. */
    private static double trainDigits(Dataset data, long splitSeed) {
        Split split = Split.trainTest(data, 0.5, new Rng(splitSeed));
        Rng rng = new Rng(12345);
        Net net = new Net(new Linear(64, 32, rng), new ReLU(), new Linear(32, 1, rng), new Sigmoid());
        History h = new Trainer().verbose(false)
                .run(net, new BinaryCrossEntropy(), new SGD(net.params(), 0.01), split.train(), split.test(), 100, 10);
        double acc = h.last("test_accuracy");
        assertEquals(acc, Metrics.accuracy(split.test().y(), net.predict(split.test().x())), 1e-12,
                "History's test accuracy must be the accuracy of the final net");
        return acc;
    }

    /**
     * The course reports 0.973–0.98 test accuracy. Our split with seed 12345 draws a different (and,
     * with this Rng, harder) half of the data than numpy's, so the recipe is run on five seeded splits:
     * each must reach 0.955, their mean 0.97, and seed 12345 itself 0.96.
     */
    @Test
    void digitsBelowFiveReachTheCourseAccuracy() {
        Dataset data = binaryDigits();
        long[] seeds = {12345, 1, 2, 3, 4};
        double sum = 0;
        for (long seed : seeds) {
            double acc = trainDigits(data, seed);
            assertTrue(acc >= 0.955, "split seed " + seed + ": test accuracy " + acc + " < 0.955");
            if (seed == 12345) {
                assertTrue(acc >= 0.96, "split seed 12345: test accuracy " + acc + " < 0.96");
            }
            sum += acc;
        }
        double mean = sum / seeds.length;
        assertTrue(mean >= 0.97, "mean test accuracy over 5 splits " + mean + " < 0.97");
    }

    @Test
    void circlesWithOneTanhLayerAndSoftmaxOutput() {
        Dataset data = Datasets.circles(600, 0.1, 0.5, new Rng(7));
        Split split = Split.trainTest(data, 0.5, new Rng(12345));
        Rng rng = new Rng(12345);
        Net net = new Net(new Linear(2, 16, rng), new Tanh(), new Linear(16, 2, rng));
        History h = new Trainer().verbose(false)
                .run(net, new CrossEntropy(), new SGD(net.params(), 0.1), split.train(), split.test(), 200, 20);
        Tensor probabilities = new Softmax().forward(net.predict(split.test().x()));
        assertTrue(probabilities.sum(1).allClose(Tensor.ones(split.test().size()), 1e-12), "softmax rows sum to 1");
        double acc = Metrics.accuracy(split.test().y(), probabilities);
        assertEquals(h.last("test_accuracy"), acc, 1e-12);
        assertTrue(acc >= 0.9, "circles test accuracy " + acc + " < 0.9");
    }

    /** The README's second recipe: a validation split, an L2 penalty, early stopping that restores the best epoch. */
    @Test
    void digitsWithAValidationSplitPenaltyAndRestoredBestWeights() {
        Split split = Split.trainTest(binaryDigits(), 0.5, new Rng(12345));
        Rng rng = new Rng(12345);
        Net net = new Net(new Linear(64, 32, rng), new ReLU(), new Linear(32, 1, rng), new Sigmoid());
        History h = new Trainer().verbose(false).validationSplit(0.2).regularizer(Regularizer.l2(1e-3))
                .earlyStopping("val_loss", 5).restoreBest(true)
                .run(net, new BinaryCrossEntropy(), new AdamW(net.params(), 1e-3), split.train(), split.test(), 100, 10);
        assertEquals(List.of("epoch", "train_loss", "train_accuracy", "penalty", "val_loss", "val_accuracy", "test_loss",
                "test_accuracy", "lr"), h.metrics());
        int best = h.bestEpoch("val_loss");
        assertTrue(h.stopReason().contains("epoch " + best), h.stopReason());
        double acc = Metrics.accuracy(split.test().y(), net.predict(split.test().x()));
        assertEquals(h.testAccuracy().get(best - 1), acc, 1e-12, "the net has the best epoch's weights");
        assertTrue(acc >= 0.95, "test accuracy " + acc);
    }

    @Test
    void adamMinimizesABowlFromTheReadme() {
        Tensor path = new Adam(List.of(new Param("xy", Tensor.of(-1.5, 2.0))), 0.05)
                .minimize(p -> Tensor.of(2 * p.get(0), 20 * p.get(1)), 200);
        assertEquals(List.of(201, 2), List.of(path.shape(0), path.shape(1)));
        assertTrue(path.row(200).norm() < 0.05, "end " + path.row(200));
    }
}
