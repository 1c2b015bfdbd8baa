package nnlab.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import nnlab.Rng;
import nnlab.data.Dataset;
import nnlab.data.Datasets;
import nnlab.loss.CrossEntropy;
import nnlab.nn.Conv2d;
import nnlab.nn.Flatten;
import nnlab.nn.Linear;
import nnlab.nn.MaxPool2d;
import nnlab.nn.Net;
import nnlab.nn.ReLU;
import nnlab.optim.SGD;
import nnlab.tensor.Blas;
import nnlab.tensor.ConvOps;
import nnlab.tensor.PoolOps;
import nnlab.tensor.Tensor;

/**
 * {@code bin/bench cnn}: trains notebook 09's CNN — Conv(1→32, 3×3) ReLU MaxPool(2) → Conv(32→64, 3×3)
 * ReLU MaxPool(2) → Flatten → Linear(1600, 64) ReLU → Linear(64, 10), softmax cross-entropy, SGD lr 0.05,
 * batch 100 — on 10,000 images of 28×28 and prints one JSON line: seconds per epoch (median of epochs 2..; wall
 * clock, and the process's CPU seconds over all threads, which a machine shared with other work disturbs less),
 * threads, BLAS, and where an epoch's time goes (each stage re-run alone on the epoch's shapes).
 *
 * <p>Data: the bundled {@code Datasets.mnist10k()} when it loads, otherwise random images of that shape.
 * The loop is the plain one the PyTorch reference ({@code cnn_torch.py}) runs. Arguments: {@code [epochs=3]}.
 */
public final class CnnBench {
    static final int BATCH = 100;

    private CnnBench() {
    }

    public static void main(String[] args) {
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        if (epochs < 2) {
            throw new IllegalArgumentException("bench cnn: epochs must be >= 2 (epoch 1 is warm-up), got " + epochs);
        }
        String data = "mnist10k";
        Dataset ds;
        try {
            ds = Datasets.mnist10k();
        } catch (RuntimeException e) {
            data = "synthetic";
            Rng r = new Rng(1);
            ds = new Dataset(r.uniform(0, 1, 10_000, 784), r.integers(0, 10, 10_000));
        }
        Tensor x = ds.x().reshape(-1, 1, 28, 28);
        Rng rng = new Rng(12345);
        Net net = new Net(new Conv2d(1, 32, 3, rng), new ReLU(), new MaxPool2d(2, 2),
                new Conv2d(32, 64, 3, rng), new ReLU(), new MaxPool2d(2, 2), new Flatten(),
                new Linear(1600, 64, rng), new ReLU(), new Linear(64, 10, rng));
        CrossEntropy loss = new CrossEntropy();
        SGD sgd = new SGD(net.params(), 0.05);
        Tensor xb = Tensor.zeros(BATCH, 1, 28, 28);
        Tensor yb = Tensor.zeros(BATCH);
        List<Double> seconds = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        double lastLoss = 0;
        for (int e = 0; e < epochs; e++) {
            long t0 = System.nanoTime();
            long c0 = os.getProcessCpuTime();
            int[] perm = rng.permutation(ds.size());
            double sum = 0;
            for (int start = 0; start + BATCH <= perm.length; start += BATCH) {
                int[] idx = Arrays.copyOfRange(perm, start, start + BATCH);
                x.take(idx, xb);
                ds.y().take(idx, yb);
                sgd.zeroGrad();
                Net.Trace trace = net.forward(xb);
                sum += loss.value(yb, trace.output());
                net.backwardParams(trace, loss.grad(yb, trace.output()));
                sgd.step();
            }
            lastLoss = sum / (perm.length / BATCH);
            seconds.add((System.nanoTime() - t0) / 1e9);
            cpu.add((os.getProcessCpuTime() - c0) / 1e9);
        }
        double median = medianAfterFirst(seconds);
        String threads = System.getenv().getOrDefault("OPENBLAS_NUM_THREADS",
                String.valueOf(Runtime.getRuntime().availableProcessors()));
        System.out.println(String.format(Locale.ROOT,
                "{\"bench\": \"cnn\", \"dtype\": \"float64\", \"data\": \"%s\", \"train\": %d, \"batch\": %d, \"epochs\": %d, "
                        + "\"seconds_per_epoch\": %.3f, \"epoch_seconds\": %s, \"cpu_seconds_per_epoch\": %.3f, \"last_epoch_loss\": %.4f, "
                        + "\"threads\": %s, \"blas\": \"%s\", \"native_blas\": %b, \"breakdown_cpu_seconds_per_epoch\": %s}",
                data, ds.size(), BATCH, epochs, median, seconds.stream().map(s -> String.format(Locale.ROOT, "%.3f", s)).toList(),
                medianAfterFirst(cpu), lastLoss, threads, Blas.implementation(), Blas.isNative(), breakdown(net, x, medianAfterFirst(cpu))));
    }

