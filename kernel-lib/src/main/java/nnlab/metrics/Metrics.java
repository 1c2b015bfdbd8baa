package nnlab.metrics;

import java.util.Arrays;
import nnlab.tensor.Tensor;

/**
 * Classification metrics computed from labels and predictions.
 *
 * <pre>
 * accuracy = (1/N) Σ_i [ŷ_i == y_i]
 *   binary:      ŷ_i = 1 if score_i &gt; threshold (0.5 unless given) else 0
 *   multi-class: ŷ_i = argmax_c score_ic
 * </pre>
 *
 * <p>Shapes: {@code y} is [N] labels (or [N, 1], or one-hot [N, C] for multi-class); {@code yHat} is
 * [N] or [N, 1] scores for binary problems (e.g. sigmoid outputs), [N, C] scores for C classes.
 *
 * <pre>{@code
 * double acc = Metrics.accuracy(test.y(), net.predict(test.x()));
 * double accLogits = Metrics.accuracy(y, logits, 0.0);      // binary logits: threshold 0
 * System.out.printf("accuracy %.3f%n", acc);
 * }</pre>
 */
public final class Metrics {
    private Metrics() {
    }

    /** Fraction of correct predictions; binary scores use threshold 0.5, [N, C] scores use argmax. */
    public static double accuracy(Tensor y, Tensor yHat) {
        return accuracy(y, yHat, 0.5);
    }

    /** Fraction of correct predictions; binary scores above {@code threshold} count as class 1. */
    public static double accuracy(Tensor y, Tensor yHat, double threshold) {
        int[] truth = labels("Metrics.accuracy", "y", y);
        int[] pred = predictions("Metrics.accuracy", yHat, threshold);
        if (truth.length != pred.length) {
            throw new IllegalArgumentException("Metrics.accuracy: y has " + truth.length + " samples " + shape(y)
                    + " but yHat has " + pred.length + " " + shape(yHat) + "; expected one prediction per label");
        }
        if (truth.length == 0) {
            throw new IllegalArgumentException("Metrics.accuracy: no samples (y has shape " + shape(y) + ")");
        }
        int correct = 0;
        for (int i = 0; i < truth.length; i++) {
            if (truth[i] == pred[i]) {
                correct++;
            }
        }
        return (double) correct / truth.length;
    }

    /** Predicted labels: {@code score > threshold} for [N] or [N, 1] scores, argmax per row for [N, C]. */
    public static int[] predictions(String who, Tensor yHat, double threshold) {
        if (yHat.rank() == 1 || (yHat.rank() == 2 && yHat.shape(1) == 1)) {
            return yHat.gt(threshold).toIntArray();
        }
        if (yHat.rank() == 2) {
            return yHat.argmax(1).toIntArray();
        }
        throw new IllegalArgumentException(who + ": yHat must be [N], [N, 1] or [N, C] scores, got " + shape(yHat));
    }

    /** Integer labels from [N] or [N, 1] label tensors, or from one-hot [N, C] rows by argmax. */
    static int[] labels(String who, String name, Tensor y) {
        if (y.rank() == 2 && y.shape(1) > 1) {
            return y.argmax(1).toIntArray();
        }
        if (y.rank() != 1 && !(y.rank() == 2 && y.shape(1) == 1)) {
            throw new IllegalArgumentException(who + ": " + name + " must be [N] labels, [N, 1] or one-hot [N, C], got "
                    + shape(y));
        }
        double[] v = y.toArray();
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            if (v[i] != Math.rint(v[i]) || v[i] < 0) {
                throw new IllegalArgumentException(who + ": " + name + "[" + i + "] = " + v[i]
                        + " is not a class label; expected integers 0, 1, 2, ...");
            }
            out[i] = (int) v[i];
        }
        return out;
    }

    static String shape(Tensor t) {
        return Arrays.toString(t.shape());
    }
}
