package nnlab.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import nnlab.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler.LegendPosition;

class LinesTest {
    static final int BLUE = Palette.color(0).getRGB() & 0xffffff;
    static final int ORANGE = Palette.color(1).getRGB() & 0xffffff;

    static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    @Test
    void aLineIsDrawnInItsColourWhereItsDataLie() {
        XYChart c = Plots.line(LinesTest::sigmoid, -5, 5, "sigmoid");
        Plots.line(c, x -> 0.5 + 0.1 * x, -5, 5, "straight");
        BufferedImage im = Render.png(c);
        for (double x = -4.5; x <= 4.5; x += 0.75) {
            double sx = c.getScreenXFromChart(x);
            if (Math.abs(x) > 0.5) {                  // the lines cross at x = 0, where orange lies on top
                assertTrue(Render.near(im, sx, c.getScreenYFromChart(sigmoid(x)), 1, BLUE, 40), "blue sigmoid at x = " + x);
            }
            if (Math.abs(x) > 1.5) {
                assertTrue(Render.near(im, sx, c.getScreenYFromChart(0.5 + 0.1 * x), 1, ORANGE, 40), "orange line at x = " + x);
                assertFalse(Render.near(im, sx, c.getScreenYFromChart(0.5 - 0.1 * x), 2, BLUE, 60), "nothing blue off the curve, x = " + x);
            }
        }
    }

    @Test
    void aPathOverAContourIsRedWithMarkersAtEveryStep() {
        FieldChart c = Plots.contour((x, y) -> x * x + y * y, -2, 2, -2, 2);
        double[] xs = {1.5, 1.0, 0.4, -0.2};
        double[] ys = {1.5, 0.2, -0.6, -0.1};
        Plots.path(c, xs, ys);
        BufferedImage im = Render.png(c);
        int red = Palette.PATH.getRGB() & 0xffffff;
        for (int k = 0; k < xs.length; k++) {
            assertTrue(Render.near(im, c.getScreenXFromChart(xs[k]), c.getScreenYFromChart(ys[k]), 0, red, 30), "marker " + k);
            if (k > 0) {
                double mx = (xs[k] + xs[k - 1]) / 2;
                double my = (ys[k] + ys[k - 1]) / 2;
                assertTrue(Render.near(im, c.getScreenXFromChart(mx), c.getScreenYFromChart(my), 1, red, 40), "segment " + k);
            }
        }
        assertFalse(Render.near(im, c.getScreenXFromChart(-1.5), c.getScreenYFromChart(1.5), 3, red, 60), "no red elsewhere");
    }

    @Test
    void pathAcceptsArraysListsAndTensorsAlike() {
        double[] xs = {1, 2, 3};
        double[] ys = {3, 1, 2};
        XYChart a = Plots.path(Plots.line(xs, ys, "base"), xs, ys);
        XYChart b = Plots.path(Plots.line(xs, ys, "base"), List.of(1.0, 2.0, 3.0), List.of(3.0, 1.0, 2.0));
        XYChart c = Plots.path(Plots.line(xs, ys, "base"), Tensor.of(xs), Tensor.of(ys));
        XYChart d = Plots.path(Plots.line(xs, ys, "base"), Tensor.of(new double[][] {{1, 3}, {2, 1}, {3, 2}}));
        for (XYChart chart : List.of(a, b, c, d)) {
            assertArrayEquals(xs, chart.getSeries("path").getXData(), 0);
            assertArrayEquals(ys, chart.getSeries("path").getYData(), 0);
        }
        Plots.path(a, xs, ys, "Adam");
        assertEquals(3, a.getSeriesCollection().size());
        assertTrue(a.getStyler().isLegendVisible());
    }

    @Test
    void severalSeriesTakeThePaletteInOrderAndTheLegendAFreeCorner() {
        double[] xs = {-2, -1, 0, 1, 2};
        XYChart c = Plots.line(xs, List.of(new double[] {0, 0, 0, 1, 2}, new double[] {0, 0.1, 0.5, 0.9, 1}),
                List.of("relu", "sigmoid-ish"));
        assertEquals(Palette.color(0), c.getSeries("relu").getLineColor());
        assertEquals(Palette.color(1), c.getSeries("sigmoid-ish").getLineColor());
        assertEquals(LegendPosition.InsideNW, c.getStyler().getLegendPosition(), "top left is empty");
        XYChart falling = Plots.line(xs, new double[] {5, 3, 2, 1.5, 1.2}, "loss");
        assertEquals(LegendPosition.InsideNE, falling.getStyler().getLegendPosition());
    }

    @Test
    void badInputIsNamed() {
        assertEquals("line: xs has 3 values but ys has 2; expected one y per x",
                assertThrows(IllegalArgumentException.class,
                        () -> Plots.line(new double[] {1, 2, 3}, new double[] {1, 2}, "y")).getMessage());
        assertEquals("path: expected points of shape [K, 2], got [3]",
                assertThrows(IllegalArgumentException.class,
                        () -> Plots.path(Plots.line(new double[] {1}, new double[] {1}, "y"), Tensor.of(1, 2, 3))).getMessage());
        assertEquals("path: chart is null; draw the path on a chart, e.g. Plots.contour(f, ...)",
                assertThrows(IllegalArgumentException.class,
                        () -> Plots.path(null, new double[] {1}, new double[] {1})).getMessage());
    }
}
