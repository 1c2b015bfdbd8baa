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
    void trainAndTestSeriesHoldTheHistoryAndAreDrawnInBlueAndOrange() {
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
            assertTrue(Render.near(im, sx, test, 1, Palette.color(1).getRGB() & 0xffffff, 40), "test loss at epoch " + (k + 1));
            if (Math.abs(train - test) > 4) {             // where the curves meet, test is drawn on top
                assertTrue(Render.near(im, sx, train, 1, Palette.color(0).getRGB() & 0xffffff, 40), "train loss at epoch " + (k + 1));
                checked++;
            }
        }
        assertTrue(checked >= 3, "the curves are apart at most epochs");
        XYChart acc = Plots.learningCurves(h, "accuracy");
        assertArrayEquals(array(h.testAccuracy()), acc.getSeries("test").getYData(), 0);
        assertEquals(1.02, acc.getStyler().getYAxisMax(), "accuracy runs to 1, plus a little room");
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
