package nnlab.train;

import java.util.Arrays;
import java.util.Locale;
import nnlab.Rng;
import nnlab.data.Dataset;
import nnlab.data.Split;
import nnlab.tensor.Tensor;

/**
 * The part of the training set {@link Trainer#validationSplit} holds out, once, before the first epoch.
 *
 * <pre>
 * training part: floor((1 - fraction) · N) samples (as Keras' validation_split), validation part: the rest
 * stratified when y holds class labels: each class is divided in the same proportion ({@link Split})
 * </pre>
 *
 * <p>Both parts keep the training set's order. Every class must have a sample in both parts.
 */
final class ValidationSplit {
    private ValidationSplit() {
    }

    /** {fit part, validation part} of {@code train}; {@code stratified} when its y holds class labels. */
    static Dataset[] split(Dataset train, double fraction, boolean stratified, Rng rng) {
        int n = train.size();
        int fit = (int) Math.floor((1 - fraction) * n);
        if (fit == 0 || fit == n) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "Trainer: validationSplit(%s) of %d training "
                    + "samples leaves %d to train on and %d to validate; expected both parts non-empty", fraction, n, fit,
                    n - fit));
        }
        Split s = Split.trainTest(train, 1 - fraction, rng, stratified);
        int[] fitRows = s.trainIndices();
        int[] valRows = s.testIndices();
        Arrays.sort(fitRows);
        Arrays.sort(valRows);
        if (stratified) {
            everyClassInBoth(train.y(), fitRows, valRows, fraction);
        }
        return new Dataset[] {train.take(fitRows), train.take(valRows)};
    }

    /** Throws when a class of y has no sample in one of the parts. */
    private static void everyClassInBoth(Tensor y, int[] fitRows, int[] valRows, double fraction) {
        int classes = (int) y.max() + 1;
        int[] inFit = counts(y, fitRows, classes);
        int[] inVal = counts(y, valRows, classes);
        for (int c = 0; c < classes; c++) {
            int total = inFit[c] + inVal[c];
            if (total > 0 && (inFit[c] == 0 || inVal[c] == 0)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "Trainer: validationSplit(%s) leaves class %d "
                        + "with no sample in the %s part (it has %d of the %d training samples); every class needs one in "
                        + "both parts: use a %s fraction or more samples of that class", fraction, c,
                        inFit[c] == 0 ? "training" : "validation", total, fitRows.length + valRows.length,
                        inFit[c] == 0 ? "smaller" : "larger"));
            }
        }
    }

    private static int[] counts(Tensor y, int[] rows, int classes) {
        int[] counts = new int[classes];
        for (int i : rows) {
            counts[(int) y.get(i)]++;
        }
        return counts;
    }
}
