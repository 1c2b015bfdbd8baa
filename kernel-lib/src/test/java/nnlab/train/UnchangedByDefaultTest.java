package nnlab.train;

import static nnlab.train.TrainerTest.blobs;
import static nnlab.train.TrainerTest.logistic;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nnlab.Rng;
import nnlab.data.Dataset;
import nnlab.loss.BinaryCrossEntropy;
import nnlab.loss.CrossEntropy;
import nnlab.loss.MeanSquaredError;
import nnlab.nn.Conv2d;
import nnlab.nn.Dropout;
import nnlab.nn.Flatten;
import nnlab.nn.Linear;
import nnlab.nn.Net;
import nnlab.nn.Param;
import nnlab.nn.ReLU;
import nnlab.nn.Unflatten;
import nnlab.optim.Adam;
import nnlab.optim.RMSprop;
import nnlab.optim.SGD;
import nnlab.optim.Schedule;
import nnlab.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Runs that use none of the newer Trainer settings (validation split, regularizer, restoreBest, plateau) give
 * the History and weights they gave before those settings existed: the expected sums were computed on main
 * (commit 16e884c). Bit-identity was checked when they were recorded; the tolerance 1e-12 leaves room for
 * another CPU's BLAS kernels only.
 */
class UnchangedByDefaultTest {
    private static final String ON_MAIN = """
            epoch 21.000000000000000 6.0000000000000000
            train_loss 0.39330987090818714 5.3552618962508900e-06
            train_accuracy 5.7833333333333330 1.0000000000000000
            test_loss 0.0010094539978307254 4.8990006446804600e-06
            test_accuracy 6.0000000000000000 1.0000000000000000
            lr 0.60000000000000010 0.10000000000000000
            weights 27.559213292483580
            completed 6 epochs
            --
            epoch 21.000000000000000 6.0000000000000000
            train_loss 0.93766395992250270 0.045846156839095716
            train_accuracy 5.8333333333333330 1.0000000000000000
            test_loss 0.40849420063622290 0.017368110527592470
            test_accuracy 6.0000000000000000 1.0000000000000000
            lr 0.046855900000000006 0.0059049000000000010
            weights 13.592585230484167
            completed 6 epochs
            --
            epoch 15.000000000000000 5.0000000000000000
            train_loss 9.1669601142326570 1.6231692576522320
            lr 0.050000000000000000 0.010000000000000000
            weights 1.0926591753243686
            completed 5 epochs
            --
            epoch 6.0000000000000000 3.0000000000000000
            train_loss 0.12483277701736006 0.018023758268731926
            train_accuracy 3.0000000000000000 1.0000000000000000
            test_loss 12.333988278366572 4.5660820462772570
            test_accuracy 0.0000000000000000 0.0000000000000000
            lr 1.5000000000000000 0.50000000000000000
            weights 2.5506763350142040
            early stopping at epoch 3: test_loss has not decreased for 2 epochs (best 3.5849 at epoch 1; the net keeps the weights of epoch 3)
            --
            epoch 6.0000000000000000 3.0000000000000000
            train_loss 1.2316188729860950 0.11064713829359217
            train_accuracy 2.4777777777777780 0.98888888888888890
            test_loss 0.73317172251721320 0.042411448836537476
            test_accuracy 2.7866666666666666 1.0000000000000000
            lr 0.15000000000000002 0.050000000000000000
            weights 25.909480246376294
            completed 3 epochs
            --
            """;


    /** One line per recorded metric: its name, the sum of its values and its last value; then the weights' sum of squares. */
    static List<String> fingerprint(History h, Net net) {
        List<String> lines = new ArrayList<>();
        for (String m : h.metrics()) {
            List<Double> v = h.get(m);
            lines.add(String.format(Locale.ROOT, "%s %.17g %.17g", m, v.stream().mapToDouble(d -> d).sum(), v.get(v.size() - 1)));
        }
        double ss = 0;
        for (Param p : net.params()) {
            ss += p.value().flatten().dot(p.value().flatten());
        }
        lines.add(String.format(Locale.ROOT, "weights %.17g", ss));
        lines.add(h.stopReason());
        return lines;
    }

