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
}
