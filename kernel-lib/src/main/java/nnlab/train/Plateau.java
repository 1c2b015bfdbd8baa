package nnlab.train;

import nnlab.optim.Optimizer;

/**
 * {@link Trainer#reduceOnPlateau}: multiplies the learning rate by {@code factor} when a metric has not improved
 * for {@code patience} epochs, as Keras' {@code ReduceLROnPlateau} (min_delta 0, no cooldown) does.
 *
 * <pre>
 * after each epoch:  if metric improved: wait = 0   else: wait = wait + 1
 *                    if wait == patience: lr = max(lr * factor, minLr);  wait = 0
 * </pre>
 */
final class Plateau {
    final Metric metric;
    private final double factor;
    private final int patience;
    private final double minLr;
    private final Best best;
    private int wait;

    Plateau(Metric metric, double factor, int patience, double minLr) {
        if (!(factor > 0 && factor < 1)) {
            throw new IllegalArgumentException("Trainer: reduceOnPlateau factor must be in (0, 1), got " + factor);
        }
        if (patience < 1) {
            throw new IllegalArgumentException("Trainer: reduceOnPlateau patience must be >= 1, got " + patience);
        }
        if (!(minLr >= 0) || Double.isInfinite(minLr)) {
            throw new IllegalArgumentException("Trainer: reduceOnPlateau minLr must be >= 0, got " + minLr);
        }
        this.metric = metric;
        this.factor = factor;
        this.patience = patience;
        this.minLr = minLr;
        this.best = new Best(metric);
    }

    /** The same settings with nothing seen yet, for a new run. */
    Plateau fresh() {
        return new Plateau(metric, factor, patience, minLr);
    }

    /** Looks at the epoch's value in {@code h} and lowers {@code opt}'s learning rate after {@code patience} bad epochs. */
    void update(History h, int epoch, Optimizer opt) {
        wait = best.update(h, epoch) ? 0 : wait + 1;
        if (wait >= patience) {
            double lr = Math.max(opt.learningRate() * factor, minLr);
            if (lr > 0 && lr < opt.learningRate()) {
                opt.setLearningRate(lr);
            }
            wait = 0;
        }
    }
}
