package nnlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MetricTest {

    @Test
    void namesParseAndKnowWhatTheyNeed() {
        assertEquals(History.METRICS, List.of("epoch", "train_loss", "train_accuracy", "penalty", "val_loss", "val_accuracy",
                "test_loss", "test_accuracy", "lr"));
        for (Metric m : Metric.values()) {
            assertSame(m, Metric.of(m.key()));
            assertEquals(m.key(), m.toString());
        }
        assertTrue(Metric.TEST_LOSS.minimized() && Metric.TEST_LOSS.needsTestSet() && !Metric.TEST_LOSS.isAccuracy());
        assertTrue(Metric.TRAIN_LOSS.minimized() && !Metric.TRAIN_LOSS.needsTestSet());
        assertTrue(!Metric.TEST_ACCURACY.minimized() && Metric.TEST_ACCURACY.needsTestSet() && Metric.TEST_ACCURACY.isAccuracy());
        assertFalse(Metric.LR.isScore() || Metric.EPOCH.isScore());
        assertTrue(Metric.TRAIN_ACCURACY.isScore());
        assertTrue(Metric.VAL_LOSS.minimized() && Metric.VAL_LOSS.needsValidation() && !Metric.VAL_LOSS.needsTestSet());
        assertTrue(!Metric.VAL_ACCURACY.minimized() && Metric.VAL_ACCURACY.needsValidation() && Metric.VAL_ACCURACY.isAccuracy());
        assertTrue(Metric.PENALTY.minimized() && Metric.PENALTY.isScore() && !Metric.PENALTY.isAccuracy()
                && !Metric.PENALTY.needsValidation() && !Metric.PENALTY.needsTestSet());
        assertFalse(Metric.TEST_LOSS.needsValidation() || Metric.TRAIN_LOSS.needsValidation());
    }

    @Test
    void anUnknownNameListsTheKnownOnes() {
        var e = assertThrows(IllegalArgumentException.class, () -> Metric.of("accuracy"));
        assertEquals("History: unknown metric \"accuracy\"; expected one of epoch, train_loss, train_accuracy, penalty, "
                + "val_loss, val_accuracy, test_loss, test_accuracy, lr", e.getMessage());
    }
}
