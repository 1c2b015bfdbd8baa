package nnlab.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import nnlab.data.Dataset;
import nnlab.nn.Linear;
import nnlab.nn.Net;
import nnlab.nn.Sigmoid;
import nnlab.tensor.Tensor;
import org.junit.jupiter.api.Test;

class DecisionBoundaryTest {
    static final Dataset FOUR = new Dataset(Tensor.of(new double[][] {{-1, -1}, {-1, 1}, {1, -1}, {1, 1}}),
            Tensor.of(0, 0, 1, 1));

    @Test
    void binaryRegionsSitOnEitherSideOfTheHalfProbabilityLine() {
        // p = sigmoid(20 x): class 1 right of x = 0
        Net net = new Net(new Linear(Tensor.of(new double[][] {{20}, {0}}), Tensor.of(0)), new Sigmoid());
        FieldChart c = Plots.decisionBoundary(net, FOUR);
        BufferedImage im = Render.png(c);
        int left = Palette.light(0, 0.6).getRGB() & 0xffffff;
        int right = Palette.light(1, 0.6).getRGB() & 0xffffff;
        assertTrue(Render.near(im, c.getScreenXFromChart(-0.6), c.getScreenYFromChart(0.3), 0, left, 3), "class 0 region");
        assertTrue(Render.near(im, c.getScreenXFromChart(0.6), c.getScreenYFromChart(-0.3), 0, right, 3), "class 1 region");
        assertNotNull(c.getSeries("p = 0.5"));
        for (double y : c.getSeries("p = 0.5").getYData()) {
            assertTrue(Double.isNaN(y) || Math.abs(y) <= 1.21, "the line spans the plot");
        }
        for (double x : c.getSeries("p = 0.5").getXData()) {
            assertEquals(0, x, 0.02, "the boundary is x = 0");
        }
        assertTrue(Render.near(im, c.getScreenXFromChart(0), c.getScreenYFromChart(0.5), 1, 0x262626, 40), "line drawn");
    }

    @Test
    void multiClassScoresColourEachPixelByItsArgmax() {
        // three classes: score_k = -distance to centre k
        double[][] centres = {{-1, -1}, {1, -1}, {0, 1}};
        FieldChart c = Plots.decisionBoundary(x -> {
            double[][] s = new double[x.shape(0)][3];
            for (int i = 0; i < s.length; i++) {
                for (int k = 0; k < 3; k++) {
                    s[i][k] = -Math.hypot(x.get(i, 0) - centres[k][0], x.get(i, 1) - centres[k][1]);
                }
            }
            return Tensor.of(s);
        }, new Dataset(Tensor.of(centres), Tensor.of(0, 1, 2)));
        BufferedImage im = Render.png(c);
        double[][] probes = {{-0.9, -0.6}, {0.9, -0.6}, {0.2, 0.8}};
        for (int k = 0; k < 3; k++) {
            int pale = Palette.light(k, 0.6).getRGB() & 0xffffff;
            assertTrue(Render.near(im, c.getScreenXFromChart(probes[k][0]), c.getScreenYFromChart(probes[k][1]), 0, pale, 3),
                    "region of class " + k);
        }
    }

    @Test
    void badModelsAndDatasetsAreNamed() {
        assertEquals("decisionBoundary: a [N] or [N, 1] output must be probabilities in [0, 1], got values from -1.2 to 1.2; "
                        + "end the net with Sigmoid (or pass x -> scores [N, C] for several classes)",
                assertThrows(IllegalArgumentException.class,
                        () -> Plots.decisionBoundary(x -> x.col(0), FOUR)).getMessage());
        assertEquals("decisionBoundary: the model must map [N, 2] to [N], [N, 1] or [N, C]; for N = 22500 it returned [3]",
                assertThrows(IllegalArgumentException.class,
                        () -> Plots.decisionBoundary(x -> Tensor.of(1, 2, 3), FOUR)).getMessage());
        Dataset wide = new Dataset(Tensor.zeros(2, 5), Tensor.of(0, 1));
        assertEquals("decisionBoundary: needs a dataset with 2 features (x [N, 2]), got 5 features",
                assertThrows(IllegalArgumentException.class, () -> Plots.decisionBoundary(x -> x, wide)).getMessage());
    }
}
