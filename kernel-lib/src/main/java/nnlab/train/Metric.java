package nnlab.train;

import java.util.ArrayList;
import java.util.List;

/**
 * The columns of a {@link History}: what each is called, whether smaller is better, and what it needs.
 *
 * <p>A name such as {@code "test_accuracy"} is {@link #key()}; {@link #of(String)} parses it, so
 * {@code h.last("test_accuracy")} and {@code h.last(Metric.TEST_ACCURACY)} are the same. Table order: epoch,
 * train_loss, train_accuracy, penalty, val_loss, val_accuracy, test_loss, test_accuracy, lr.
 *
 * <pre>{@code
 * Metric m = Metric.of("test_loss");
 * m.minimized();       // true: early stopping waits for it to decrease
 * m.needsTestSet();    // true
 * }</pre>
 */
public enum Metric {
    EPOCH("epoch"),
    TRAIN_LOSS("train_loss"),
    TRAIN_ACCURACY("train_accuracy"),
    /** The mean {@link Regularizer} penalty of the epoch's steps; {@code train_loss} stays the data loss. */
    PENALTY("penalty"),
    /** Loss on the part held out by {@link Trainer#validationSplit}. */
    VAL_LOSS("val_loss"),
    VAL_ACCURACY("val_accuracy"),
    TEST_LOSS("test_loss"),
    TEST_ACCURACY("test_accuracy"),
    LR("lr");

    private final String key;

    Metric(String key) {
        this.key = key;
    }

    /** The name in tables, progress lines and {@link History#get(String)}: e.g. "train_loss". */
    public String key() {
        return key;
    }

    /** True for losses and the penalty (smaller is better), false for accuracies; early stopping follows it. */
    public boolean minimized() {
        return this == TRAIN_LOSS || this == VAL_LOSS || this == TEST_LOSS || this == PENALTY;
    }

    /** True for the metrics measured on a test set. */
    public boolean needsTestSet() {
        return this == TEST_LOSS || this == TEST_ACCURACY;
    }

    /** True for the metrics measured on the validation part ({@link Trainer#validationSplit}). */
    public boolean needsValidation() {
        return this == VAL_LOSS || this == VAL_ACCURACY;
    }

    /** True for accuracies, recorded only when the targets are class labels. */
    public boolean isAccuracy() {
        return this == TRAIN_ACCURACY || this == VAL_ACCURACY || this == TEST_ACCURACY;
    }

    /** True for the losses, the penalty and the accuracies: what training can be judged (and stopped early) by. */
    public boolean isScore() {
        return minimized() || isAccuracy();
    }

    /** The metric called {@code key}, or an error listing every name. */
    public static Metric of(String key) {
        for (Metric m : values()) {
            if (m.key.equals(key)) {
                return m;
            }
        }
        throw new IllegalArgumentException("History: unknown metric \"" + key + "\"; expected one of "
                + String.join(", ", keys(List.of(values()))));
    }

    static List<String> keys(List<Metric> metrics) {
        List<String> keys = new ArrayList<>();
        for (Metric m : metrics) {
            keys.add(m.key);
        }
        return keys;
    }

    @Override
    public String toString() {
        return key;
    }
}
