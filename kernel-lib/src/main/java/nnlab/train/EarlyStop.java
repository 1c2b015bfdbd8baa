package nnlab.train;

import java.util.Locale;

/**
 * Patience bookkeeping for {@link Trainer#earlyStopping}: losses must go down, accuracies up; with
 * {@link Trainer#restoreBest} it also keeps the best epoch's weights and puts them back when training ends.
 */
final class EarlyStop {
    private final Best best;
    private final int patience;
    private final BestWeights weights;

    /** {@code weights} is null unless the best weights are to be restored. */
    EarlyStop(Metric metric, int patience, BestWeights weights) {
        this.best = new Best(metric);
        this.patience = patience;
        this.weights = weights;
    }

    /** Records the epoch's value; returns the stop reason when patience has run out, else null. */
    String update(History h, int epoch) {
        if (best.update(h, epoch)) {
            if (weights != null) {
                weights.save();
            }
            return null;
        }
        if (epoch - best.epoch() < patience) {
            return null;
        }
        return String.format(Locale.ROOT, "early stopping at epoch %d: %s has not %s for %d epoch%s (best %.4f at epoch %d; %s)",
                epoch, best.metric, best.metric.minimized() ? "decreased" : "increased", patience, patience == 1 ? "" : "s",
                best.value(), best.epoch(), weights == null ? "the net keeps the weights of epoch " + epoch
                        : "restored the weights of epoch " + best.epoch());
    }

    /**
     * The full stop reason after {@code lastEpoch}: with restoreBest, which epoch's weights {@link #restore()} puts
     * back; {@code early} says whether {@code reason} is this class's own early stop (which already says so).
     */
    String reason(String reason, int lastEpoch, boolean early) {
        if (weights == null || early) {
            return reason;
        }
        return reason + String.format(Locale.ROOT, best.epoch() == lastEpoch ? "; epoch %d had the best %s (%.4f), so its "
                + "weights stay" : "; restored the weights of epoch %d, the best %s (%.4f)", best.epoch(), best.metric,
                best.value());
    }

    /** With restoreBest: puts the best epoch's weights back into the model, in place. */
    void restore() {
        if (weights != null) {
            weights.restore();
        }
    }
}
