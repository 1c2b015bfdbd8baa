package nnlab.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYSeries;

class ContourTest {
    static final double[] LEVELS = {0, 1, 2, 3, 4, 5, 6, 8};

    static FieldChart bowl() {
        return Plots.contour((x, y) -> x * x + y * y, -2, 2, -2, 2, LEVELS);
    }

    @Test
    void bandsHaveTheColourOfTheirLevelAtTheRightPlace() {
        FieldChart c = bowl();
        BufferedImage im = Render.png(c);
        assertEquals(600, im.getWidth());
        assertEquals(400, im.getHeight());
        ColorBar bar = c.getColorBar();
        double[][] points = {{0.1, 0.2}, {1.2, 0.1}, {-0.3, -1.9}, {1.9, 1.9}, {-1.3, 0.95}};
        for (double[] p : points) {
            double z = p[0] * p[0] + p[1] * p[1];
            int band = bar.band(z);
            int expected = bar.bandColor(band) & 0xffffff;
            int actual = Render.rgb(im, c.getScreenXFromChart(p[0]), c.getScreenYFromChart(p[1]));
            assertTrue(Render.distance(expected, actual) <= 2, "at " + p[0] + ", " + p[1] + " (z = " + z + ") expected band "
                    + band + " colour " + Integer.toHexString(expected) + ", got " + Integer.toHexString(actual));
        }
        assertFalse(bar.bandColor(0) == bar.bandColor(3), "bands differ");
    }

    @Test
    void isolinesAreDrawnDarkOnTheCirclesAndNotBetween() {
        FieldChart c = bowl();
        BufferedImage im = Render.png(c);
        for (double r : new double[] {1, Math.sqrt(2), 2}) {
            for (double a = 0.3; a < 6.2; a += 0.7) {
                double sx = c.getScreenXFromChart(r * Math.cos(a));
                double sy = c.getScreenYFromChart(r * Math.sin(a));
                assertTrue(darkNear(im, sx, sy, 1), "an isoline pixel near radius " + r + ", angle " + a);
            }
        }
        double between = Math.sqrt(0.5);     // z = 0.5, in the middle of band [0, 1]
        assertFalse(darkNear(im, c.getScreenXFromChart(between), c.getScreenYFromChart(0), 2), "no line inside a band");
    }

    /** A pixel clearly darker than the band colours around it: the isoline. */
    static boolean darkNear(BufferedImage im, double x, double y, int radius) {
        int darkest = 255 * 3;
        int lightest = 0;
        for (int dy = -radius - 3; dy <= radius + 3; dy++) {
            for (int dx = -radius - 3; dx <= radius + 3; dx++) {
                int rgb = im.getRGB((int) Math.round(x) + dx, (int) Math.round(y) + dy);
                int sum = ((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff);
                lightest = Math.max(lightest, sum);
                if (Math.abs(dx) <= radius && Math.abs(dy) <= radius) {
                    darkest = Math.min(darkest, sum);
                }
            }
        }
        return lightest - darkest > 60;
    }

    @Test
    void colourBarShowsEveryBandBottomToTop() {
        FieldChart c = bowl();
        BufferedImage im = Render.png(c);
        Rectangle area = c.plotArea();
        ColorBar bar = c.getColorBar();
        int x = area.x + area.width + 14 + 8;                 // gap, then the middle of the 16 px bar
        int bands = LEVELS.length - 1;
        for (int k = 0; k < bands; k++) {
            int y = area.y + (int) Math.round((bands - k - 0.5) * area.height / bands);
            int actual = im.getRGB(x, y) & 0xffffff;
            assertTrue(Render.distance(bar.bandColor(k) & 0xffffff, actual) <= 2, "band " + k + " of the colour bar");
        }
    }

    @Test
    void isolinesAreNamedSeriesBrokenByNaN() {
        FieldChart c = bowl();
        XYSeries one = c.getSeries("z = 1");
        assertNotNull(one, "a series per level");
        assertEquals(1, new MarchingSquares.Lines(one.getXData(), one.getYData()).pieces());
        assertNotNull(c.getSeries("z = 4"));
        assertEquals(null, c.getSeries("z = 0.5"));
        assertTrue(c.getStyler().getPlotContentSize() == 1.0, "a real XYChart whose styler answers");
    }

    @Test
    void theCourseFunctionGetsRoundAutomaticLevels() {
        FieldChart c = Plots.contour((x, y) -> x * x + y * y + x * (y + 2) + Math.cos(3 * x), -5, 5, -5, 5);
        double[] lv = c.getColorBar().levels();
        assertEquals(-10, lv[0]);
        assertEquals(90, lv[lv.length - 1]);
        FieldChart twenty = Plots.contour((x, y) -> x * x + y * y + x * (y + 2) + Math.cos(3 * x), -5, 5, -5, 5, 20);
        assertEquals(19, twenty.getColorBar().levels().length);
    }

    @Test
    void renderingTwiceGivesTheSamePixels() {
        BufferedImage a = Render.png(bowl());
        BufferedImage b = Render.png(bowl());
        for (int y = 0; y < a.getHeight(); y += 3) {
            for (int x = 0; x < a.getWidth(); x += 3) {
                assertEquals(a.getRGB(x, y), b.getRGB(x, y), "pixel " + x + ", " + y);
            }
        }
    }

    @Test
    void badRangesAndFunctionsAreNamed() {
        assertEquals("FieldChart: need xmin < xmax and ymin < ymax, got x in [1.0, 1.0], y in [0.0, 1.0]",
                assertThrows(IllegalArgumentException.class,
                        () -> Plots.contour((x, y) -> x, 1, 1, 0, 1)).getMessage());
        assertEquals("Contour: f is NaN or infinite everywhere on [0.0, 1.0] x [0.0, 1.0]",
                assertThrows(IllegalArgumentException.class,
                        () -> Plots.contour((x, y) -> Double.NaN, 0, 1, 0, 1)).getMessage());
        assertEquals("ColorBar: levels must increase, got 2.0 then 1.0 at index 1",
                assertThrows(IllegalArgumentException.class,
                        () -> Plots.contour((x, y) -> x, 0, 1, 0, 1, new double[] {2, 1})).getMessage());
    }
}
