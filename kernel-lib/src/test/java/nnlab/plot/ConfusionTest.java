package nnlab.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import nnlab.metrics.ConfusionMatrix;
import nnlab.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.HeatMapChart;

class ConfusionTest {

    @Test
    void everyCellCarriesItsCountWithTheFirstClassOnTop() {
        int[][] counts = {{50, 2, 0}, {5, 43, 1}, {0, 7, 30}};
        HeatMapChart c = Plots.confusion(counts, List.of("cat", "dog", "fox"));
        List<?> columns = c.getHeatMapSeries().getXData();
        List<?> rows = c.getHeatMapSeries().getYData();
        assertEquals(List.of("cat", "dog", "fox"), columns, "predicted classes left to right");
        assertEquals(List.of("fox", "dog", "cat"), rows, "true classes bottom to top, so cat is the top row");
        int seen = 0;
        for (Number[] cell : c.getHeatMapSeries().getHeatData()) {
            int p = cell[0].intValue();
            int t = rows.size() - 1 - cell[1].intValue();
            assertEquals(counts[t][p], cell[2].intValue(), "cell true " + t + ", predicted " + p);
            seen++;
        }
        assertEquals(9, seen);
        assertTrue(c.getStyler().isShowValue(), "counts are written in the cells");
        assertEquals("43", c.getStyler().getHeatMapDecimalValueFormatter().apply(43.0));
    }

    @Test
    void theLargestCountIsTheDarkestColourAndTextIsDrawn() {
        HeatMapChart c = Plots.confusion(new int[][] {{9, 0}, {1, 3}}, null);
        BufferedImage im = Render.png(c);
        int darkest = ColorMap.BLUES.argb(1) & 0xffffff;
        int text = 0;
        boolean dark = false;
        for (int y = 0; y < im.getHeight(); y++) {
            for (int x = 0; x < im.getWidth() - 150; x++) {             // leave out the colour legend
                int rgb = im.getRGB(x, y) & 0xffffff;
                dark |= Render.distance(rgb, darkest) <= 3;
                text += Render.distance(rgb, Style.TEXT.getRGB() & 0xffffff) <= 10 ? 1 : 0;
            }
        }
        assertTrue(dark, "the cell with 9 is drawn in the darkest blue");
        assertTrue(text > 200, "numbers, labels and titles are written (" + text + " text pixels)");
        assertEquals(List.of("0", "1"), c.getHeatMapSeries().getXData(), "default names are the class numbers");
    }

    @Test
    void aConfusionMatrixObjectKeepsItsClassNames() {
        ConfusionMatrix m = ConfusionMatrix.of(Tensor.of(0, 1, 1, 0), Tensor.of(0, 1, 0, 0), 2, List.of("no", "yes"));
        HeatMapChart c = Plots.confusion(m);
        assertEquals(List.of("no", "yes"), c.getHeatMapSeries().getXData());
        int[] values = new int[4];
        int k = 0;
        for (Number[] cell : c.getHeatMapSeries().getHeatData()) {
            values[k++] = cell[2].intValue();
        }
        assertArrayEquals(new int[] {2, 0, 1, 1}, values, "row 'no' then row 'yes'");
    }

    @Test
    void badCountsAreNamed() {
        assertEquals("confusion: counts must be square [2][2], row 1 has 3 entries",
                assertThrows(IllegalArgumentException.class,
                        () -> Plots.confusion(new int[][] {{1, 2}, {1, 2, 3}}, null)).getMessage());
        assertEquals("confusion: 1 class names for 2 classes",
                assertThrows(IllegalArgumentException.class,
                        () -> Plots.confusion(new int[][] {{1, 2}, {3, 4}}, List.of("a"))).getMessage());
    }
}
