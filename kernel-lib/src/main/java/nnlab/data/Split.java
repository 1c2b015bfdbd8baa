package nnlab.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import nnlab.Rng;

/**
 * A dataset divided at random into a train part and a disjoint test part.
 *
 * <p>The train part gets floor(fraction · N) samples and the test part the rest (as scikit-learn's
 * {@code train_test_split} with {@code train_size}). A stratified split gives each class the same share in train
 * as overall (largest-remainder rounding), so class proportions match. Both parts come in random order, so
 * any first n of a part ({@code test().subset(0, n)}) is a random sample of it, with every class in about its share.
 *
 * <pre>{@code
 * Split s = Split.trainTest(Datasets.digits(), 0.5, new Rng(12345));
 * Dataset train = s.train(), test = s.test();           // 898 and 899 samples
 * Split strat = Split.trainTest(ds, 0.8, new Rng(1), true);
 * }</pre>
 */
public final class Split {
    private final Dataset train;
    private final Dataset test;
    private final int[] trainIndices;
    private final int[] testIndices;

    private Split(Dataset ds, int[] trainIndices, int[] testIndices) {
        this.train = ds.take(trainIndices);
        this.test = ds.take(testIndices);
        this.trainIndices = trainIndices;
        this.testIndices = testIndices;
    }

    /** A random split: floor(trainFraction · N) samples to train, the rest to test. */
    public static Split trainTest(Dataset ds, double trainFraction, Rng rng) {
        return trainTest(ds, trainFraction, rng, false);
    }

    /** A random split; when {@code stratified}, each class (integer labels) is divided in the same proportion. */
    public static Split trainTest(Dataset ds, double trainFraction, Rng rng, boolean stratified) {
        if (!(trainFraction > 0 && trainFraction < 1)) {
            throw new IllegalArgumentException("Split.trainTest: trainFraction must be in (0, 1), got "
                    + trainFraction);
        }
        int n = ds.size();
        int nTrain = (int) Math.floor(trainFraction * n);
        if (nTrain == 0 || nTrain == n) {
            throw new IllegalArgumentException("Split.trainTest: trainFraction " + trainFraction + " of " + n
                    + " samples gives " + nTrain + " train and " + (n - nTrain)
                    + " test samples; expected both parts non-empty");
        }
        if (!stratified) {
            int[] perm = rng.permutation(n);
            return new Split(ds, Arrays.copyOfRange(perm, 0, nTrain), Arrays.copyOfRange(perm, nTrain, n));
        }
        int[] labels = Labels.toClassIndices("Split.trainTest(stratified)", ds.y(), -1);
        int[] perClass = allocate(Labels.counts(labels), trainFraction, nTrain);
        List<Integer> tr = new ArrayList<>();
        List<Integer> te = new ArrayList<>();
        int[] taken = new int[perClass.length];
        for (int i : rng.permutation(n)) {        // a shuffled pass: the first perClass[c] of class c go to train
            int c = labels[i];
            (taken[c]++ < perClass[c] ? tr : te).add(i);
        }
        // The pass leaves a class's test samples after the point where its train share filled up, so the test
        // part would start with the classes that filled first (and the train part end with those that filled
        // last): shuffle each part, as scikit-learn's StratifiedShuffleSplit does.
        return new Split(ds, rng.shuffle(tr.stream().mapToInt(Integer::intValue).toArray()),
                rng.shuffle(te.stream().mapToInt(Integer::intValue).toArray()));
    }

    /** Train samples per class: floor(f·n_c), then one more to the largest remainders until they sum to nTrain. */
    private static int[] allocate(int[] counts, double f, int nTrain) {
        int[] take = new int[counts.length];
        double[] rem = new double[counts.length];
        int sum = 0;
        for (int c = 0; c < counts.length; c++) {
            take[c] = (int) Math.floor(f * counts[c]);
            rem[c] = f * counts[c] - take[c];
            sum += take[c];
        }
        while (sum < nTrain) {
            int best = -1;
            for (int c = 0; c < counts.length; c++) {
                if (take[c] < counts[c] && (best < 0 || rem[c] > rem[best])) {
                    best = c;
                }
            }
            take[best]++;
            rem[best] = -1;
            sum++;
        }
        return take;
    }

    /** The train part. */
    public Dataset train() {
        return train;
    }

    /** The test part. */
    public Dataset test() {
        return test;
    }

    /** Row indices (into the original dataset) of the train part, in its order. */
    public int[] trainIndices() {
        return trainIndices.clone();
    }

    /** Row indices (into the original dataset) of the test part, in its order. */
    public int[] testIndices() {
        return testIndices.clone();
    }

    @Override
    public String toString() {
        return "Split(train=" + train.size() + ", test=" + test.size() + ")";
    }
}
