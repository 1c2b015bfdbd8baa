package nnlab.train;

import java.util.Locale;
import nnlab.data.Batches;
import nnlab.data.Dataset;
import nnlab.loss.Loss;
import nnlab.metrics.Metrics;
import nnlab.optim.Optimizer;
import nnlab.tensor.Tensor;

/** One training run's inner loop: a step per batch, an epoch of batches, and evaluation on a held-out set. */
final class Loop {
    private final Model model;
    private final Loss loss;
    private final Optimizer opt;
    private final Targets targets;
    private final History history;
    private final boolean accuracy;
    private final NanGuard guard;

    Loop(Model model, Loss loss, Optimizer opt, Targets targets, History history) {
        this.model = model;
        this.loss = loss;
        this.opt = opt;
        this.targets = targets;
        this.history = history;
        this.accuracy = history.records(Metric.TRAIN_ACCURACY);
        this.guard = new NanGuard(opt, history);
    }

    /** Trains one epoch over {@code batches}; returns {mean loss, mean accuracy (NaN when not recorded)}. */
    double[] epoch(int epoch, Batches batches) {
        double lossSum = 0;
        double accSum = 0;
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
            n += b.size();
        }
        return new double[] {lossSum / n, accuracy ? accSum / n : Double.NaN};
    }

    /** What one step saw: the model's output for the batch (before the update) and the batch's loss. */
    private record Step(Tensor output, double loss) {
    }

    /**
     * One step on batch {@code b}: zero the gradients (they accumulate), forward, loss (NaN-guarded),
     * backward, optimizer step.
     */
    private Step step(int epoch, Batches.Batch b) {
        opt.zeroGrad();
        Tensor out = model.forward(b.x());
        Tensor target = targets.shape(b.y(), out);
        double l = guard.check("training loss", loss.value(target, out), epoch, "step " + b.step() + " of " + b.steps());
        model.backward(loss.grad(target, out));
        opt.step();
        return new Step(out, l);
    }

    /** {loss, accuracy} of the current model on {@code data}, in evaluation mode. */
    double[] evaluate(int epoch, Dataset data) {
        Tensor out = model.predict(data.x());
        double l = guard.check("test loss", loss.value(targets.shape(data.y(), out), out), epoch, "evaluating the test set");
        return new double[] {l, accuracy ? Metrics.accuracy(data.y(), out) : Double.NaN};
    }
}
