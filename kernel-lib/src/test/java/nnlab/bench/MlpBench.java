package nnlab.bench;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import nnlab.Rng;
import nnlab.data.Dataset;
import nnlab.data.Datasets;
import nnlab.loss.CrossEntropy;
import nnlab.metrics.Metrics;
import nnlab.nn.Linear;
import nnlab.nn.Net;
import nnlab.nn.Tanh;
import nnlab.optim.SGD;
import nnlab.tensor.Blas;
import nnlab.tensor.Tensor;

/**
 * {@code bin/bench mlp}: trains a 784-100-10 MLP (tanh, softmax cross-entropy, SGD lr 0.1, batch 100)
 * and prints one JSON line with the median seconds per epoch over epochs 2–5.
 *
 * <p>Data: Fashion-MNIST from Debian's {@code dataset-fashion-mnist} when installed (60,000 training
 * and 10,000 test images), otherwise random data of the same shape (accuracy is then meaningless and
 * reported as such). The loop is the plain one a NumPy reference would run: shuffle, then forward,
 * loss gradient, backward and step for each batch; the test set is scored once at the end.
 * Arguments: {@code [epochs=5]}.
 */
public final class MlpBench {
    private MlpBench() {
    }

    public static void main(String[] args) {
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        if (epochs < 2) {
            throw new IllegalArgumentException("bench mlp: epochs must be >= 2 (epoch 1 is warm-up), got " + epochs);
        }
        boolean real = Files.isDirectory(Datasets.DEBIAN_FASHION_MNIST);
        Dataset train = real ? Datasets.fashionMnist(true) : synthetic(60_000, new Rng(1));
        Dataset test = real ? Datasets.fashionMnist(false) : synthetic(10_000, new Rng(2));

        Rng rng = new Rng(12345);
        Net net = new Net(new Linear(784, 100, rng), new Tanh(), new Linear(100, 10, rng));
        CrossEntropy loss = new CrossEntropy();
        SGD sgd = new SGD(net.params(), 0.1);
        int batch = 100;      // divides both 60,000 and the synthetic size, so every batch is full
        List<Double> seconds = new ArrayList<>();
        Tensor xb = Tensor.zeros(batch, train.x().shape(1));    // every batch is gathered into these two
        Tensor yb = Tensor.zeros(batch);
        for (int e = 0; e < epochs; e++) {
            long t0 = System.nanoTime();
            int[] perm = rng.permutation(train.size());
            for (int start = 0; start < perm.length; start += batch) {
                int[] idx = Arrays.copyOfRange(perm, start, start + batch);
                train.x().take(idx, xb);
                train.y().take(idx, yb);
                Net.Trace trace = net.forward(xb);
                sgd.zeroGrad();                                     // gradients accumulate, as in PyTorch
                net.backwardParams(trace, loss.grad(yb, trace.output()));
                sgd.step();
            }
            seconds.add((System.nanoTime() - t0) / 1e9);
        }
        double acc = Metrics.accuracy(test.y(), net.predict(test.x()));
        List<Double> timed = new ArrayList<>(seconds.subList(1, Math.min(5, epochs)));
        timed.sort(null);
        double median = timed.size() % 2 == 1 ? timed.get(timed.size() / 2)
                : (timed.get(timed.size() / 2 - 1) + timed.get(timed.size() / 2)) / 2;
        String threads = System.getenv().getOrDefault("OPENBLAS_NUM_THREADS",
                String.valueOf(Runtime.getRuntime().availableProcessors()));
        System.out.println(String.format(Locale.ROOT,
                "{\"bench\": \"mlp\", \"data\": \"%s\", \"train\": %d, \"test\": %d, \"epochs\": %d, "
                        + "\"seconds_per_epoch\": %.3f, \"epoch_seconds\": %s, \"test_accuracy\": %s, "
                        + "\"threads\": %s, \"blas\": \"%s\", \"native_blas\": %b}",
                real ? "fashion-mnist" : "synthetic", train.size(), test.size(), epochs, median,
                seconds.stream().map(s -> String.format(Locale.ROOT, "%.3f", s)).toList(),
                real ? String.format(Locale.ROOT, "%.4f", acc) : "null", threads, Blas.implementation(),
                Blas.isNative()));
    }

    /** Random images in [0, 1) with random labels: the shape of Fashion-MNIST, none of its meaning. */
    private static Dataset synthetic(int n, Rng rng) {
        return new Dataset(rng.uniform(0, 1, n, 784), rng.integers(0, 10, n));
    }
}
