package nnlab.train;

import java.util.Locale;
import nnlab.optim.Optimizer;

/** Stops training with a clear message as soon as a loss is NaN or infinite: the weights have diverged. */
final class NanGuard {
    private final Optimizer opt;
    private final History history;

    NanGuard(Optimizer opt, History history) {
        this.opt = opt;
        this.history = history;
    }

    /** Returns {@code loss} when it is finite; otherwise throws, naming {@code what}, the epoch and {@code where}. */
    double check(String what, double loss, int epoch, String where) {
        if (Double.isFinite(loss)) {
            return loss;
        }
        double lr = opt.learningRate();
        throw new TrainingException(String.format(Locale.ROOT, "Trainer: the %s became %s at epoch %d, %s "
                + "(learning rate %s); the weights have diverged. Try a smaller learning rate, e.g. %s",
                what, loss, epoch, where, lr, Double.parseDouble(String.format(Locale.ROOT, "%.3g", lr / 10))), history);
    }
}
