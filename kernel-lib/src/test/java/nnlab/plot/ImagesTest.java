package nnlab.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import nnlab.tensor.Tensor;
import org.junit.jupiter.api.Test;

class ImagesTest {

    @Test
    void eachPixelBecomesABlockFromWhiteToBlack() {
        // two 2x2 images; values 0..16 like the 8x8 digits
        Tensor x = Tensor.of(new double[][] {{0, 16, 8, 0}, {16, 16, 0, 4}});
        BufferedImage im = Plots.images(x, 2, 2);
        int s = 32;                                   // round(64 / 2)
        int cell = 2 * s + 12;                        // plus 6 px padding each side
        assertEquals(2 * cell, im.getWidth());
        assertEquals(cell, im.getHeight());
        assertEquals(0xffffff, im.getRGB(6 + 5, 6 + 5) & 0xffffff, "value 0 is white");
        assertEquals(0x000000, im.getRGB(6 + s + 5, 6 + 5) & 0xffffff, "value 16 is black (top right)");
        int grey = im.getRGB(6 + 5, 6 + s + 5) & 0xff;
        assertTrue(Math.abs(grey - 128) <= 1, "value 8 is mid grey, got " + grey);
        assertEquals(0x000000, im.getRGB(cell + 6 + 5, 6 + 5) & 0xffffff, "second image, top left is 16");
        assertEquals(0xffffff, im.getRGB(0, 0) & 0xffffff, "white padding");
        BufferedImage cube = Plots.images(x.reshape(2, 2, 2), 2, 2);
        for (int y = 0; y < cube.getHeight(); y += 5) {
            for (int xx = 0; xx < cube.getWidth(); xx += 5) {
                assertEquals(im.getRGB(xx, y), cube.getRGB(xx, y), "[N, h, w] draws like [N, h*w]");
            }
        }
    }

    @Test
    void titlesAddAStripAboveEachImageAndTenGoInARow() {
        Tensor x = Tensor.zeros(12, 64).add(Tensor.arange(64).reshape(1, 64));
        BufferedImage plain = Plots.images(x, 8, 8);
        assertEquals(10 * (64 + 12), plain.getWidth(), "10 images per row");
        assertEquals(2 * (64 + 12), plain.getHeight(), "12 images need 2 rows");
        String[] titles = new String[12];
        java.util.Arrays.fill(titles, "7");
        BufferedImage titled = Plots.images(x, 8, 8, titles);
        assertEquals(2 * (64 + 12 + 18), titled.getHeight());
        boolean ink = false;
        for (int y = 0; y < 18 + 6; y++) {
            for (int xx = 0; xx < 76; xx++) {
                ink |= (titled.getRGB(xx, y) & 0xff) < 128;
            }
        }
        assertTrue(ink, "the title is written above the first image");
        BufferedImage white = Plots.images(x.rows(0, 1), 8, 8, List.of("a"), ColorMap.GRAY);
        assertEquals(0x000000, white.getRGB(6, 6 + 18) & 0xffffff, "GRAY maps the minimum to black");
    }

    @Test
    void longTitlesWidenTheCellsSoTheyDoNotTouch() {
        Tensor x = Tensor.ones(3, 784).set(0, 2, 783);    // all black but one pixel, so 1 maps to black
        List<String> names = List.of("T-shirt/top", "Ankle boot", "a much longer title");
        BufferedImage im = Plots.images(x, 28, 28, names);
        int cell = im.getWidth() / 3;
        assertTrue(cell > 2 * 28 + 12, "cells are wider than the 56 px picture plus padding: " + cell);
        for (int k = 1; k < 3; k++) {                 // a white column between neighbouring titles
            boolean clear = false;
            for (int xx = k * cell - 4; xx <= k * cell + 3 && !clear; xx++) {
                boolean ink = false;
                for (int y = 0; y < 6 + 18; y++) {
                    ink |= (im.getRGB(xx, y) & 0xff) < 200;
                }
                clear = !ink;
            }
            assertTrue(clear, "titles " + (k - 1) + " and " + k + " are separated by white space");
        }
        int left = (cell - 56) / 2;
        assertEquals(0x000000, im.getRGB(left + 1, 6 + 18 + 1) & 0xffffff, "the picture is centred in its wider cell");
        assertEquals(0xffffff, im.getRGB(left - 2, 6 + 18 + 1) & 0xffffff, "white left of the centred picture");
    }

    @Test
    void filtersAndFeatureMapsDrawEveryPlaneAndADivergingMapCentresZero() {
        // 2 filters of 2 channels, 2x2 each: 4 pictures; values -2..1, so 0 must be white, not the mid value -0.5
        Tensor w = Tensor.of(-2, 0, 1, 0, 0, 0, 0, 0, 1, 1, 1, 1, 0, -1, 0, 0).reshape(2, 2, 2, 2);
        BufferedImage im = Plots.images(w, ColorMap.RDBU_R);
        int cell = 2 * 32 + 12;
        assertEquals(4 * cell, im.getWidth(), "one picture per [h, w] plane: N·C = 4");
        int zero = im.getRGB(6 + 32 + 5, 6 + 5);
        for (int shift = 0; shift <= 16; shift += 8) {
            assertEquals(0xf7, (zero >> shift) & 0xff, 2, "0 is the diverging map's near-white 0xf7f7f7");
        }
        assertEquals(0x053061, im.getRGB(6 + 5, 6 + 5) & 0xffffff, "-max|v| is the darkest blue");
        int red = im.getRGB(6 + 5, 6 + 32 + 5);
        assertTrue(((red >> 16) & 0xff) > (red & 0xff), "positive values are red");
        BufferedImage maps = Plots.images(Tensor.ones(1, 3, 4, 4), ColorMap.GRAY_R);
        assertEquals(3 * (4 * 16 + 12), maps.getWidth(), "a [1, C, H, W] activation gives C pictures");
        assertEquals(3 * (4 * 5 + 12), Plots.images(Tensor.ones(1, 3, 4, 4), ColorMap.GRAY_R, 5).getWidth(), "5 px per value");
        assertEquals("images: scale must be 1..64 screen pixels per value, got 0",
                assertThrows(IllegalArgumentException.class, () -> Plots.images(Tensor.ones(1, 3, 4, 4), ColorMap.GRAY_R, 0)).getMessage());
        assertEquals("images: expected x [N, h, w] or [N, C, h, w] (one picture per [h, w] plane), got [3, 4]",
                assertThrows(IllegalArgumentException.class, () -> Plots.images(Tensor.zeros(3, 4), ColorMap.GRAY)).getMessage());
    }

    @Test
    void badShapesAreNamed() {
        assertEquals("images: expected x of shape [N, 64] (N images of 8x8 pixels), got [3, 60]",
                assertThrows(IllegalArgumentException.class, () -> Plots.images(Tensor.zeros(3, 60), 8, 8)).getMessage());
        assertEquals("images: 1 titles for 3 images",
                assertThrows(IllegalArgumentException.class,
                        () -> Plots.images(Tensor.zeros(3, 4), 2, 2, List.of("a"))).getMessage());
    }
}
