package nnlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import nnlab.Rng;
import nnlab.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Datasets.circles, moons and blobs (implemented in Synthetic). */
class SyntheticTest {
    @Test
    void sameSeedSameData_otherSeedOtherData() {
        Dataset a = Datasets.circles(200, 0.1, 0.5, new Rng(7));
        Dataset b = Datasets.circles(200, 0.1, 0.5, new Rng(7));
        assertEquals(a.x(), b.x());
        assertEquals(a.y(), b.y());
        assertNotEquals(a.x(), Datasets.circles(200, 0.1, 0.5, new Rng(8)).x());
        assertEquals(Datasets.moons(50, 0.2, new Rng(1)).x(), Datasets.moons(50, 0.2, new Rng(1)).x());
        assertEquals(Datasets.blobs(60, 3, 1.0, new Rng(2)).x(), Datasets.blobs(60, 3, 1.0, new Rng(2)).x());
        assertNotEquals(Datasets.blobs(60, 3, 1.0, new Rng(2)).x(), Datasets.blobs(60, 3, 1.0, new Rng(3)).x());
    }

    @Test
    void circlesWithoutNoiseLieOnTheTwoRadii() {
        Dataset ds = Datasets.circles(101, 0.0, 0.3, new Rng(1));
        assertArrayEquals(new int[] {101, 2}, ds.x().shape());
        assertArrayEquals(new int[] {50, 51}, Datasets.classCounts(ds.y()));   // n/2 outer, the rest inner
        for (int i = 0; i < 101; i++) {
            double r = Math.hypot(ds.x().get(i, 0), ds.x().get(i, 1));
            assertEquals(ds.y().get(i) == 0 ? 1.0 : 0.3, r, 1e-12, "point " + i);
        }
        assertTrue(ds.y().rows(0, 20).sum() > 0 && ds.y().rows(0, 20).sum() < 20, "labels are shuffled");
    }

    @Test
    void circlesNoiseHasTheRequestedSpread() {
        Dataset ds = Datasets.circles(4000, 0.1, 0.5, new Rng(3));
        Dataset clean = Datasets.circles(4000, 0.0, 0.5, new Rng(3));
        assertEquals(0.1, ds.x().sub(clean.x()).std(), 0.005);   // same shuffle, then N(0, 0.1²) added
    }

    @Test
    void moonsWithoutNoiseLieOnTheTwoHalfCircles() {
        Dataset ds = Datasets.moons(40, 0.0, new Rng(5));
        assertArrayEquals(new int[] {40, 2}, ds.x().shape());
        assertArrayEquals(new int[] {20, 20}, Datasets.classCounts(ds.y()));
        for (int i = 0; i < 40; i++) {
            double px = ds.x().get(i, 0);
            double py = ds.x().get(i, 1);
            if (ds.y().get(i) == 0) {        // upper moon: the unit half-circle, y >= 0
                assertEquals(1.0, Math.hypot(px, py), 1e-12);
                assertTrue(py >= -1e-12);
            } else {                         // lower moon: centre (1, 0.5), y <= 0.5
                assertEquals(1.0, Math.hypot(px - 1, py - 0.5), 1e-12);
                assertTrue(py <= 0.5 + 1e-12);
            }
        }
    }

    @Test
    void blobsAroundGivenCentres() {
        Tensor centers = Tensor.of(new double[][] {{0, 0, 0}, {5, 5, 5}});
        Dataset ds = Datasets.blobs(7, centers, 0.0, new Rng(1));
        assertArrayEquals(new int[] {7, 3}, ds.x().shape());
        assertArrayEquals(new int[] {4, 3}, Datasets.classCounts(ds.y()));   // the remainder goes to centre 0
        for (int i = 0; i < 7; i++) {
            assertEquals(centers.row((int) ds.y().get(i)), ds.x().row(i));
        }
        Dataset rnd = Datasets.blobs(300, 4, 0.5, new Rng(9));
        assertArrayEquals(new int[] {300, 2}, rnd.x().shape());
        assertArrayEquals(new int[] {75, 75, 75, 75}, Datasets.classCounts(rnd.y()));
        assertTrue(rnd.x().abs().max() < 10 + 5 * 0.5);
    }

    @Test
    void invalidArgumentsAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Datasets.circles(10, 0.1, 1.0, new Rng(1)));
        assertEquals("circles: factor must be in [0, 1) (inner radius / outer radius), got 1.0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Datasets.moons(0, 0.1, new Rng(1)));
        assertEquals("moons: n must be >= 1, got 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Datasets.moons(10, -0.1, new Rng(1)));
        assertEquals("moons: noise must be a finite number >= 0, got -0.1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Datasets.blobs(10, 0, 1, new Rng(1)));
        assertEquals("blobs: centers must be >= 1, got 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Datasets.blobs(10, 2, Double.NaN, new Rng(1)));
        assertEquals("blobs: std must be a finite number >= 0, got NaN", e.getMessage());
    }
}
