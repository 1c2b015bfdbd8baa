package nnlab.bench;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import nnlab.Rng;
import nnlab.autograd.Var;
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
 * and prints one JSON line with the median seconds per epoch over epochs 2–5 (wall clock, and the CPU time of
 * the whole process, which a machine shared with other jobs disturbs less).
 *
 * <p>Data: Fashion-MNIST from Debian's {@code dataset-fashion-mnist} when installed (60,000 training
 * and 10,000 test images), otherwise random data of the same shape (accuracy is then meaningless and
 * reported as such). The loop is the plain one a NumPy reference would run: shuffle, then forward,
 * loss gradient, backward and step for each batch; the test set is scored once at the end.
 * Arguments: {@code [epochs=5] [--autograd]}. With {@code --autograd} ({@code bin/bench autograd}) the same
 * network, initial weights and batches train through {@code Var}s: the forward pass in Vars, then
 * {@code loss.backward()}; the line then says {@code "bench": "autograd"}.
 */
public final class MlpBench {
    private MlpBench() {
    }

    public static void main(String[] args) {
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        boolean autograd = rest.remove("--autograd");
        int epochs = rest.isEmpty() ? 5 : Integer.parseInt(rest.get(0));
        if (epochs < 2) {
            throw new IllegalArgumentException("bench mlp: epochs must be >= 2 (epoch 1 is warm-up), got " + epochs);
        }
        boolean real = Files.isDirectory(Datasets.DEBIAN_FASHION_MNIST);
        Dataset train = real ? Datasets.fashionMnist(true) : synthetic(60_000, new Rng(1));
        Dataset test = real ? Datasets.fashionMnist(false) : synthetic(10_000, new Rng(2));

        Rng rng = new Rng(12345);
        Linear fc1 = new Linear(784, 100, rng);
        Linear fc2 = new Linear(100, 10, rng);
        Net net = new Net(fc1, new Tanh(), fc2);
        CrossEntropy loss = new CrossEntropy();
        SGD sgd = new SGD(net.params(), 0.1);
        Var w1 = Var.param(fc1.weight()), b1 = Var.param(fc1.bias());      // the same Params, seen as Vars
        Var w2 = Var.param(fc2.weight()), b2 = Var.param(fc2.bias());
        int batch = 100;      // divides both 60,000 and the synthetic size, so every batch is full
        List<Double> seconds = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();      // CPU seconds of the whole process (all threads, BLAS's too)
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        Tensor xb = Tensor.zeros(batch, train.x().shape(1));    // every batch is gathered into these two
        Tensor yb = Tensor.zeros(batch);
        for (int e = 0; e < epochs; e++) {
            long t0 = System.nanoTime();
            long c0 = os.getProcessCpuTime();
            int[] perm = rng.permutation(train.size());
            for (int start = 0; start < perm.length; start += batch) {
                int[] idx = Arrays.copyOfRange(perm, start, start + batch);
                train.x().take(idx, xb);
                train.y().take(idx, yb);
                sgd.zeroGrad();                                         // gradients accumulate, as in PyTorch
                if (autograd) {
                    Var.of(xb).matmul(w1).add(b1).tanh().matmul(w2).add(b2).crossEntropy(yb).backward();
                } else {
                    Net.Trace trace = net.forward(xb);
                    net.backwardParams(trace, loss.grad(yb, trace.output()));
                }
                sgd.step();
            }
            seconds.add((System.nanoTime() - t0) / 1e9);
            cpu.add((os.getProcessCpuTime() - c0) / 1e9);
        }
        double acc = Metrics.accuracy(test.y(), net.predict(test.x()));
        double median = medianOfEpochs2To5(seconds);
        String threads = System.getenv().getOrDefault("OPENBLAS_NUM_THREADS",
                String.valueOf(Runtime.getRuntime().availableProcessors()));
        System.out.println(String.format(Locale.ROOT,
                "{\"bench\": \"%s\", \"data\": \"%s\", \"train\": %d, \"test\": %d, \"epochs\": %d, "
                        + "\"seconds_per_epoch\": %.3f, \"epoch_seconds\": %s, \"cpu_seconds_per_epoch\": %.3f, "
                        + "\"test_accuracy\": %s, "
                        + "\"threads\": %s, \"blas\": \"%s\", \"native_blas\": %b}",
                autograd ? "autograd" : "mlp", real ? "fashion-mnist" : "synthetic", train.size(), test.size(), epochs, median,
                seconds.stream().map(s -> String.format(Locale.ROOT, "%.3f", s)).toList(), medianOfEpochs2To5(cpu),
                real ? String.format(Locale.ROOT, "%.4f", acc) : "null", threads, Blas.implementation(),
                Blas.isNative()));
    }

    /** The median of epochs 2-5 (epoch 1 warms the JIT up). */
    private static double medianOfEpochs2To5(List<Double> perEpoch) {
        List<Double> timed = new ArrayList<>(perEpoch.subList(1, Math.min(5, perEpoch.size())));
        timed.sort(null);
        return timed.size() % 2 == 1 ? timed.get(timed.size() / 2)
                : (timed.get(timed.size() / 2 - 1) + timed.get(timed.size() / 2)) / 2;
    }

    /** Random images in [0, 1) with random labels: the shape of Fashion-MNIST, none of its meaning. */
    private static Dataset synthetic(int n, Rng rng) {
        return new Dataset(rng.uniform(0, 1, n, 784), rng.integers(0, 10, n));
    }
}