    /**
     * CPU seconds (all threads) per epoch (ds.size() / BATCH batches) of each stage of one training step, timed alone on the
     * shapes of the real network: im2col (forward, and again in backward), the matrix products, moving
     * [out, N·H'·W'] to [N, out, H', W'] and back, col2im, pooling (forward, and the routing in backward);
     * "rest" is the epoch's CPU seconds minus those (ReLU, loss, Linear's bias and sums, SGD, batch gathering).
     */
    private static String breakdown(Net net, Tensor x, double epoch) {
        Tensor x1 = x.rows(0, BATCH).copy();
        Net.Trace t = net.forward(x1);
        Tensor x2 = t.input(3);                       // conv 2's input [100, 32, 13, 13]
        Tensor p1 = t.input(2), p2 = t.input(5);      // the pools' inputs
        Tensor w1 = net.layers().get(0).params().get(0).value().reshape(32, 9);
        Tensor w2 = net.layers().get(3).params().get(0).value().reshape(64, 288);
        Tensor c1 = ConvOps.im2col(x1, 3, 3, 1, 0), c2 = ConvOps.im2col(x2, 3, 3, 1, 0);
        Tensor y1 = w1.matmul(c1), y2 = w2.matmul(c2);
        Tensor h = t.input(7), fcW = net.layers().get(7).params().get(0).value();
        Tensor h2 = t.input(9), fc2W = net.layers().get(9).params().get(0).value();
        Tensor z = h.matmul(fcW), z2 = h2.matmul(fc2W);          // stand-ins for dy of the two linear layers
        int batches = x.shape(0) / BATCH;
        Map<String, Double> s = new LinkedHashMap<>();
        // conv 1's backwardParams gets no y from Net, so it runs im2col again; conv 2 reuses forward's
        s.put("im2col", time(batches, () -> ConvOps.im2col(x1, 3, 3, 1, 0).size() + ConvOps.im2col(x1, 3, 3, 1, 0).size()
                + ConvOps.im2col(x2, 3, 3, 1, 0).size()));
        s.put("gemm", time(batches, () -> w1.matmul(c1).size() + y1.matmulTranspose(c1).size()      // conv1: y, dW
                + w2.matmul(c2).size() + y2.matmulTranspose(c2).size() + w2.transposeMatmul(y2).size() // conv2: y, dW, dcols
                + h.matmul(fcW).size() + h.transposeMatmul(z).size() + z.matmulTranspose(fcW).size()   // fc1: y, dW, dx
                + h2.matmul(fc2W).size() + h2.transposeMatmul(z2).size() + z2.matmulTranspose(fc2W).size()));
        s.put("layout", time(batches, () -> ConvOps.swapAxes01(y1.reshape(32, BATCH, 26, 26)).size()
                + ConvOps.swapAxes01(y2.reshape(64, BATCH, 11, 11)).size()) * 2);      // forward (with bias) and back
        s.put("col2im", time(batches, () -> ConvOps.col2im(c2, x2.shape(), 3, 3, 1, 0).size()));
        s.put("pooling", time(batches, () -> pool(p1) + pool(p2)));
        double sum = s.values().stream().mapToDouble(Double::doubleValue).sum();
        s.put("rest", epoch - sum);
        return s.entrySet().stream().map(e -> String.format(Locale.ROOT, "\"%s\": %.3f", e.getKey(), e.getValue()))
                .collect(java.util.stream.Collectors.joining(", ", "{", "}"));
    }

    /** The median of all values but the first (epoch 1 is warm-up: JIT compilation, first allocations). */
    private static double medianAfterFirst(List<Double> values) {
        List<Double> timed = new ArrayList<>(values.subList(1, values.size()));
        timed.sort(null);
        int m = timed.size();
        return m % 2 == 1 ? timed.get(m / 2) : (timed.get(m / 2 - 1) + timed.get(m / 2)) / 2;
    }

    /** Forward with its arg-max, then backward's routing, as MaxPool2d runs them in training. */
    private static int pool(Tensor p) {
        int[] argmax = new int[p.shape(0) * p.shape(1) * (p.shape(2) / 2) * (p.shape(3) / 2)];
        Tensor y = PoolOps.maxPool2d(p, 2, 2, argmax);
        return PoolOps.maxPool2dBackward(y, argmax, p.shape()).size();
    }

    /** CPU seconds (all threads) for {@code batches} runs of {@code stage}, the best of 3 after a warm-up. */
    private static double time(int batches, Supplier<Integer> stage) {
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        double best = Double.MAX_VALUE;
        for (int rep = 0; rep < 4; rep++) {
            long t0 = os.getProcessCpuTime();
            for (int b = 0; b < batches; b++) {
                stage.get();
            }
            double s = (os.getProcessCpuTime() - t0) / 1e9;
            best = rep == 0 ? best : Math.min(best, s);
        }
        return best;
    }
}