    static Dataset regression(int n, long seed) {
        Rng rng = new Rng(seed);
        Tensor x = rng.uniform(-1, 1, n, 2);
        return new Dataset(x, x.col(0).sub(x.col(1).mul(2)).add(0.3));
    }

    static List<List<String>> runs() {
        List<List<String>> out = new ArrayList<>();
        Net a = logistic(3);
        out.add(fingerprint(new Trainer().verbose(false).run(a, new BinaryCrossEntropy(), SGD.momentum(a.params(), 0.1, 0.9),
                blobs(30, 2, 11), blobs(30, 2, 12), 6, 7), a));

        Rng rb = new Rng(21);
        Net b = new Net(new Linear(2, 16, rb), new ReLU(), new Dropout(0.2, rb), new Linear(16, 3, rb));
        out.add(fingerprint(new Trainer().verbose(false).seed(7).schedule(Schedule.exponential(0.01, 0.9)).run(b,
                new CrossEntropy(), new Adam(b.params(), 0.01), blobs(40, 3, 13), blobs(100, 3, 14), 6, 16), b));

        Net c = new Net(new Linear(2, 1, new Rng(31)));
        out.add(fingerprint(new Trainer().verbose(false).shuffle(false).run(c, new MeanSquaredError(),
                new RMSprop(c.params(), 0.01), regression(60, 15), null, 5, 10), c));

        Dataset train = blobs(30, 2, 2);
        Net d = logistic(1);
        out.add(fingerprint(new Trainer().verbose(false).earlyStopping("test_loss", 2).run(d, new BinaryCrossEntropy(),
                new SGD(d.params(), 0.5), train, train.withY(train.y().mul(-1).add(1)), 50, 10), d));

        Rng re = new Rng(41);
        Net e = new Net(new Unflatten(1, 4, 4), new Conv2d(1, 3, 3, re), new ReLU(), new Flatten(), new Linear(12, 3, re));
        Dataset images = images(90, 16), test = images(300, 17);
        out.add(fingerprint(new Trainer().verbose(false).run(e, new CrossEntropy(), new SGD(e.params(), 0.05, 0.9, true, 1e-3),
                images, test, 3, 8), e));
        return out;
    }

    /** 4x4 "images" of 3 classes: a bright row, column or diagonal, plus noise. */
    static Dataset images(int n, long seed) {
        Rng rng = new Rng(seed);
        double[] x = new double[n * 16];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            int c = i % 3;
            for (int k = 0; k < 4; k++) {
                x[i * 16 + (c == 0 ? 4 + k : c == 1 ? 4 * k + 1 : 5 * k)] = 1;
            }
            for (int k = 0; k < 16; k++) {
                x[i * 16 + k] += 0.3 * rng.nextGaussian();
            }
            y[i] = c;
        }
        return new Dataset(Tensor.fromArray(x, n, 16), Tensor.of(y));
    }

    @Test
    void runsWithoutTheNewSettingsGiveTheNumbersTheyGaveOnMain() {
        String[] expected = ON_MAIN.split("\n");
        List<String> actual = new ArrayList<>();
        runs().forEach(r -> { actual.addAll(r); actual.add("--"); });
        assertEquals(expected.length, actual.size(), String.join("\n", actual));
        for (int i = 0; i < expected.length; i++) {
            String[] e = expected[i].split(" ");
            String[] a = actual.get(i).split(" ");
            if (!expected[i].matches("[a-z_]+( [-+.0-9e]+)+")) {
                assertEquals(expected[i], actual.get(i));             // the stop reason
                continue;
            }
            assertEquals(e[0], a[0]);
            for (int k = 1; k < e.length; k++) {
                double want = Double.parseDouble(e[k]);
                assertEquals(want, Double.parseDouble(a[k]), 1e-12 * Math.max(1, Math.abs(want)), actual.get(i));
            }
        }
    }
}
