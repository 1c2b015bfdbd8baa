package nnlab.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Locale;
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
import nnlab.nn.Unflatten;
import nnlab.optim.SGD;
import nnlab.tensor.Tensor;
import nnlab.train.History;
import nnlab.train.Trainer;

/**
 * {@code bin/bench eval-memory}: what evaluating notebook 09's CNN on the 10,000 bundled MNIST digits costs in heap.
 * Both modes train one epoch on the first 100 images (one step: batch 100, SGD lr 0.01, seed 12345), then measure the test
 * loss on all 10,000: {@code one-batch} with one {@code net.predict} of all of them (what the Trainer did before it
 * evaluated in batches), {@code trainer} inside the Trainer (batches of 256). Prints one JSON line: the loss (or the
 * error), seconds, and the heap's peak use (the sum of the heap pools' peaks, garbage included) and its maximum.
 * Arguments: {@code one-batch | trainer}.
 */
public final class EvalMemoryBench {
    private EvalMemoryBench() {
    }

    public static void main(String[] args) {
        String mode = args.length > 0 ? args[0] : "trainer";
        if (!mode.equals("one-batch") && !mode.equals("trainer")) {
            throw new IllegalArgumentException("bench eval-memory: mode must be one-batch or trainer, got " + mode);
        }
        Dataset test = Datasets.mnist10k();
        Dataset train = test.subset(0, 100);
        Rng rng = new Rng(12345);
        Net net = new Net(new Unflatten(1, 28, 28), new Conv2d(1, 32, 3, rng), new ReLU(), new MaxPool2d(2, 2),
                new Conv2d(32, 64, 3, rng), new ReLU(), new MaxPool2d(2, 2), new Flatten(),
                new Linear(1600, 64, rng), new ReLU(), new Linear(64, 10, rng));
        Trainer trainer = new Trainer().verbose(false);
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        long t0 = System.nanoTime();
        String result;
        try {
            if (mode.equals("trainer")) {
                History h = trainer.run(net, new CrossEntropy(), new SGD(net.params(), 0.01), train, test, 1, 100);
                result = String.format(Locale.ROOT, "\"test_loss\": %.15f", h.last("test_loss"));
            } else {
                trainer.run(net, new CrossEntropy(), new SGD(net.params(), 0.01), train, null, 1, 100);
                Tensor out = net.predict(test.x());
                result = String.format(Locale.ROOT, "\"test_loss\": %.15f", new CrossEntropy().value(test.y(), out));
            }
        } catch (OutOfMemoryError e) {
            result = "\"error\": \"OutOfMemoryError: " + e.getMessage() + "\"";
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            peak += pool.getType() == MemoryType.HEAP ? pool.getPeakUsage().getUsed() : 0;
        }
        System.out.printf(Locale.ROOT, "{\"mode\": \"%s\", \"max_heap_mb\": %d, %s, \"seconds\": %.1f, \"peak_heap_mb\": %d}%n",
                mode, Runtime.getRuntime().maxMemory() >> 20, result, seconds, peak >> 20);
    }
}
