package nnlab.train;

import java.util.Locale;

/** Patience bookkeeping for {@link Trainer#earlyStopping}: losses must go down, accuracies up. */
final class EarlyStop {
    private final Metric metric;
    private final int patience;
    private final boolean minimize;
    private double best = Double.NaN;
    private int bestEpoch;

    EarlyStop(Metric metric, int patience) {
        this.metric = metric;
        this.patience = patience;
        this.minimize = metric.minimized();
    }

    /** Records the epoch's value; returns the stop reason when patience has run out, else null. */
    String update(History h, int epoch) {
        double v = h.last(metric);
        if (Double.isNaN(best) || (minimize ? v < best : v > best)) {
            best = v;
            bestEpoch = epoch;
            return null;
        }
        if (epoch - bestEpoch < patience) {
            return null;
        }
        return String.format(Locale.ROOT, "early stopping at epoch %d: %s has not %s for %d epoch%s "
                + "(best %.4f at epoch %d; the net keeps the weights of epoch %d)", epoch, metric,
                minimize ? "decreased" : "increased", patience, patience == 1 ? "" : "s", best, bestEpoch, epoch);
    }
}
