package nnlab.loss;

import nnlab.tensor.Tensor;

/**
 * A loss: how far predictions {@code yHat} are from targets {@code y}, averaged over the batch.
 *
 * <p>{@code value(y, yHat)} is the mean over the batch's samples; {@code grad(y, yHat)} is
 * {@code dL/dyHat} of that mean, so it already carries the factor 1/N. Each implementation states
 * the shapes it accepts.
 */
public interface Loss {
    /** The batch-mean loss. */
    double value(Tensor y, Tensor yHat);

    /** dL/dyHat of the batch-mean loss, with yHat's shape. */
    Tensor grad(Tensor y, Tensor yHat);

    /** The form of targets a loss takes for predictions of C &gt; 1 classes, [N, C]. */
    enum Target {
        /** Class labels [N] in 0..C-1 (cross-entropy). */
        LABELS,
        /** One-hot rows [N, C] (a regression loss such as mean squared error on C outputs). */
        ONE_HOT
    }

    /**
     * What this loss takes as targets when the prediction has C &gt; 1 columns, so a trainer knows how to
     * pass a dataset's labels [N]: class labels (the default) or one-hot rows. For one output per sample,
     * [N] or [N, 1], the labels are passed as they are, in the prediction's shape.
     */
    default Target target() {
        return Target.LABELS;
    }
}
