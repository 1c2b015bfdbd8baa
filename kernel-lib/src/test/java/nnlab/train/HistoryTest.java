package nnlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class HistoryTest {

    /** A row: the values of {@code metrics} in order. */
    static Map<Metric, Double> row(List<Metric> metrics, double... values) {
        Map<Metric, Double> row = new EnumMap<>(Metric.class);
        for (int i = 0; i < values.length; i++) {
            row.put(metrics.get(i), values[i]);
        }
        return row;
    }

    private static final List<Metric> FIVE = List.of(Metric.EPOCH, Metric.TRAIN_LOSS, Metric.TRAIN_ACCURACY,
            Metric.TEST_LOSS, Metric.TEST_ACCURACY, Metric.LR);

    private static History twoEpochs() {
        History h = new History(EnumSet.of(Metric.TRAIN_ACCURACY, Metric.TEST_LOSS, Metric.TEST_ACCURACY));
        h.add(row(FIVE, 1, 0.6931, 0.5, 0.7, 0.45, 0.1));
        h.add(row(FIVE, 2, 0.25, 0.875, 0.3125, 0.8, 0.05));
        h.stop("completed 2 epochs");
        return h;
    }

    @Test
    void listsAndGetByName() {
        History h = twoEpochs();
        assertEquals(2, h.size());
        assertEquals(List.of(1.0, 2.0), h.epochs());
        assertEquals(List.of(0.6931, 0.25), h.trainLoss());
        assertEquals(List.of(0.5, 0.875), h.trainAccuracy());
        assertEquals(List.of(0.7, 0.3125), h.testLoss());
        assertEquals(List.of(0.45, 0.8), h.get("test_accuracy"));
        assertEquals(0.3125, h.last("test_loss"));
        assertEquals(List.of(0.1, 0.05), h.learningRates());
        assertEquals("completed 2 epochs", h.stopReason());
        assertThrows(UnsupportedOperationException.class, () -> h.trainLoss().add(1.0));
    }

    @Test
    void unknownMetricIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> twoEpochs().get("loss"));
        assertEquals("History: unknown metric \"loss\"; expected one of epoch, train_loss, train_accuracy, penalty, "
                + "val_loss, val_accuracy, test_loss, test_accuracy, lr", e.getMessage());
    }

    @Test
    void toStringIsAFixedWidthTable() {
        String expected = String.join("\n",
                "epoch      train_loss  train_accuracy       test_loss   test_accuracy              lr",
                "    1          0.6931          0.5000          0.7000          0.4500          0.1000",
                "    2          0.2500          0.8750          0.3125          0.8000         0.05000",
                "completed 2 epochs");
        assertEquals(expected, twoEpochs().toString());
    }

    @Test
    void longHistoriesElideTheMiddle() {
        History h = new History(EnumSet.noneOf(Metric.class));
        for (int e = 1; e <= 40; e++) {
            h.add(row(List.of(Metric.EPOCH, Metric.TRAIN_LOSS, Metric.LR), e, 1.0 / e, 0.1));
        }
        String[] lines = h.toString().split("\n");
        assertEquals(1 + 10 + 1 + 10 + 1, lines.length);
        assertEquals("epoch      train_loss              lr", lines[0]);
        assertTrue(lines[10].startsWith("   10 "), lines[10]);
        assertEquals("  ...", lines[11]);
        assertTrue(lines[12].startsWith("   31 "), lines[12]);
        assertEquals("   40          0.0250          0.1000", lines[21]);
    }

    @Test
    void toTableHasOneColumnPerMetric() {
        Table t = twoEpochs().toTable();
        assertEquals("history", t.name());
        assertEquals(List.of("epoch", "train_loss", "train_accuracy", "test_loss", "test_accuracy", "lr"),
                t.columnNames());
        assertEquals(2, t.rowCount());
        assertEquals(0.3125, t.doubleColumn("test_loss").get(1));
        assertEquals(2.0, t.doubleColumn("epoch").get(1));
    }

    @Test
    void toHtmlIsATableWithTheStopReason() {
        String html = twoEpochs().toHtml();
        assertTrue(html.startsWith("<table class=\"nnlab-history\">"), html);
        assertTrue(html.contains("<th>test_accuracy</th>"), html);
        assertTrue(html.contains("<tr><td>2</td><td>0.2500</td><td>0.8750</td><td>0.3125</td><td>0.8000</td>"
                + "<td>0.05000</td></tr>"), html);
        assertTrue(html.endsWith("<p>completed 2 epochs</p>"), html);
    }
}
