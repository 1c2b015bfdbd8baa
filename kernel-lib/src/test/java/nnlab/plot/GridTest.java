package nnlab.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
    void chartsFillRowsOfCellsAsLargeAsTheParts() {
        XYChart a = Plots.line(new double[] {0, 1}, new double[] {0, 1}, "a");
        XYChart b = Plots.line(new double[] {0, 1}, new double[] {1, 0}, "b");
        BufferedImage g = Plots.grid(2, 3, a, b, a, b, a);
        assertEquals(3 * 600, g.getWidth(), "cols x chart width");
        assertEquals(2 * 400, g.getHeight(), "rows x chart height");
        BufferedImage alone = Render.png(b);
        for (int y = 0; y < 400; y += 7) {
            for (int x = 0; x < 600; x += 7) {
                assertEquals(alone.getRGB(x, y), g.getRGB(600 + x, y), "part 1 sits in row 0, column 1");
            }
        }
        assertEquals(0xffffffff, g.getRGB(2 * 600 + 300, 400 + 200), "the sixth cell is blank");
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
        assertEquals(1200, mixed.getWidth());
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
