package nnlab.plot;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import nnlab.Rng;
import nnlab.data.Dataset;
import nnlab.data.Datasets;
import nnlab.loss.BinaryCrossEntropy;
import nnlab.loss.CrossEntropy;
import nnlab.metrics.ConfusionMatrix;
import nnlab.nn.Linear;
import nnlab.nn.Net;
import nnlab.nn.ReLU;
import nnlab.nn.Sigmoid;
import nnlab.nn.Tanh;
import nnlab.optim.Adam;
import nnlab.tensor.Tensor;
import nnlab.train.History;
import nnlab.train.Trainer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.XYChart;

/** Writes every kind of plot to target/plot-gallery/ for people to look at, and checks each file. */
class GalleryTest {
    static final Path DIR = Path.of("target", "plot-gallery");
    static History history;
    static Net digitsNet;
    static Dataset digits;

    @BeforeAll
    static void train() {
        digits = Datasets.digits();
        Rng rng = new Rng(1);
        Dataset small = digits.withX(digits.x().div(16.0));
        digitsNet = new Net(new Linear(64, 32, rng), new ReLU(), new Linear(32, 10, rng));
        history = new Trainer().verbose(false).run(digitsNet, new CrossEntropy(), new Adam(digitsNet.params(), 0.01),
                small.subset(0, 1200), small.subset(1200, 1797), 15, 32);
    }

    static double f(double x, double y) {
        return x * x + y * y + x * (y + 2) + Math.cos(3 * x);
    }

    /** Gradient descent on f from (x0, y0): the path the course draws over the contour map. */
    static double[][] descent(double x0, double y0, double lr, int steps) {
        double[] xs = new double[steps + 1];
        double[] ys = new double[steps + 1];
        xs[0] = x0;
        ys[0] = y0;
        for (int k = 0; k < steps; k++) {
            double gx = 2 * xs[k] + ys[k] + 2 - 3 * Math.sin(3 * xs[k]);
            double gy = 2 * ys[k] + xs[k];
            xs[k + 1] = xs[k] - lr * gx;
            ys[k + 1] = ys[k] - lr * gy;
        }
        return new double[][] {xs, ys};
    }

    static void write(String name, Object chartOrImage) throws Exception {
        Path file = DIR.resolve(name + ".png");
        if (chartOrImage instanceof BufferedImage im) {
            Plots.save(im, file.toString());
        } else {
            Plots.save((org.knowm.xchart.internal.chartpart.Chart<?, ?>) chartOrImage, file.toString());
        }
        BufferedImage back = ImageIO.read(file.toFile());
        assertTrue(back.getWidth() > 50 && back.getHeight() > 50, name + " is too small");
        assertTrue(Files.size(file) > 2000, name + " looks empty");
    }

    @Test
    void gallery() throws Exception {
        Files.createDirectories(DIR);
        XYChart contour = Plots.contour(GalleryTest::f, -5, 5, -5, 5);
        double[][] p = descent(4, 4, 0.1, 25);
        Plots.path(contour, p[0], p[1]);
        write("contour-path", contour);

        XYChart two = Plots.contour(GalleryTest::f, -5, 5, -5, 5, 20);
        double[][] q = descent(-4.5, 4, 0.05, 40);
        Plots.path(two, p[0], p[1], "lr 0.1");
        Plots.path(two, q[0], q[1], "lr 0.05");
        write("contour-20-levels-two-paths", two);

        XYChart act = Plots.line(x -> 1 / (1 + Math.exp(-x)), -5, 5, "sigmoid");
        Plots.line(act, Math::tanh, -5, 5, "tanh");
        Plots.line(act, x -> Math.max(0, x), -5, 5, "ReLU");
        act.setTitle("Activations");
        write("lines-activations", act);

        XYChart loss = Plots.learningCurves(history, "loss");
        XYChart acc = Plots.learningCurves(history, "accuracy");
        write("learning-curves-loss", loss);
        write("learning-curves-accuracy", acc);
        write("grid-2x2", Plots.grid(2, 2, contour, act, loss, acc));

        List<String> titles = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            titles.add(Integer.toString((int) digits.y().get(i)));
        }
        write("digits", Plots.images(digits.x().rows(0, 20), 8, 8, titles));

        Dataset test = digits.withX(digits.x().div(16.0)).subset(1200, 1797);
        ConfusionMatrix cm = ConfusionMatrix.fromScores(test.y(), digitsNet.predict(test.x()), null);
        HeatMapChart heat = Plots.confusion(cm);
        write("confusion-digits", heat);
        write("confusion-2", Plots.confusion(new int[][] {{50, 2}, {5, 43}}, List.of("cat", "dog")));

        Rng rng = new Rng(3);
        Dataset circles = Datasets.circles(300, 0.08, 0.5, rng);
        Net bin = new Net(new Linear(2, 16, rng), new Tanh(), new Linear(16, 1, rng), new Sigmoid());
        new Trainer().verbose(false).run(bin, new BinaryCrossEntropy(), new Adam(bin.params(), 0.05), circles, null, 200, 32);
        write("decision-boundary-circles", Plots.decisionBoundary(bin, circles));

        Dataset blobs = Datasets.blobs(300, 3, 1.5, rng);
        Net multi = new Net(new Linear(2, 16, rng), new ReLU(), new Linear(16, 3, rng));
        new Trainer().verbose(false).run(multi, new CrossEntropy(), new Adam(multi.params(), 0.05), blobs, null, 60, 32);
        write("decision-boundary-blobs", Plots.decisionBoundary(multi, blobs));

        write("scatter-moons", Plots.scatter(Datasets.moons(200, 0.1, rng)));
        Tensor mnistLike = new Rng(5).uniform(0, 1, 12, 28 * 28);
        write("images-28x28", Plots.images(mnistLike, 28, 28));
    }
}
