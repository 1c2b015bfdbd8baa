package nnlab.classical;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.logging.Logger;
import nnlab.data.Dataset;
import nnlab.data.Datasets;
import nnlab.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.dtree.CARTClassificationTrainer;

class TribuoTest {
    @Test
    void datasetRoundTripsWithZerosAndLabels() {
        Tensor x = Tensor.of(new double[][] {{0, 1.5, 0}, {2, 0, -3}, {0, 0, 0}});
        Dataset ds = new Dataset(x, Tensor.of(2, 0, 1));
        MutableDataset<Label> t = Tribuo.dataset(ds);
        assertEquals(3, t.size());
        assertEquals("2", t.getExample(0).getOutput().getLabel());
        Dataset back = Tribuo.toDataset(t, 3);
        assertEquals(x, back.x());
        assertEquals(ds.y(), back.y());
        Dataset digits = Datasets.digits().subset(0, 200);
        Dataset digitsBack = Tribuo.toDataset(Tribuo.dataset(digits), 64);
        assertEquals(digits.x(), digitsBack.x());
        assertEquals(digits.y(), digitsBack.y());
    }

    @Test
    void featureNamesSortInColumnOrder() {
        assertArrayEquals(new String[] {"x0", "x1", "x2"}, Tribuo.names(3));
        String[] names = Tribuo.names(784);
        assertEquals("x000", names[0]);
        assertEquals("x783", names[783]);
        String[] sorted = names.clone();
        java.util.Arrays.sort(sorted);
        assertArrayEquals(names, sorted);
    }

    @Test
    void scoresOfAPlainTribuoModel() {
        Dataset digits = Datasets.digits();
        Model<Label> model = new CARTClassificationTrainer(8).train(Tribuo.dataset(digits));
        Tensor s = Tribuo.scores(model, digits.x().rows(0, 50), 10);
        assertArrayEquals(new int[] {50, 10}, s.shape());
        assertTrue(s.sum(1).allClose(Tensor.ones(50), 1e-9), "tree scores are probabilities");
        assertEquals("Tribuo.scores: the model knows class 9, outside 0..4; pass the training set's numClasses()",
                assertThrows(IllegalArgumentException.class, () -> Tribuo.scores(model, digits.x().rows(9, 10), 5)).getMessage());
    }

    @Test
    void loggingAndLibSvmStayOffStderr() {
        PrintStream err = System.err;
        PrintStream out = System.out;
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        System.setErr(new PrintStream(errBytes, true));
        System.setOut(new PrintStream(outBytes, true));
        try {
            Dataset d = Datasets.digits().subset(0, 300);
            Classifier.svm(Kernel.rbf(0.001), 1).fit(d);
            Classifier.logistic(Penalty.L2, 1).fit(d);
            Logger.getLogger("org.tribuo.SomeClass").info("an info line");
            Logger.getLogger("org.tribuo.SomeClass").warning("a warning");
        } finally {
            System.setErr(err);
            System.setOut(out);
        }
        assertEquals("", errBytes.toString());
        assertEquals("Tribuo warning: a warning" + System.lineSeparator(), outBytes.toString());
    }

    @Test
    void badInputIsNamed() {
        assertEquals("Tribuo.dataset: the dataset is empty; expected at least one sample",
                assertThrows(IllegalArgumentException.class,
                        () -> Tribuo.dataset(new Dataset(Tensor.zeros(0, 2), Tensor.zeros(0)))).getMessage());
        assertEquals("Tribuo.dataset: y[1] is 0.5; expected class indices 0, 1, 2, ...",
                assertThrows(IllegalArgumentException.class,
                        () -> Tribuo.dataset(new Dataset(Tensor.zeros(2, 2), Tensor.of(0, 0.5)))).getMessage());
        assertEquals("Tribuo.examples: x must be non-empty 2-d data [N, features], got shape [3]",
                assertThrows(IllegalArgumentException.class, () -> Tribuo.examples(Tensor.zeros(3))).getMessage());
    }
}
