package nnlab.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import nnlab.tensor.Tensor;
import org.junit.jupiter.api.Test;

class ConfusionMatrixTest {
    // true [0, 0, 1, 1, 1, 2] vs predicted [0, 1, 1, 1, 0, 2]:
    //   true 0 -> predicted 0 once, 1 once; true 1 -> 0 once, 1 twice; true 2 -> 2 once
    private final ConfusionMatrix cm = ConfusionMatrix.of(Tensor.of(0, 0, 1, 1, 1, 2), Tensor.of(0, 1, 1, 1, 0, 2), 3,
            List.of("cat", "dog", "bird"));

    @Test
    void countsByHand() {
        assertArrayEquals(new int[][] {{1, 1, 0}, {1, 2, 0}, {0, 0, 1}}, cm.counts());
        assertEquals(6, cm.total());
        assertEquals(4.0 / 6, cm.accuracy(), 1e-15);
    }

    @Test
    void precisionRecallF1ByHand() {
        assertEquals(0.5, cm.precision(0), 1e-15);      // column 0: 1 of 2
        assertEquals(2.0 / 3, cm.precision(1), 1e-15);  // column 1: 2 of 3
        assertEquals(0.5, cm.recall(0), 1e-15);         // row 0: 1 of 2
        assertEquals(2.0 / 3, cm.recall(1), 1e-15);     // row 1: 2 of 3
        assertEquals(1.0, cm.recall(2), 1e-15);
        assertEquals(2.0 / 3, cm.f1(1), 1e-15);         // 2 * (2/3)(2/3) / (4/3)
        ConfusionMatrix never = ConfusionMatrix.of(Tensor.of(0, 1), Tensor.of(0, 0), 2);
        assertTrue(Double.isNaN(never.precision(1)));   // nothing predicted as 1
        assertEquals(0.0, never.recall(1));
    }

    @Test
    void countsAreACopy() {
        cm.counts()[0][0] = 99;
        assertEquals(1, cm.counts()[0][0]);
    }

    @Test
    void fromScoresTakesTheArgmaxOrThresholdsBinaryScores() {
        Tensor scores = Tensor.of(new double[][] {{0.9, 0.1}, {0.3, 0.7}, {0.6, 0.4}});
        ConfusionMatrix m = ConfusionMatrix.fromScores(Tensor.of(0, 1, 1), scores);
        assertArrayEquals(new int[][] {{1, 0}, {1, 1}}, m.counts());
        ConfusionMatrix b = ConfusionMatrix.fromScores(Tensor.of(0, 1, 1), Tensor.of(0.1, 0.7, 0.4));
        assertArrayEquals(new int[][] {{1, 0}, {1, 1}}, b.counts());
    }

    @Test
    void toStringIsATableWithRecallAndPrecision() {
        String expected = String.join("\n",
                "true\\pred    cat    dog   bird recall",
                "cat            1      1      0  0.500",
                "dog            1      2      0  0.667",
                "bird           0      0      1  1.000",
                "precision  0.500  0.667  1.000",
                "accuracy 0.6667 (n=6)");
        assertEquals(expected, cm.toString());
    }

    @Test
    void toHtmlEscapesNamesAndBoldsTheDiagonal() {
        ConfusionMatrix m = ConfusionMatrix.of(Tensor.of(0, 1), Tensor.of(0, 1), 2, List.of("<5", ">=5"));
        String html = m.toHtml();
        assertTrue(html.contains("<th>&lt;5</th><th>&gt;=5</th><th>recall</th>"), html);
        assertTrue(html.contains("<td style=\"font-weight:bold\">1</td><td>0</td>"), html);
    }

    @Test
    void badInputIsNamed() {
        assertMessage("ConfusionMatrix: yPred[1] = 3 is not a class; expected 0..2",
                () -> ConfusionMatrix.of(Tensor.of(0, 1), Tensor.of(0, 3), 3));
        assertMessage("ConfusionMatrix: yTrue has 2 labels but yPred has 3; expected one prediction per label",
                () -> ConfusionMatrix.of(Tensor.of(0, 1), Tensor.of(0, 1, 1), 2));
        assertMessage("ConfusionMatrix: 1 class names for 2 classes; expected one name per class",
                () -> ConfusionMatrix.of(Tensor.of(0, 1), Tensor.of(0, 1), 2, List.of("a")));
        assertMessage("ConfusionMatrix: yTrue[0] = -1.0 is not a class label; expected integers 0, 1, 2, ...",
                () -> ConfusionMatrix.of(Tensor.of(-1, 1), Tensor.of(0, 1), 2));
    }

    private static void assertMessage(String expected, Runnable r) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        assertEquals(expected, e.getMessage());
    }
}
