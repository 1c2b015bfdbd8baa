package nnlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import nnlab.Rng;
import nnlab.tensor.Tensor;
import org.junit.jupiter.api.Test;

class BatchesTest {
    /** 5 samples: x row i is [i, 10 i], label i. */
    private static final Dataset FIVE = new Dataset(
            Tensor.of(new double[][] {{0, 0}, {1, 10}, {2, 20}, {3, 30}, {4, 40}}), Tensor.of(0, 1, 2, 3, 4));

    private static List<double[]> labelsOfOnePass(Batches batches) {
        List<double[]> out = new ArrayList<>();
        for (Batches.Batch b : batches) {
            out.add(b.y().toArray());
        }
        return out;
    }

    @Test
    void inOrderBatchesCoverTheDataWithAShorterLastOne() {
        Batches batches = new Batches(FIVE, 2);
        assertEquals(3, batches.steps());
        List<Batches.Batch> seen = new ArrayList<>();
        for (Batches.Batch b : batches) {
            assertEquals(seen.size() + 1, b.step());
            assertEquals(3, b.steps());
            seen.add(new Batches.Batch(b.x().copy(), b.y().copy(), b.step(), b.steps()));
        }
        assertEquals(Tensor.of(new double[][] {{0, 0}, {1, 10}}), seen.get(0).x());
        assertEquals(Tensor.of(2, 3), seen.get(1).y());
        assertEquals(Tensor.of(new double[][] {{4, 40}}), seen.get(2).x());
        assertEquals(1, seen.get(2).size());
    }

    @Test
    void shufflingIsSeededAndNewEveryPass() {
        Batches a = new Batches(FIVE, 2, new Rng(7));
        Batches b = new Batches(FIVE, 2, new Rng(7));
        List<double[]> first = labelsOfOnePass(a);
        List<double[]> second = labelsOfOnePass(a);
        List<double[]> again = labelsOfOnePass(b);
        for (int i = 0; i < first.size(); i++) {
            assertArrayEquals(first.get(i), again.get(i), "the same seed, the same batches");
        }
        int[] perm = new Rng(7).permutation(5);          // the same draws as the Trainer always made
        assertArrayEquals(new double[] {perm[0], perm[1]}, first.get(0));
        assertArrayEquals(new double[] {perm[4]}, first.get(2));
        assertNotEquals(java.util.Arrays.toString(first.get(0)) + first.get(1)[0],
                java.util.Arrays.toString(second.get(0)) + second.get(1)[0], "the second pass is shuffled again");
        double sum = 0;
        for (double[] ys : second) {
            for (double y : ys) {
                sum += y;
            }
        }
        assertEquals(10.0, sum, "every sample once per pass");
    }

    @Test
    void fullBatchesReuseTwoTensors() {
        Batches batches = new Batches(FIVE, 2, new Rng(1));
        Iterator<Batches.Batch> it = batches.iterator();
        Batches.Batch one = it.next();
        Batches.Batch two = it.next();
        assertSame(one.x(), two.x(), "the same buffer, refilled");
        assertSame(one.y(), two.y());
        Batches.Batch last = it.next();
        assertEquals(1, last.size());
        assertThrows(NoSuchElementException.class, it::next);
        assertEquals(1, new Batches(FIVE, 10).steps(), "a batch larger than the data is the whole set");
        assertEquals(5, new Batches(FIVE, 10).iterator().next().size());
    }

    @Test
    void badArgumentsAreNamed() {
        var e = assertThrows(IllegalArgumentException.class, () -> new Batches(FIVE, 0));
        assertEquals("Batches: batchSize must be >= 1, got 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Batches(null, 2));
        assertEquals("Batches: data is null", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Batches(FIVE, 2, null));
        assertEquals("Batches: rng is null; pass e.g. new Rng(12345), or use new Batches(data, 2) for dataset order",
                e.getMessage());
        assertEquals("Batches(size=5, batchSize=2, shuffled, steps=3)", new Batches(FIVE, 2, new Rng(1)).toString());
    }
}
