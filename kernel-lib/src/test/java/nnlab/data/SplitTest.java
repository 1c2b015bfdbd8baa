package nnlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.IntStream;
import nnlab.Rng;
import nnlab.tensor.Tensor;
import org.junit.jupiter.api.Test;

class SplitTest {
    /** N samples whose single feature is the row number, so rows can be traced back. */
    private static Dataset numbered(int n, int classes) {
        double[] idx = IntStream.range(0, n).asDoubleStream().toArray();
        double[] y = IntStream.range(0, n).mapToDouble(i -> i % classes).toArray();
        return new Dataset(Tensor.fromArray(idx, n, 1), Tensor.of(y));
    }

    @Test
    void sizesAreFloorOfFractionAndRest() {
        Split s = Split.trainTest(numbered(1797, 10), 0.5, new Rng(12345));
        assertEquals(898, s.train().size());
        assertEquals(899, s.test().size());
        assertEquals("Split(train=898, test=899)", s.toString());
        assertEquals(7, Split.trainTest(numbered(10, 2), 0.75, new Rng(1)).train().size());
    }

    @Test
    void partsAreDisjointAndCoverEverySample() {
        Split s = Split.trainTest(numbered(101, 3), 0.3, new Rng(4));
        int[] all = IntStream.concat(Arrays.stream(s.trainIndices()), Arrays.stream(s.testIndices()))
                .sorted().toArray();
        assertArrayEquals(IntStream.range(0, 101).toArray(), all);
        // rows really come from those indices, with their labels
        int[] fromX = s.train().x().reshape(-1).toIntArray();
        assertArrayEquals(s.trainIndices(), fromX);
        for (int k = 0; k < fromX.length; k++) {
            assertEquals(fromX[k] % 3, s.train().y().get(k));
        }
    }

    @Test
    void seedFixesTheSplit() {
        Dataset ds = numbered(50, 2);
        assertArrayEquals(Split.trainTest(ds, 0.5, new Rng(9)).trainIndices(),
                Split.trainTest(ds, 0.5, new Rng(9)).trainIndices());
        assertNotEquals(Arrays.toString(Split.trainTest(ds, 0.5, new Rng(9)).trainIndices()),
                Arrays.toString(Split.trainTest(ds, 0.5, new Rng(10)).trainIndices()));
    }

    @Test
    void stratifiedKeepsClassProportions() {
        // 60 of class 0, 30 of class 1, 10 of class 2
        double[] y = new double[100];
        Arrays.fill(y, 60, 90, 1);
        Arrays.fill(y, 90, 100, 2);
        Dataset ds = new Dataset(Tensor.zeros(100, 2), Tensor.of(y));
        Split s = Split.trainTest(ds, 0.7, new Rng(3), true);
        assertArrayEquals(new int[] {42, 21, 7}, Datasets.classCounts(s.train().y()));
        assertArrayEquals(new int[] {18, 9, 3}, Datasets.classCounts(s.test().y()));
    }

    @Test
    void stratifiedPartsAreInRandomOrderSoAPrefixHoldsEveryClass() {
        // sorted by class, as mnist10k is: 10 classes of 200; test gets 40 of each, train 160
        double[] y = IntStream.range(0, 2000).mapToDouble(i -> i / 200).toArray();
        Dataset ds = new Dataset(Tensor.zeros(2000, 1), Tensor.of(y));
        for (long seed : new long[] {1, 12345}) {
            Split s = Split.trainTest(ds, 0.8, new Rng(seed), true);
            // the first 100 test samples and the last 200 train samples: about 10 and 20 of every class
            int[] head = Datasets.classCounts(s.test().subset(0, 100).y());
            int[] tail = Datasets.classCounts(s.train().subset(1400, 1600).y());
            for (int c = 0; c < 10; c++) {
                assertTrue(head[c] >= 3 && head[c] <= 20, "seed " + seed + ": first 100 test samples " + Arrays.toString(head));
                assertTrue(tail[c] >= 6 && tail[c] <= 40, "seed " + seed + ": last 200 train samples " + Arrays.toString(tail));
            }
        }
    }

    @Test
    void stratifiedHitsTheExactTrainSizeWithRemainders() {
        Dataset ds = numbered(23, 3);    // classes of 8, 8, 7; half of each is 4, 4, 3.5 -> floor(11.5) = 11
        Split s = Split.trainTest(ds, 0.5, new Rng(2), true);
        assertEquals(11, s.train().size());
        // shares 4, 4, 3.5: floors give 4 + 4 + 3 = 11 already, so no class gets a remainder
        assertArrayEquals(new int[] {4, 4, 3}, Datasets.classCounts(s.train().y()));
        // 0.6 of the same: shares 4.8, 4.8, 4.2 -> floors 4, 4, 4 = 12, floor(13.8) = 13: one more to class 0
        Split t = Split.trainTest(ds, 0.6, new Rng(2), true);
        assertArrayEquals(new int[] {5, 4, 4}, Datasets.classCounts(t.train().y()));
    }

    @Test
    void badFractionsRejected() {
        Dataset ds = numbered(10, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Split.trainTest(ds, 1.0, new Rng(1)));
        assertEquals("Split.trainTest: trainFraction must be in (0, 1), got 1.0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Split.trainTest(ds, Double.NaN, new Rng(1)));
        assertEquals("Split.trainTest: trainFraction must be in (0, 1), got NaN", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Split.trainTest(ds, 0.05, new Rng(1)));
        assertEquals("Split.trainTest: trainFraction 0.05 of 10 samples gives 0 train and 10 test samples; "
                + "expected both parts non-empty", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Split.trainTest(new Dataset(Tensor.zeros(4, 1), Tensor.of(0, 1, 0.5, 1)), 0.5, new Rng(1), true));
        assertEquals("Split.trainTest(stratified): label 0.5 at index 2 is not an integer; expected class indices >= 0",
                e.getMessage());
    }
}
