package nnlab.train;

import java.util.Arrays;
import java.util.Locale;
import nnlab.data.Dataset;
import nnlab.loss.Loss;
import nnlab.metrics.Metrics;
import nnlab.nn.Net;
import nnlab.optim.Optimizer;
import nnlab.tensor.Tensor;

/** One training run's inner loop: the batches of an epoch, and evaluation on a held-out set. */
final class Loop {
    private final Net net;
    private final Loss loss;
    private final Optimizer opt;
    private final Dataset train;
    private final int batchSize;
    private final boolean accuracy;
    private final History history;
    private final boolean oneHot;
    /** Every full shuffled batch (the whole set when it is smaller) is gathered into these two. */
    private final Tensor xBatch;
    private final Tensor yBatch;

    Loop(Net net, Loss loss, Optimizer opt, Dataset train, int batchSize, boolean accuracy, History history,
            boolean oneHot) {
        this.net = net;
        this.loss = loss;
        this.opt = opt;
        this.train = train;
        this.batchSize = batchSize;
        this.accuracy = accuracy;
        this.history = history;
        this.oneHot = oneHot;
        this.xBatch = batchOf(train.x(), batchSize);
        this.yBatch = batchOf(train.y(), batchSize);
    }

    /** A zero tensor shaped like {@code batch} rows of {@code data}. */
    private static Tensor batchOf(Tensor data, int batch) {
        int[] shape = data.shape();
        shape[0] = Math.min(batch, shape[0]);
        return Tensor.zeros(shape);
    }

    /** Trains one epoch over {@code order} (null: dataset order); returns {mean loss, mean accuracy}. */
    double[] epoch(int epoch, int[] order) {
        int n = train.size();
        int steps = (n + batchSize - 1) / batchSize;
        double lossSum = 0;
        double accSum = 0;
        net.train(true);
        for (int step = 1; step <= steps; step++) {
            if (Thread.interrupted()) {
                throw new TrainingException(String.format(Locale.ROOT, "Trainer: interrupted at epoch %d, step %d "
                        + "of %d; the net keeps its current weights and history() holds the %d finished epochs",
                        epoch, step, steps, history.size()), history);
            }
            int from = (step - 1) * batchSize;
            int to = Math.min(n, from + batchSize);
            Tensor xb;
            Tensor yb;
            if (order == null) {
                xb = train.x().rows(from, to);
                yb = train.y().rows(from, to);
            } else {
                int[] idx = Arrays.copyOfRange(order, from, to);
                boolean fits = idx.length == xBatch.shape(0);          // all but a shorter last batch
                xb = fits ? train.x().take(idx, xBatch) : train.x().take(idx);
                yb = fits ? train.y().take(idx, yBatch) : train.y().take(idx);
            }
            opt.zeroGrad();
            Net.Trace trace = net.forward(xb);
            Tensor out = trace.output();
            Tensor target = Targets.shape(yb, out, oneHot);
            double l = loss.value(target, out);
            if (!Double.isFinite(l)) {
                throw diverged("training loss", l, epoch, "step " + step + " of " + steps);
            }
            net.backwardParams(trace, loss.grad(target, out));
            opt.step();
            lossSum += l * (to - from);
            accSum += accuracy ? Metrics.accuracy(yb, out) * (to - from) : 0;
        }
        return new double[] {lossSum / n, accuracy ? accSum / n : Double.NaN};
    }

    /** {loss, accuracy} of the current net on {@code data}, in evaluation mode. */
    double[] evaluate(int epoch, Dataset data) {
        Tensor out = net.predict(data.x());
        double l = loss.value(Targets.shape(data.y(), out, oneHot), out);
        if (!Double.isFinite(l)) {
            throw diverged("test loss", l, epoch, "evaluating the test set");
        }
        return new double[] {l, accuracy ? Metrics.accuracy(data.y(), out) : Double.NaN};
    }

    private TrainingException diverged(String what, double l, int epoch, String where) {
        double lr = opt.learningRate();
        return new TrainingException(String.format(Locale.ROOT, "Trainer: the %s became %s at epoch %d, %s "
                + "(learning rate %s); the weights have diverged. Try a smaller learning rate, e.g. %s",
                what, l, epoch, where, lr, Double.parseDouble(String.format(Locale.ROOT, "%.3g", lr / 10))), history);
    }
}
