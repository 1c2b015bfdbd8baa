package nnlab.loss;

import java.util.Arrays;
import nnlab.tensor.Tensor;

/** Shape checks for losses whose targets and predictions are one value per sample: [N] or [N, 1]. */
final class Checks {
    private Checks() {
    }

    static String str(Tensor t) {
        return t == null ? "null" : Arrays.toString(t.shape());
    }

    static boolean isColumn(Tensor t) {
        return t.rank() == 1 || (t.rank() == 2 && t.shape(1) == 1);
    }

    /** y and yHat both [N] or [N, 1] (either form, each), with the same N. */
    static void perSample(String loss, Tensor y, Tensor yHat) {
        if (y == null || yHat == null || !isColumn(y) || !isColumn(yHat) || y.shape(0) != yHat.shape(0)) {
            throw new IllegalArgumentException(loss + ": y has shape " + str(y) + " but yHat has shape " + str(yHat)
                    + "; expected both [N] or [N, 1] with the same N");
        }
    }
}
