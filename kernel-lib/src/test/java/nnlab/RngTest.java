package nnlab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import nnlab.tensor.Tensor;
import org.junit.jupiter.api.Test;

class RngTest {
    @Test
    void isSplitMix64() {
        // the published SplitMix64 sequence for seed 0 starts 0xE220A8397B1DCDAF, 0x6E789E6AA1B965F4
        Rng rng = new Rng(0);
        assertEquals(0xE220A8397B1DCDAFL, rng.nextLong());
        assertEquals(0x6E789E6AA1B965F4L, rng.nextLong());
    }

    @Test
    void fixedSeedGivesFixedFirstValues() {
        // regression values: if these change, every notebook's numbers change
        assertEquals(2454886589211414944L, new Rng(12345).nextLong());
        assertEquals(0.1330796686614273, new Rng(12345).nextDouble());
        assertEquals(-0.4527577402174582, new Rng(0).nextGaussian());
    }

    @Test
    void sameSeedSameSequence() {
        Rng a = new Rng(42);
        Rng b = new Rng(42);
        for (int i = 0; i < 100; i++) {
            assertEquals(a.nextLong(), b.nextLong());
        }
        assertEquals(new Rng(7).normal(0, 1, 3, 4), new Rng(7).normal(0, 1, 3, 4));
        assertEquals(new Rng(7).uniform(-1, 1, 5), new Rng(7).uniform(-1, 1, 5));
        assertArrayEquals(new Rng(7).permutation(20), new Rng(7).permutation(20));
        assertNotEquals(new Rng(7).nextLong(), new Rng(8).nextLong());
    }

    @Test
    void uniformMoments() {
        Tensor u = new Rng(1).uniform(2, 6, 100_000);
        assertTrue(u.min() >= 2 && u.max() < 6);
        assertEquals(4.0, u.mean(), 0.02);
        assertEquals(4 / Math.sqrt(12), u.std(), 0.01);
        double[] d = new double[100_000];
        Rng rng = new Rng(2);
        for (int i = 0; i < d.length; i++) {
            d[i] = rng.nextDouble();
            assertTrue(d[i] >= 0 && d[i] < 1);
        }
        assertEquals(0.5, Tensor.of(d).mean(), 0.005);
    }

    @Test
    void normalMoments() {
        Tensor n = new Rng(3).normal(1.5, 2, 200, 500);
        assertArrayEquals(new int[] {200, 500}, n.shape());
        assertEquals(1.5, n.mean(), 0.02);
        assertEquals(2.0, n.std(), 0.02);
        Tensor z = n.sub(1.5).div(2);
        assertEquals(0.6827, z.abs().lt(1).mean(), 0.005, "one-sigma mass");
        assertEquals(0.0, z.pow(3).mean(), 0.03, "skewness");
    }

    @Test
    void integersAndNextInt() {
        Tensor t = new Rng(4).integers(-2, 3, 10_000);
        assertEquals(-2.0, t.min());
        assertEquals(2.0, t.max());
        assertEquals(t, t.map(Math::rint));
        assertEquals(0.2, t.eq(0).mean(), 0.015);
        int[] counts = new int[7];
        Rng rng = new Rng(5);
        for (int i = 0; i < 70_000; i++) {
            counts[rng.nextInt(7)]++;
        }
        for (int c : counts) {
            assertEquals(10_000, c, 400);
        }
    }

    @Test
    void bernoulli() {
        Tensor b = new Rng(6).bernoulli(0.3, 100, 100);
        assertEquals(b, b.gt(0.5));
        assertEquals(0.3, b.mean(), 0.015);
        assertEquals(Tensor.zeros(5), new Rng(6).bernoulli(0, 5));
        assertEquals(Tensor.ones(5), new Rng(6).bernoulli(1, 5));
    }

    @Test
    void permutationIsAPermutation() {
        int[] p = new Rng(7).permutation(1000);
        int[] sorted = p.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < 1000; i++) {
            assertEquals(i, sorted[i]);
        }
        int fixed = 0;
        for (int i = 0; i < 1000; i++) {
            fixed += p[i] == i ? 1 : 0;
        }
        assertTrue(fixed < 10, "a shuffled permutation has about one fixed point, got " + fixed);
        assertEquals(0, new Rng(7).permutation(0).length);
    }

    @Test
    void shuffleKeepsElementsAndReturnsTheArray() {
        int[] a = {5, 5, 1, 9, 3};
        int[] same = new Rng(8).shuffle(a);
        assertTrue(same == a);
        Arrays.sort(a);
        assertArrayEquals(new int[] {1, 3, 5, 5, 9}, a);
    }

    @Test
    void forkIsSeededFromTheParent() {
        Rng a = new Rng(9);
        Rng b = new Rng(9);
        assertEquals(a.fork().nextLong(), b.fork().nextLong());
        assertEquals(a.nextLong(), b.nextLong(), "parents advance alike");
    }

    @Test
    void badArgumentsAreNamed() {
        Rng rng = new Rng(1);
        assertEquals("nextInt: bound must be > 0, got 0",
                assertThrows(IllegalArgumentException.class, () -> rng.nextInt(0)).getMessage());
        assertEquals("uniform: expected finite lo <= hi, got lo=2.0, hi=1.0",
                assertThrows(IllegalArgumentException.class, () -> rng.uniform(2, 1, 3)).getMessage());
        assertEquals("normal: expected finite mean and std >= 0, got mean=0.0, std=-1.0",
                assertThrows(IllegalArgumentException.class, () -> rng.normal(0, -1, 3)).getMessage());
        assertEquals("integers: expected lo < hi with hi - lo <= 2147483647, got lo=3, hi=3",
                assertThrows(IllegalArgumentException.class, () -> rng.integers(3, 3, 2)).getMessage());
        assertEquals("bernoulli: p must be in [0, 1], got 1.5",
                assertThrows(IllegalArgumentException.class, () -> rng.bernoulli(1.5, 2)).getMessage());
        assertEquals("permutation: n must be >= 0, got -1",
                assertThrows(IllegalArgumentException.class, () -> rng.permutation(-1)).getMessage());
        assertEquals("uniform: negative dimension in shape [-2]; every dimension must be >= 0",
                assertThrows(IllegalArgumentException.class, () -> rng.uniform(0, 1, -2)).getMessage());
        assertEquals("integers: expected lo < hi with hi - lo <= 2147483647, got lo=-2147483648, hi=2147483647",
                assertThrows(IllegalArgumentException.class, () -> rng.integers(Integer.MIN_VALUE, Integer.MAX_VALUE, 1))
                        .getMessage());
    }
}
