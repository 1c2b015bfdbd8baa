package nnlab.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

class GridTest {

    static BufferedImage solid(int w, int h, Color c) {
        BufferedImage im = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = im.createGraphics();
        g.setColor(c);
        g.fillRect(0, 0, w, h);
        g.dispose();
        return im;
    }

    @Test
    void chartsThatFitTheColumnFillRowsOfCellsPixelForPixel() {
        XYChart a = new XYPlot(300, 200);
        Plots.line(a, new double[] {0, 1}, new double[] {0, 1}, "a");
        XYChart b = new XYPlot(300, 200);
        Plots.line(b, new double[] {0, 1}, new double[] {1, 0}, "b");
        BufferedImage g = Plots.grid(2, 3, a, b, a, b, a);
        assertEquals(3 * 300, g.getWidth(), "cols x chart width: 900 fits the 940 px column");
        assertEquals(2 * 200, g.getHeight(), "rows x chart height");
        BufferedImage alone = Render.png(b);
        for (int y = 0; y < 200; y += 7) {
            for (int x = 0; x < 300; x += 7) {
                assertEquals(alone.getRGB(x, y), g.getRGB(300 + x, y), "part 1 sits in row 0, column 1");
            }
        }
        assertEquals(0xffffffff, g.getRGB(2 * 300 + 150, 200 + 100), "the sixth cell is blank");
    }

    @Test
    void wideGridsShrinkToTheNotebookColumnAndRedrawChartsWithReadableText() {
        XYChart a = Plots.line(Contour.linspace(-5, 5, 201), Contour.linspace(-1, 1, 201), "a");
        BufferedImage g = Plots.grid(2, 3, a, a, a, a, a, a);
        assertEquals(3 * 313, g.getWidth(), "three 600 px charts in a 940 px column: 313 px each");
        assertEquals(2 * 208, g.getHeight(), "the cells keep the charts' 3:2 shape");
        assertEquals(600, a.getWidth(), "the chart keeps its own size for Plots.show");
        assertEquals(400, a.getHeight());
        assertEquals(0.92, Grid.textScale(313 / 600.0), 1e-12, "text shrinks less than the panel");
        assertEquals(0.95, Grid.textScale(0.95), 1e-12, "a little: as much as the panel");
        assertEquals(1.0, Grid.textScale(1.0), 1e-12);
        assertTrue(12 * Grid.textScale(0.1) >= 11, "a 12 px tick label stays at least 11 px");
        BufferedImage pair = Plots.grid(1, 2, a, a);
        assertEquals(940, pair.getWidth(), "a 1 x 2 pair of 600 px charts: 1200 px shrunk to the column");
        assertEquals(313, pair.getHeight());
        int ink = 0;
        for (int y = 0; y < 313; y++) {
            for (int x = 0; x < 470; x++) {
                ink += (pair.getRGB(x, y) & 0xffffff) < 0x808080 ? 1 : 0;
            }
        }
        assertTrue(ink > 2000, "the chart is drawn in its cell (frame, text and line), got " + ink + " dark pixels");
    }

    @Test
    void imagesOfDifferentSizesAreCentredInTheirCells() {
        BufferedImage red = solid(40, 20, Color.RED);
        BufferedImage blue = solid(20, 30, Color.BLUE);
        BufferedImage g = Plots.grid(1, 2, red, blue);
        assertEquals(80, g.getWidth());
        assertEquals(30, g.getHeight());
        assertEquals(Color.RED.getRGB(), g.getRGB(0, 5));
        assertEquals(Color.BLUE.getRGB(), g.getRGB(40 + 10, 0));
        assertEquals(Color.WHITE.getRGB(), g.getRGB(40 + 5, 15), "blue is centred: 10 px margin left");
        BufferedImage mixed = Plots.grid(1, 2, Arrays.asList(Plots.line(new double[] {0, 1}, new double[] {0, 1}, "a"), red));
        assertEquals(940, mixed.getWidth(), "two 600 px cells, shrunk to the column");
        BufferedImage wide = Plots.grid(1, 2, solid(1000, 100, Color.RED), solid(1000, 100, Color.BLUE));
        assertEquals(940, wide.getWidth(), "images are resampled to fit too");
        assertEquals(Color.BLUE.getRGB(), wide.getRGB(700, 20));
    }

    @Test
    void badLayoutsAreNamed() {
        BufferedImage im = solid(2, 2, Color.RED);
        assertEquals("grid: 3 parts do not fit in 1 x 2 = 2 cells",
                assertThrows(IllegalArgumentException.class, () -> Plots.grid(1, 2, im, im, im)).getMessage());
        assertEquals("grid: rows and cols must be >= 1, got 0 x 2",
                assertThrows(IllegalArgumentException.class, () -> Plots.grid(0, 2, im)).getMessage());
        assertEquals("grid: part 1 is a String; expected an XChart chart or a BufferedImage",
                assertThrows(IllegalArgumentException.class, () -> Plots.grid(1, 2, Arrays.asList(im, "x"))).getMessage());
    }
}
