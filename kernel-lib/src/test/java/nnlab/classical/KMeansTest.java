package nnlab.classical;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import nnlab.Rng;
import nnlab.data.Dataset;
import nnlab.data.Datasets;
import nnlab.tensor.Tensor;
import org.junit.jupiter.api.Test;

class KMeansTest {
    @Test
    void fourPointsByHand() {
        // two pairs: {(0,0), (0,2)} and {(10,0), (10,2)}: centres (0,1) and (10,1), inertia 4 · 1² = 4
        Tensor x = Tensor.of(new double[][] {{0, 0}, {0, 2}, {10, 0}, {10, 2}});
        KMeans km = KMeans.fit(x, 2, new Rng(3));
        Tensor c = km.centers();
        int a = (int) km.labels().get(0);
        assertTrue(c.row(a).allClose(Tensor.of(0, 1), 1e-12), c.toString());
        assertTrue(c.row(1 - a).allClose(Tensor.of(10, 1), 1e-12), c.toString());
        assertArrayEquals(new int[] {a, a, 1 - a, 1 - a}, km.labels().toIntArray());
        assertEquals(4.0, km.inertia(), 1e-12);
    }

    @Test
    void findsWellSeparatedBlobs() {
        Tensor centres = Tensor.of(new double[][] {{0, 0}, {20, 0}, {0, 20}, {20, 20}, {10, 40}});
        Dataset blobs = Datasets.blobs(500, centres, 1.0, new Rng(11));
        KMeans km = KMeans.fit(blobs.x(), 5, new Rng(1));
        int[] truth = blobs.y().toIntArray();
        int[] found = km.labels().toIntArray();
        int[] clusterOfBlob = new int[5];
        Arrays.fill(clusterOfBlob, -1);
        for (int i = 0; i < truth.length; i++) {
            if (clusterOfBlob[truth[i]] == -1) {
                clusterOfBlob[truth[i]] = found[i];
            }
            assertEquals(clusterOfBlob[truth[i]], found[i], "point " + i + " of blob " + truth[i]);
        }
        assertEquals(5, Arrays.stream(clusterOfBlob).distinct().count(), "each blob its own cluster");
        for (int b = 0; b < 5; b++) {
            assertTrue(km.centers().row(clusterOfBlob[b]).allClose(centres.row(b), 0.5));
        }
        assertEquals(km.labels(), km.predict(blobs.x()));
        assertEquals(km.labels(), KMeans.assign(blobs.x(), km.centers()));
    }

    @Test
    void inertiaIsTheSumOfSquaredDistancesAndSeedsRepeat() {
        Tensor x = Datasets.digits().x().rows(0, 400);
        KMeans km = KMeans.fit(x, 10, new Rng(5));
        Tensor nearest = km.centers().take(km.labels().toIntArray());
        assertEquals(x.sub(nearest).pow(2).sum(), km.inertia(), 1e-9 * km.inertia());
        KMeans again = KMeans.fit(x, 10, new Rng(5));
        assertEquals(km.centers(), again.centers());
        assertTrue(km.iterations() >= 1 && km.iterations() <= 300);
        // more clusters never fit worse
        assertTrue(KMeans.fit(x, 20, new Rng(5)).inertia() < km.inertia());
    }

    @Test
    void everyPointItsOwnClusterWhenKIsN() {
        Tensor x = Tensor.of(new double[][] {{0, 0}, {1, 0}, {0, 1}});
        KMeans km = KMeans.fit(x, 3, new Rng(2));
        assertEquals(0.0, km.inertia(), 1e-12);
        assertEquals(3, Arrays.stream(km.labels().toIntArray()).distinct().count());
    }

    @Test
    void badInputNamesTheArgumentAndItsRange() {
        Tensor x = Tensor.zeros(4, 2);
        assertEquals("KMeans.fit: k must be in 1..N = 1..4, got k = 5",
                assertThrows(IllegalArgumentException.class, () -> KMeans.fit(x, 5, new Rng(1))).getMessage());
        assertEquals("KMeans.fit: k must be in 1..N = 1..4, got k = 0",
                assertThrows(IllegalArgumentException.class, () -> KMeans.fit(x, 0, new Rng(1))).getMessage());
        assertEquals("KMeans.fit: x must be non-empty 2-d data [N, d], got shape [0, 2]",
                assertThrows(IllegalArgumentException.class, () -> KMeans.fit(Tensor.zeros(0, 2), 1, new Rng(1))).getMessage());
        assertEquals("KMeans.fit: maxIter must be >= 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> KMeans.fit(x, 2, new Rng(1), 0, 1e-4)).getMessage());
        assertEquals("KMeans.fit: tol must be a finite number >= 0, got -1.0",
                assertThrows(IllegalArgumentException.class, () -> KMeans.fit(x, 2, new Rng(1), 10, -1)).getMessage());
        assertEquals("KMeans: expected x [N, d] and centers [k, d] with the same d, got [4, 2] and [3, 5]",
                assertThrows(IllegalArgumentException.class, () -> KMeans.assign(x, Tensor.zeros(3, 5))).getMessage());
    }
}
