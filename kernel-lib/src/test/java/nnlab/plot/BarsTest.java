package nnlab.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;

class BarsTest {
    @Test
    void oneSeriesOfTheValuesOverTheCategories() {
        CategoryChart c = Plots.bar(List.of("a", "b", "c"), new int[] {3, 0, 5}, "train");
        assertEquals(1, c.getSeriesCollection().size());
        CategorySeries s = c.getSeries("train");
        assertEquals(List.of("a", "b", "c"), s.getXData());
        assertArrayEquals(new double[] {3, 0, 5}, s.getYData());
        assertEquals(0.0, c.getStyler().getYAxisMin());
    }

    @Test
    void aBarTwiceAsHighHasTwiceThePixels() {
        CategoryChart c = Plots.bar(List.of("low", "high"), new double[] {1, 2}, "v");
        c.getStyler().setLegendVisible(false);          // its colour swatch would count as bar pixels
        BufferedImage im = Render.png(c);
        int bar = Palette.color(0).getRGB() & 0xffffff;
        int[] columns = new int[2];
        for (int x = 0; x < im.getWidth(); x++) {
            for (int y = 0; y < im.getHeight(); y++) {
                if (Render.distance(im.getRGB(x, y) & 0xffffff, bar) <= 8) {
                    columns[x < im.getWidth() / 2 ? 0 : 1]++;
                }
            }
        }
        assertTrue(columns[0] > 100, "the low bar is drawn in the first palette colour: " + columns[0] + " pixels");
        assertEquals(2.0, (double) columns[1] / columns[0], 0.1, "pixels of the two bars: " + columns[0] + ", " + columns[1]);
    }

    @Test
    void moreSeriesGoBesideTheFirst() {
        CategoryChart c = Plots.bar(List.of("0", "1"), new int[] {10, 12}, "train");
        c.addSeries("test", List.of("0", "1"), List.of(3, 4));
        assertArrayEquals(new String[] {"train", "test"}, c.getSeriesCollection().stream().map(CategorySeries::getName).toArray());
        assertEquals(false, c.getStyler().isOverlapped());
        Render.png(c);
    }

    @Test
    void badInputIsNamed() {
        assertEquals("bar: 2 categories but 3 values; expected one value per category",
                assertThrows(IllegalArgumentException.class, () -> Plots.bar(List.of("a", "b"), new double[] {1, 2, 3}, "v")).getMessage());
        assertEquals("bar: categories must be distinct and not null, got [a, a]",
                assertThrows(IllegalArgumentException.class, () -> Plots.bar(List.of("a", "a"), new double[] {1, 2}, "v")).getMessage());
        assertEquals("bar: value NaN for category \"b\" is not a finite number",
                assertThrows(IllegalArgumentException.class, () -> Plots.bar(List.of("a", "b"), new double[] {1, Double.NaN}, "v")).getMessage());
        assertEquals("bar: need at least one category and its value, got categories [] and 0 values",
                assertThrows(IllegalArgumentException.class, () -> Plots.bar(List.of(), new double[0], "v")).getMessage());
        assertEquals("bar: need at least one category and its value, got categories [a] and null",
                assertThrows(IllegalArgumentException.class, () -> Plots.bar(List.of("a"), (int[]) null, "v")).getMessage());
    }
}
