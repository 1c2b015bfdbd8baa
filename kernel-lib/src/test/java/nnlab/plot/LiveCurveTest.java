package nnlab.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import nnlab.display.Display;
import nnlab.train.History;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

class LiveCurveTest {

    /** Records what a notebook kernel would be asked to do. */
    static final class Recorder implements Display.Backend {
        final List<String> calls = new ArrayList<>();
        final List<Object> values = new ArrayList<>();

        @Override
        public String display(Object value) {
            calls.add("display");
            values.add(value);
            return "cell-7";
        }

        @Override
        public void update(String id, Object value) {
            calls.add("update " + id);
            values.add(value);
        }
    }

    @AfterEach
    void noNotebook() {
        Display.setBackend(null);
    }

    @Test
    void inANotebookTheChartIsShownOnceThenUpdatedInPlace() {
        Recorder kernel = new Recorder();
        Display.setBackend(kernel);
        LiveCurve live = Plots.liveLearningCurves("loss", 4);
        History h = LearningCurvesTest.train(4, live);
        assertEquals(List.of("display", "update cell-7", "update cell-7", "update cell-7"), kernel.calls);
        XYChart last = (XYChart) kernel.values.get(3);
        assertSame(live.chart(), last);
        assertEquals(4, last.getSeries("train").getXData().length, "the last chart has every epoch");
        assertEquals(h.trainLoss().get(3), last.getSeries("train").getYData()[3], 0);
        assertEquals(1, ((XYChart) kernel.values.get(0)).getSeries("train").getXData().length, "the first has one");
    }

    @Test
    void inPlainJShellItPrintsOneProgressLinePerEpoch() {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        History h;
        LiveCurve live = Plots.liveLearningCurves("accuracy", 3);
        try {
            h = LearningCurvesTest.train(3, live);
        } finally {
            System.setOut(old);
        }
        String[] lines = buf.toString(StandardCharsets.UTF_8).split("\\R");
        assertEquals(3, lines.length, "one line per epoch, nothing else");
        assertEquals(String.format(java.util.Locale.ROOT,
                "epoch 3/3  train_loss %.4f  train_accuracy %.4f  test_loss %.4f  test_accuracy %.4f",
                h.last("train_loss"), h.last("train_accuracy"), h.last("test_loss"), h.last("test_accuracy")), lines[2]);
        assertTrue(lines[0].startsWith("epoch 1/3  train_loss "));
        assertNotNull(live.chart(), "the chart is kept for later");
    }
}
