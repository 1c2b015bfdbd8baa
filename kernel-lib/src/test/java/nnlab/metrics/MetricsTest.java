package nnlab.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import nnlab.tensor.Tensor;
import org.junit.jupiter.api.Test;

class MetricsTest {

    @Test
    void binaryScoresAreThresholdedAtHalf() {
        Tensor y = Tensor.of(1, 0, 1, 0);
        Tensor yHat = Tensor.of(0.9, 0.4, 0.3, 0.6);
        // predictions [1, 0, 0, 1]: samples 0 and 1 right
        assertEquals(0.5, Metrics.accuracy(y, yHat));
        assertEquals(0.5, Metrics.accuracy(y.reshape(4, 1), yHat.reshape(4, 1)));
        // threshold 0.35: predictions [1, 1, 0, 1]: only sample 0 right
        assertEquals(0.25, Metrics.accuracy(y, yHat, 0.35));
    }

    @Test
    void multiClassScoresUseArgmaxAgainstLabelsOrOneHot() {
        Tensor scores = Tensor.of(new double[][] {{0.1, 0.8, 0.1}, {0.7, 0.2, 0.1}, {0.2, 0.2, 0.6}});
        // argmax [1, 0, 2] against [1, 0, 0]: 2 of 3
        assertEquals(2.0 / 3, Metrics.accuracy(Tensor.of(1, 0, 0), scores), 1e-15);
        Tensor oneHot = Tensor.of(new double[][] {{0, 1, 0}, {1, 0, 0}, {1, 0, 0}});
        assertEquals(2.0 / 3, Metrics.accuracy(oneHot, scores), 1e-15);
    }

    @Test
    void badInputIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Metrics.accuracy(Tensor.of(1, 0, 1), Tensor.of(0.2, 0.9)));
        assertEquals("Metrics.accuracy: y has 3 samples [3] but yHat has 2 [2]; expected one prediction per label",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Metrics.accuracy(Tensor.of(0.5, 1), Tensor.of(0.2, 0.9)));
        assertEquals("Metrics.accuracy: y[0] = 0.5 is not a class label; expected integers 0, 1, 2, ...", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Metrics.accuracy(Tensor.of(1, 0), Tensor.zeros(2, 2, 2)));
        assertEquals("Metrics.accuracy: yHat must be [N], [N, 1] or [N, C] scores, got [2, 2, 2]", e.getMessage());
    }
}
