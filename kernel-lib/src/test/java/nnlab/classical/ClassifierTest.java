package nnlab.classical;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import nnlab.Rng;
import nnlab.data.Dataset;
import nnlab.data.Datasets;
import nnlab.data.Split;
import nnlab.metrics.ConfusionMatrix;
import nnlab.metrics.Metrics;
import nnlab.plot.Plots;
import nnlab.tensor.Tensor;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class ClassifierTest {
    private static final Dataset XOR = new Dataset(
            Tensor.of(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}, {0.1, 0.1}, {0.1, 0.9}, {0.9, 0.1}, {0.9, 0.9}}),
            Tensor.of(0, 1, 1, 0, 0, 1, 1, 0));

    @Test
    void treeDepthBoundsItsLeavesAndAnUnlimitedTreeMemorises() {
        Split s = Split.trainTest(Datasets.digits(), 0.7, new Rng(1), true);
        Classifier stump = Classifier.tree(1).fit(s.train());
        assertEquals(2, stump.leaves());
        assertEquals(1, stump.depth());
        Classifier d3 = Classifier.tree(3).fit(s.train());
        assertTrue(d3.leaves() <= 8 && d3.depth() <= 3, d3.leaves() + " leaves");
        Classifier full = Classifier.tree().fit(s.train());
        assertEquals(1.0, full.accuracy(s.train()), "an unlimited tree fits every training sample");
        assertTrue(full.accuracy(s.test()) > 0.75 && full.accuracy(s.test()) < 1.0, "" + full.accuracy(s.test()));
        assertTrue(full.leaves() > d3.leaves());
        assertTrue(full.fitSeconds() >= 0);
    }

    @Test
    void aStumpSplitsBetweenTheClasses() {
        Dataset line = new Dataset(Tensor.of(new double[][] {{0}, {1}, {2}, {3}}), Tensor.of(0, 0, 1, 1));
        Classifier stump = Classifier.tree(1).fit(line);
        assertArrayEquals(new int[] {0, 0, 0, 1, 1, 1}, stump.predictLabels(Tensor.of(new double[][] {{-5}, {0}, {1}, {2}, {3}, {9}})).toIntArray());
        assertTrue(stump.predict(Tensor.of(new double[][] {{0}})).allClose(Tensor.of(new double[][] {{1, 0}}), 0), "pure leaves");
    }

    @Test
    void xorByHandForSvmsAndNeighbours() {
        for (Classifier c : new Classifier[] {Classifier.svm(Kernel.rbf(2), 100),
                Classifier.svm(Kernel.poly(2), 100), Classifier.knn(1)}) {
            c.fit(XOR);
            assertArrayEquals(XOR.y().toIntArray(), c.predictLabels(XOR.x()).toIntArray(), c.name());
        }
        // a linear model cannot separate XOR: at most 3 of the 4 corners
        Classifier linear = Classifier.svm(Kernel.linear(), 1).fit(XOR);
        assertTrue(linear.accuracy(XOR) <= 0.75, "" + linear.accuracy(XOR));
    }

    @Test
    void predictionsWorkWithMetricsConfusionAndDecisionBoundary() {
        Dataset circles = Datasets.circles(200, 0.05, 0.5, new Rng(3));
        Classifier svm = Classifier.svm(Kernel.rbf(1), 10).fit(circles);
        Tensor scores = svm.predict(circles.x());
        assertArrayEquals(new int[] {200, 2}, scores.shape());
        assertTrue(scores.sum(1).allClose(Tensor.ones(200), 0), "SVM scores are one-hot votes");
        double acc = Metrics.accuracy(circles.y(), scores);
        assertTrue(acc > 0.95, "" + acc);
        assertTrue(svm.supportVectors() >= 2 && svm.supportVectors() < 200, "" + svm.supportVectors());
        assertTrue(Classifier.svm(Kernel.rbf(1), 0.01).fit(circles).supportVectors() > svm.supportVectors(),
                "a smaller C allows more margin violations, so more support vectors");
        assertEquals(acc, svm.accuracy(circles));
        ConfusionMatrix cm = ConfusionMatrix.fromScores(circles.y(), scores);
        assertEquals(200, cm.counts()[0][0] + cm.counts()[0][1] + cm.counts()[1][0] + cm.counts()[1][1]);
        assertTrue(Plots.decisionBoundary(svm::predict, circles).getWidth() > 0);
        Classifier lr = Classifier.logistic(Penalty.L2, 1).fit(circles);
        assertTrue(lr.predict(circles.x()).sum(1).allClose(Tensor.ones(200), 1e-9), "logistic scores are probabilities");
    }

    @Test
    void logisticRegressionOnDigitsAndL1Sparsity() {
        Split s = Split.trainTest(Datasets.digits(), 0.7, new Rng(1), true);
        Dataset train = s.train().withX(s.train().x().div(16));
        Dataset test = s.test().withX(s.test().x().div(16));
        for (Penalty p : Penalty.values()) {
            Classifier lr = Classifier.logistic(p, 1).fit(train);
            assertTrue(lr.accuracy(test) > 0.9, p + ": " + lr.accuracy(test));
        }
        Classifier knn = Classifier.knn(3).fit(train);
        assertTrue(knn.accuracy(test) > 0.95, "" + knn.accuracy(test));
    }

    @Test
    void resultsTable() {
        Classifier c = Classifier.knn(1).fit(XOR);
        Table t = new Results("xor").add(c, XOR, XOR).add("guess", 0.5, 0.5, 1.23456).table();
        assertEquals(1.23, t.doubleColumn("fit seconds").get(1));
        assertEquals("xor", t.name());
        assertEquals(2, t.rowCount());
        assertEquals("knn(k=1)", t.stringColumn("model").get(0));
        assertEquals(1.0, t.doubleColumn("test accuracy").get(0));
        assertEquals("Results.add: testAccuracy must be in [0, 1] (or NaN), got 1.5",
                assertThrows(IllegalArgumentException.class, () -> new Results("r").add("m", 1, 1.5, 0)).getMessage());
    }

    @Test
    void kernelFormulas() {
        Tensor u = Tensor.of(1, 2);
        Tensor v = Tensor.of(3, -1);
        assertEquals(1.0, Kernel.linear().apply(u, v));
        assertEquals(Math.pow(0.5 * 1 + 2, 3), Kernel.poly(3, 0.5, 2).apply(u, v), 1e-12);
        assertEquals(Math.exp(-0.1 * 13), Kernel.rbf(0.1).apply(u, v), 1e-12);
        assertEquals(Math.tanh(0.2 + 1), Kernel.sigmoid(0.2, 1).apply(u, v), 1e-12);
        assertEquals("poly(degree=2, gamma=1.0, coef0=1.0)", Kernel.poly(2).toString());
    }

    @Test
    void badParametersNameTheirRange() {
        assertEquals("Kernel.poly: degree must be in 1..10, got 0",
                assertThrows(IllegalArgumentException.class, () -> Kernel.poly(0)).getMessage());
        assertEquals("Kernel.rbf: gamma must be a finite number > 0, got -1.0",
                assertThrows(IllegalArgumentException.class, () -> Kernel.rbf(-1)).getMessage());
        assertEquals("Kernel.sigmoid: coef0 must be finite, got NaN",
                assertThrows(IllegalArgumentException.class, () -> Kernel.sigmoid(1, Double.NaN)).getMessage());
        assertEquals("Classifier.svm: C must be a finite number > 0, got 0.0",
                assertThrows(IllegalArgumentException.class, () -> Classifier.svm(Kernel.linear(), 0)).getMessage());
        assertEquals("Classifier.logistic: C must be a finite number > 0, got -2.0",
                assertThrows(IllegalArgumentException.class, () -> Classifier.logistic(Penalty.L1, -2)).getMessage());
        assertEquals("Classifier.tree: maxDepth must be >= 1 (or use tree() for no limit), got 0",
                assertThrows(IllegalArgumentException.class, () -> Classifier.tree(0)).getMessage());
        assertEquals("Classifier.knn: k must be >= 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> Classifier.knn(0)).getMessage());
        Classifier t = Classifier.tree(2);
        assertEquals("tree(maxDepth=2).predict: not fitted yet; call fit(train) first",
                assertThrows(IllegalStateException.class, () -> t.predict(XOR.x())).getMessage());
        t.fit(XOR);
        assertEquals("tree(maxDepth=2).predict: expected x [N, 2] (the training set's features), got [3, 5]",
                assertThrows(IllegalArgumentException.class, () -> t.predict(Tensor.zeros(3, 5))).getMessage());
        Classifier knn = Classifier.knn(1).fit(XOR);
        assertEquals("knn(k=1).leaves: only a tree has leaves; this is knn(k=1)",
                assertThrows(IllegalStateException.class, knn::leaves).getMessage());
    }
}
