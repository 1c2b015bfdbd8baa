package nnlab.plot;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Locale;
import javax.imageio.ImageIO;
import nnlab.Rng;
import nnlab.tensor.Tensor;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;

/**
 * Speed of the course's heaviest plots (a benchmark, not a test; run it with {@code bin/bench plot}).
 *
 * <p>Times, after warm-up, the median of several runs of: a 100×100 contour with 20 levels plus a
 * 40-step path, built and rendered to pixels (target 300 ms); and a 10×10 grid of 28×28 digits
 * (target 100 ms). PNG encoding is shown separately.
 */
public final class PlotBench {

    private PlotBench() {
    }

    public static void main(String[] args) throws Exception {
        int warmup = 5;
        int runs = 15;
        double[][] path = GalleryTest.descent(4, 4, 0.05, 40);
        Tensor digits = new Rng(1).uniform(0, 1, 100, 28 * 28);
        BufferedImage[] keep = new BufferedImage[1];
        double contour = median(warmup, runs, () -> {
            XYChart c = Plots.contour(GalleryTest::f, -5, 5, -5, 5, 20, 100);
            Plots.path(c, path[0], path[1]);
            keep[0] = BitmapEncoder.getBufferedImage(c);
        });
        double contourPng = median(warmup, runs, () -> png(keep[0]));
        double grid = median(warmup, runs, () -> keep[0] = Plots.images(digits, 28, 28));
        double gridPng = median(warmup, runs, () -> png(keep[0]));
        System.out.printf(Locale.ROOT, "contour 100x100, 20 levels + path, render   %7.1f ms   (target <= 300 ms)%n", contour);
        System.out.printf(Locale.ROOT, "  + PNG encoding of that chart              %7.1f ms%n", contourPng);
        System.out.printf(Locale.ROOT, "digits 10x10 grid of 28x28                   %7.1f ms   (target <= 100 ms)%n", grid);
        System.out.printf(Locale.ROOT, "  + PNG encoding of that image              %7.1f ms%n", gridPng);
    }

    interface Body {
        void run() throws Exception;
    }

    static double median(int warmup, int runs, Body body) throws Exception {
        for (int i = 0; i < warmup; i++) {
            body.run();
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            body.run();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        return ms[runs / 2];
    }

    static void png(BufferedImage im) throws Exception {
        ImageIO.write(im, "png", new ByteArrayOutputStream());
    }
}
