package nnlab.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import nnlab.Rng;
import nnlab.data.Dataset;
import nnlab.data.Datasets;
import nnlab.loss.BinaryCrossEntropy;
import nnlab.nn.Linear;
import nnlab.nn.Net;
import nnlab.nn.Sigmoid;
import nnlab.optim.SGD;
import nnlab.tensor.Tensor;
import nnlab.train.History;
import nnlab.train.Trainer;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

class LearningCurvesTest {

    static History train(int epochs, Trainer.Listener listener) {
        Rng rng = new Rng(7);
        Dataset ds = Datasets.blobs(80, Tensor.of(new double[][] {{-2, 0}, {2, 0}}), 1.0, rng);
        Net net = new Net(new Linear(2, 1, rng), new Sigmoid());
        Trainer t = new Trainer().verbose(false);
        if (listener != null) {
            t.listener(listener);
        }
        return t.run(net, new BinaryCrossEntropy(), new SGD(net.params(), 0.1), ds.subset(0, 60), ds.subset(60, 80), epochs, 10);
    }

    static double[] array(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Test
    void trainAndTestSeriesHoldTheHistoryInOneColourTrainDashed() {
        History h = train(6, null);
        XYChart loss = Plots.learningCurves(h, "loss");
        assertArrayEquals(array(h.epochs()), loss.getSeries("train").getXData(), 0);
        assertArrayEquals(array(h.trainLoss()), loss.getSeries("train").getYData(), 0);
        assertArrayEquals(array(h.testLoss()), loss.getSeries("test").getYData(), 0);
        assertEquals("epoch", loss.getXAxisTitle());
        BufferedImage im = Render.png(loss);
        int checked = 0;
        for (int k = 0; k < h.size(); k++) {
            double sx = loss.getScreenXFromChart(h.epochs().get(k));
            double train = loss.getScreenYFromChart(h.trainLoss().get(k));
            double test = loss.getScreenYFromChart(h.testLoss().get(k));
            assertTrue(Render.near(im, sx, test, 1, Palette.color(0).getRGB() & 0xffffff, 40), "test loss at epoch " + (k + 1));
            checked++;
        }
        assertTrue(checked >= 3);
        assertEquals(Palette.color(0), loss.getSeries("train").getLineColor(), "train and test share blue");
        assertEquals(Palette.color(0), loss.getSeries("test").getLineColor());
        assertTrue(loss.getSeries("train").getLineStyle().getDashArray() != null, "train is dashed");
        assertEquals(null, loss.getSeries("test").getLineStyle().getDashArray(), "test is solid");
        XYChart acc = Plots.learningCurves(h, "accuracy");
        assertArrayEquals(array(h.testAccuracy()), acc.getSeries("test").getYData(), 0);
    }

    @Test
    void aValidationSplitAddsADottedValidationCurveInTheRunsColour() {
        Rng rng = new Rng(7);
        Dataset ds = Datasets.blobs(80, Tensor.of(new double[][] {{-2, 0}, {2, 0}}), 1.0, rng);
        Net net = new Net(new Linear(2, 1, rng), new Sigmoid());
        History h = new Trainer().verbose(false).validationSplit(0.25).run(net, new BinaryCrossEntropy(),
                new SGD(net.params(), 0.1), ds.subset(0, 60), ds.subset(60, 80), 6, 10);
        XYChart loss = Plots.learningCurves(h, "loss");
        assertEquals(List.of("train", "validation", "test"), loss.getSeriesCollection().stream().map(s -> s.getName()).toList());
        assertArrayEquals(array(h.valLoss()), loss.getSeries("validation").getYData(), 0);
        XYChart acc = Plots.learningCurves(h, "accuracy");
        assertArrayEquals(array(h.valAccuracy()), acc.getSeries("validation").getYData(), 0);
        Render.png(loss);
        assertEquals(Palette.color(0), loss.getSeries("validation").getLineColor());
        float[] dots = loss.getSeries("validation").getLineStyle().getDashArray();
        assertTrue(dots != null && dots[0] < 1, "validation is dotted");
    }

    @Test
    void theAccuracyAxisShowsAllOfZeroToOneOnlyWhileSomeAccuracyIsLow() {
        assertTrue(LearningCurves.pinned(List.of(0.45, 0.8), List.of(0.5, 0.85)), "0.45 is low: 0 to 1");
        assertTrue(LearningCurves.pinned(List.of(0.9, 0.95), List.of(0.3, 0.9)), "a low test accuracy counts too");
        assertTrue(!LearningCurves.pinned(List.of(0.91, 0.97), List.of(0.93, 0.95)), "all between 0.9 and 1");
        assertTrue(!LearningCurves.pinned(List.of(0.91, 0.97), List.of()), "no test set");
        History h = train(6, null);
        XYChart acc = Plots.learningCurves(h, "accuracy");
        boolean low = LearningCurves.pinned(h.trainAccuracy(), h.testAccuracy());
        Render.png(acc);
        if (low) {
            assertEquals(1.02, acc.getStyler().getYAxisMax(), "accuracy runs to 1, plus a little room");
        } else {
            double top = Math.max(h.trainAccuracy().stream().mapToDouble(Double::doubleValue).max().getAsDouble(),
                    h.testAccuracy().stream().mapToDouble(Double::doubleValue).max().getAsDouble());
            assertTrue(acc.getStyler().getYAxisMax() < 1.02 && acc.getStyler().getYAxisMax() > top,
                    "the axis spans the data plus its margin");
        }
    }

    @Test
    void runsThatDifferInOneSettingGetStepsOfOneOrderedPalette() {
        double[] e = {1, 2, 3};
        XYChart c = Plots.trainTest(null, e, new double[] {3, 2, 1}, new double[] {3, 2.5, 2}, "lr 0.01");
        Plots.trainTest(c, List.of(3, 2.8, 2.6), List.of(3, 2.9, 2.8), "lr 0.001");
        Render.png(c);
        assertEquals(List.of("train, lr 0.01", "test, lr 0.01", "train, lr 0.001", "test, lr 0.001"),
                c.getSeriesCollection().stream().map(s -> s.getName()).toList());
        assertEquals(Palette.ordered(0, 2), c.getSeries("train, lr 0.01").getLineColor());
        assertEquals(Palette.ordered(0, 2), c.getSeries("test, lr 0.01").getLineColor(), "one run, one colour");
        assertEquals(Palette.ordered(1, 2), c.getSeries("test, lr 0.001").getLineColor());
        assertTrue(!Palette.ordered(0, 2).equals(Palette.ordered(1, 2)));
        assertEquals("trainTest: xs has 3 values but ys has 2; expected one y per x",
                assertThrows(IllegalArgumentException.class,
                        () -> Plots.trainTest(null, e, new double[] {1, 2}, null, "x")).getMessage());
    }

    @Test
    void unknownMetricsAndEmptyHistoriesAreNamed() {
        History h = train(1, null);
        assertEquals("learningCurves: metric must be \"loss\" or \"accuracy\", got \"f1\"",
                assertThrows(IllegalArgumentException.class, () -> Plots.learningCurves(h, "f1")).getMessage());
        assertEquals("learningCurves: history is null",
                assertThrows(IllegalArgumentException.class, () -> Plots.learningCurves(null, "loss")).getMessage());
    }
}
