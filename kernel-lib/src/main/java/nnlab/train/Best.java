package nnlab.train;

/** The best value of one metric so far and the epoch it was reached: losses go down, accuracies up. */
final class Best {
    final Metric metric;
    private double value = Double.NaN;
    private int epoch;

    Best(Metric metric) {
        this.metric = metric;
    }

    /** Takes the metric's latest value from {@code h}; true when it improves on the best so far (or is the first). */
    boolean update(History h, int epoch) {
        double v = h.last(metric);
        if (Double.isNaN(value) || (metric.minimized() ? v < value : v > value)) {
            value = v;
            this.epoch = epoch;
            return true;
        }
        return false;
    }

    double value() {
        return value;
    }

    int epoch() {
        return epoch;
    }
}
