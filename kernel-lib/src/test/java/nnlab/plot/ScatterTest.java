package nnlab.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import nnlab.data.Dataset;
import nnlab.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

class ScatterTest {
    static Dataset three() {
        Tensor x = Tensor.of(new double[][] {{0, 0}, {1, 1}, {2, 0}, {0.5, 2}, {1.5, 2.5}});
        return new Dataset(x, Tensor.of(0, 1, 2, 0, 1), List.of("a", "b", "c"));
    }

    @Test
    void eachClassIsASeriesInItsPaletteColourAtItsPoints() {
        Dataset ds = three();
        XYChart c = Plots.scatter(ds);
        assertEquals(3, c.getSeriesCollection().size());
        assertNotNull(c.getSeries("a"));
        assertEquals(2, c.getSeries("b").getXData().length);
        BufferedImage im = Render.png(c);
        for (int i = 0; i < ds.size(); i++) {
            int k = (int) ds.y().get(i);
            double sx = c.getScreenXFromChart(ds.x().get(i, 0));
            double sy = c.getScreenYFromChart(ds.x().get(i, 1));
            assertTrue(Render.near(im, sx, sy, 0, Palette.color(k).getRGB() & 0xffffff, 30), "point " + i + " in colour " + k);
        }
    }

    @Test
    void badDatasetsAreNamed() {
        Dataset wide = new Dataset(Tensor.zeros(4, 3), Tensor.of(0, 1, 0, 1));
        assertEquals("scatter: needs a dataset with 2 features (x [N, 2]), got 3 features",
                assertThrows(IllegalArgumentException.class, () -> Plots.scatter(wide)).getMessage());
        Dataset real = new Dataset(Tensor.zeros(2, 2), Tensor.of(0, 0.5));
        assertEquals("scatter: labels must be class indices 0, 1, 2, ..., got 0.5 at row 1",
                assertThrows(IllegalArgumentException.class, () -> Plots.scatter(real)).getMessage());
    }
}
