package nnlab.train;

import nnlab.loss.Loss;
import nnlab.tensor.Tensor;

/** How the Trainer shapes a batch's labels [N] for the loss, given the model's output shape and the loss. */
final class Targets {
    private final boolean oneHot;

    /** Targets in the form {@code target} names (the loss's own, or one-hot when the Trainer is told so). */
    Targets(Loss.Target target) {
        this.oneHot = target == Loss.Target.ONE_HOT;
    }

    /**
     * Output [N]: y as [N]. Output [N, 1]: y as [N, 1] (BinaryCrossEntropy, MSE). Output [N, C]: labels [N]
     * (CrossEntropy), or one-hot [N, C] for a loss that takes them (MSE on C outputs).
     */
    Tensor shape(Tensor y, Tensor out) {
        if (out.rank() == 2 && out.shape(1) == 1) {
            return y.reshape(y.size(), 1);
        }
        if (out.rank() == 2 && oneHot) {
            return oneHot(y, out.shape(1));
        }
        return y;
    }

    /** True when y holds class labels that fit the output: 0/1 for [N] or [N, 1], 0..C-1 for [N, C]. */
    static boolean areLabels(Tensor y, Tensor out) {
        int classes = out.rank() == 2 && out.shape(1) > 1 ? out.shape(1) : 2;
        if (out.rank() > 2) {
            return false;
        }
        for (double v : y.toArray()) {
            if (v != Math.rint(v) || v < 0 || v >= classes) {
                return false;
            }
        }
        return true;
    }

    static Tensor oneHot(Tensor y, int classes) {
        double[] labels = y.toArray();
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] != Math.rint(labels[i]) || labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("Trainer: label y[" + i + "] = " + labels[i]
                        + " cannot be one-hot encoded for a net with " + classes + " outputs; expected 0.." + (classes - 1));
            }
        }
        return y.reshape(labels.length, 1).eq(Tensor.arange(classes));     // row i: 1 in column y_i
    }
}
