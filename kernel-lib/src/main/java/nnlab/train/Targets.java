package nnlab.train;

import nnlab.tensor.Tensor;

/** How the Trainer shapes a batch's labels [N] for the loss, given the net's output shape. */
final class Targets {
    private Targets() {
    }

    /**
     * Output [N]: y as [N]. Output [N, 1]: y as [N, 1] (BinaryCrossEntropy, MSE). Output [N, C]: labels [N]
     * (CrossEntropy), or one-hot [N, C] when {@code oneHot} (MSE on C outputs).
     */
    static Tensor shape(Tensor y, Tensor out, boolean oneHot) {
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
        double[] d = new double[labels.length * classes];
        for (int i = 0; i < labels.length; i++) {
            int c = (int) labels[i];
            if (c != labels[i] || c < 0 || c >= classes) {
                throw new IllegalArgumentException("Trainer: label y[" + i + "] = " + labels[i]
                        + " cannot be one-hot encoded for a net with " + classes + " outputs; expected 0.." + (classes - 1));
            }
            d[i * classes + c] = 1;
        }
        return Tensor.fromArray(d, labels.length, classes);
    }
}
