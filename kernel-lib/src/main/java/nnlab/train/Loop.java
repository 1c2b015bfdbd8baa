package nnlab.train;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import nnlab.data.Batches;
import nnlab.data.Dataset;
import nnlab.loss.Loss;
import nnlab.metrics.Metrics;
import nnlab.optim.Optimizer;
import nnlab.tensor.Tensor;

/**
 * One training run's inner loop: a step per batch, an epoch of batches, and evaluation on a held-out set in
 * batches of {@code evalBatch} rows (so a CNN on 10,000 test images holds one batch's activations, not 10,000).
 */
final class Loop {
    private final Model model;
    private final Loss loss;
    private final Optimizer opt;
    private final Targets targets;
    private final History history;
    private final boolean accuracy;
    private final NanGuard guard;
    private final Regularizer regularizer;
    private final int evalBatch;

    /** {@code regularizer} may be null. */
    Loop(Model model, Loss loss, Optimizer opt, Targets targets, History history, Regularizer regularizer, int evalBatch) {
        this.model = model;
        this.loss = loss;
        this.opt = opt;
        this.targets = targets;
        this.history = history;
        this.accuracy = history.records(Metric.TRAIN_ACCURACY);
        this.guard = new NanGuard(opt, history);
        this.regularizer = regularizer;
        this.evalBatch = evalBatch;
    }

    /**
     * Trains one epoch over {@code batches}, then evaluates on {@code val} and {@code test} (either may be null);
     * returns the epoch's row of the History, all but the learning rate.
     */
    Map<Metric, Double> epoch(int epoch, Batches batches, Dataset val, Dataset test) {
        double[] tr = train(epoch, batches);
        Map<Metric, Double> row = new EnumMap<>(Metric.class);
        row.put(Metric.EPOCH, (double) epoch);
        row.put(Metric.TRAIN_LOSS, tr[0]);
        row.put(Metric.TRAIN_ACCURACY, tr[1]);
        row.put(Metric.PENALTY, tr[2]);
        if (val != null) {
            double[] v = evaluate(epoch, val, "validation");
            row.put(Metric.VAL_LOSS, v[0]);
            row.put(Metric.VAL_ACCURACY, v[1]);
        }
        if (test != null) {
            double[] te = evaluate(epoch, test, "test");
            row.put(Metric.TEST_LOSS, te[0]);
            row.put(Metric.TEST_ACCURACY, te[1]);
        }
        return row;
    }

    /** The epoch's steps; returns {mean loss, mean accuracy (NaN when not recorded), mean penalty (NaN without one)}. */
    private double[] train(int epoch, Batches batches) {
        double lossSum = 0;
        double accSum = 0;
        double penaltySum = 0;
        int n = 0;
        model.train(true);
        for (Batches.Batch b : batches) {
            if (Thread.interrupted()) {
                throw new TrainingException(String.format(Locale.ROOT, "Trainer: interrupted at epoch %d, step %d "
                        + "of %d; the net keeps its current weights and history() holds the %d finished epochs",
                        epoch, b.step(), b.steps(), history.size()), history);
            }
            Step s = step(epoch, b);
            lossSum += s.loss() * b.size();
            accSum += accuracy ? Metrics.accuracy(b.y(), s.output()) * b.size() : 0;
            penaltySum += s.penalty() * b.size();
            n += b.size();
        }
        return new double[] {lossSum / n, accuracy ? accSum / n : Double.NaN, penaltySum / n};
    }

    /** What one step saw: the model's output for the batch (before the update), the batch's loss and the penalty. */
    private record Step(Tensor output, double loss, double penalty) {
    }

    /**
     * One step on batch {@code b}: zero the gradients (they accumulate), forward, loss (NaN-guarded),
     * backward, the regularizer's gradient, optimizer step.
     */
    private Step step(int epoch, Batches.Batch b) {
        opt.zeroGrad();
        Tensor out = model.forward(b.x());
        Tensor target = targets.shape(b.y(), out);
        double l = guard.check("training loss", loss.value(target, out), epoch, "step " + b.step() + " of " + b.steps());
        model.backward(loss.grad(target, out));
        double penalty = Double.NaN;
        if (regularizer != null) {
            penalty = regularizer.penalty(model.params());      // of the weights this forward used
            regularizer.addGrad(model.params());
        }
        opt.step();
        return new Step(out, l, penalty);
    }

    /** {loss, accuracy} of the current model on {@code data} ("validation" or "test" set), in evaluation mode. */
    private double[] evaluate(int epoch, Dataset data, String set) {
        Tensor out = predict(epoch, data.x(), set);
        double l = guard.check(set + " loss", loss.value(targets.shape(data.y(), out), out), epoch,
                "evaluating the " + set + " set");
        return new double[] {l, accuracy ? Metrics.accuracy(data.y(), out) : Double.NaN};
    }

    /** The model's output for all of {@code x}, computed {@code evalBatch} rows at a time (the stop button works between). */
    private Tensor predict(int epoch, Tensor x, String set) {
        int n = x.shape(0);
        if (n <= evalBatch) {
            return model.predict(x);
        }
        Tensor[] parts = new Tensor[(n + evalBatch - 1) / evalBatch];
        for (int i = 0; i < parts.length; i++) {
            if (Thread.interrupted()) {
                throw new TrainingException(String.format(Locale.ROOT, "Trainer: interrupted at epoch %d while evaluating "
                        + "the %s set; the net keeps its current weights and history() holds the %d finished epochs",
                        epoch, set, history.size()), history);
            }
            parts[i] = model.predict(x.rows(i * evalBatch, Math.min(n, (i + 1) * evalBatch)));
        }
        return Tensor.concat(0, parts);
    }
}
