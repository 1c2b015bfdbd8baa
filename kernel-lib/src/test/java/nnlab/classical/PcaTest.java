package nnlab.classical;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import nnlab.Rng;
import nnlab.data.Datasets;
import nnlab.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PcaTest {
    @Test
    void pointsOnALineGiveThatDirectionAndAllTheVariance() {
        // x = (1, 1) + t (3, 4) / 5 for t = -2, -1, 0, 1, 2: mean (1, 1), one direction (0.6, 0.8), variance 10/4
        double[][] rows = new double[5][];
        for (int t = -2; t <= 2; t++) {
            rows[t + 2] = new double[] {1 + 0.6 * t, 1 + 0.8 * t};
        }
        Pca pca = Pca.fit(Tensor.of(rows), 2);
        assertTrue(pca.mean().allClose(Tensor.of(1, 1), 1e-12));
        assertTrue(pca.components().row(0).allClose(Tensor.of(0.6, 0.8), 1e-12), pca.components().toString());
        assertTrue(pca.components().row(1).abs().allClose(Tensor.of(0.8, 0.6), 1e-12));
        assertEquals(2.5, pca.explainedVariance().get(0), 1e-12);   // Σ t² / (N - 1) = 10 / 4
        assertEquals(1.0, pca.explainedVarianceRatio().get(0), 1e-12);
        assertEquals(0.0, pca.explainedVarianceRatio().get(1), 1e-12);
        assertTrue(pca.transform(Tensor.of(rows)).col(0).allClose(Tensor.of(-2, -1, 0, 1, 2), 1e-12));
    }

    @Test
    void anisotropicCloudHasItsLongAxisFirst() {
        // Gaussian with std 3 along (1, 1)/√2 and 0.5 along (1, -1)/√2
        Rng rng = new Rng(7);
        Tensor z = rng.normal(0, 1, 4000, 2).mul(Tensor.of(3, 0.5));
        double r = Math.sqrt(0.5);
        Tensor x = z.matmul(Tensor.of(new double[][] {{r, r}, {r, -r}}));
        Pca pca = Pca.fit(x, 2);
        assertTrue(pca.components().row(0).allClose(Tensor.of(r, r), 0.01), pca.components().toString());
        assertEquals(9.0 / 9.25, pca.explainedVarianceRatio().get(0), 0.01);
        assertEquals(9.0, pca.explainedVariance().get(0), 0.5);
    }

    @ParameterizedTest
    @ValueSource(ints = {30, 1797})   // fewer samples than features (SVD of x) and more (SVD of xᵀx)
    void invariantsOnDigits(int n) {
        Tensor x = Datasets.digits().x().rows(0, n);
        int k = Math.min(n, 64);
        Pca pca = Pca.fit(x, k);
        Tensor c = pca.components();
        assertTrue(c.matmulTranspose(c).allClose(Tensor.eye(k), 1e-9), "components must be orthonormal");
        Tensor ratio = pca.explainedVarianceRatio();
        assertTrue(ratio.sum() <= 1 + 1e-12, "ratios sum to " + ratio.sum());
        for (int i = 1; i < k; i++) {
            assertTrue(ratio.get(i) <= ratio.get(i - 1) + 1e-15, "ratios must be sorted");
        }
        if (k == 64) {
            assertEquals(1.0, ratio.sum(), 1e-9);
            assertTrue(pca.inverseTransform(pca.transform(x)).allClose(x, 1e-9), "all components reconstruct exactly");
        }
        Tensor varianceOfCodes = pca.transform(x).std(0).pow(2).mul(n / (n - 1.0));
        assertTrue(varianceOfCodes.allClose(pca.explainedVariance(), 1e-8 * pca.explainedVariance().max()));
    }

    @Test
    void signRuleMakesTheLargestEntryPositive() {
        Pca pca = Pca.fit(Datasets.digits().x(), 10);
        Tensor c = pca.components();
        for (int i = 0; i < 10; i++) {
            Tensor row = c.row(i);
            assertTrue(row.get(row.abs().argmax()) > 0, "component " + i);
        }
        assertArrayEquals(c.toArray(), Pca.fit(Datasets.digits().x(), 10).components().toArray(), 0.0);
    }

    @Test
    void fewerComponentsAreTheBestLowRankApproximation() {
        Tensor x = Datasets.digits().x();
        double previous = Double.MAX_VALUE;
        for (int k : new int[] {1, 5, 20, 40}) {
            Pca pca = Pca.fit(x, k);
            double err = pca.inverseTransform(pca.transform(x)).sub(x).pow(2).sum();
            double unexplained = (1 - pca.explainedVarianceRatio().sum()) * x.sub(x.mean(0)).pow(2).sum();
            assertEquals(unexplained, err, 1e-6 * err);
            assertTrue(err < previous);
            previous = err;
        }
    }

    @Test
    void badInputNamesTheArgumentAndItsRange() {
        Tensor x = Tensor.zeros(5, 3);
        assertEquals("Pca.fit: k must be in 1..min(N, d) = 1..3 for x of shape [5, 3], got k = 4",
                assertThrows(IllegalArgumentException.class, () -> Pca.fit(x, 4)).getMessage());
        assertEquals("Pca.fit: k must be in 1..min(N, d) = 1..2 for x of shape [2, 3], got k = 0",
                assertThrows(IllegalArgumentException.class, () -> Pca.fit(Tensor.zeros(2, 3), 0)).getMessage());
        assertEquals("Pca.fit: x is empty (shape [0, 3]); expected at least one sample and one feature",
                assertThrows(IllegalArgumentException.class, () -> Pca.fit(Tensor.zeros(0, 3), 1)).getMessage());
        assertEquals("Pca.fit: x must be 2-d [N, d], got shape [3]",
                assertThrows(IllegalArgumentException.class, () -> Pca.fit(Tensor.zeros(3), 1)).getMessage());
        Pca pca = Pca.fit(Datasets.digits().x().rows(0, 100), 5);
        assertEquals("Pca.transform: expected x of shape [N, 64], got [2, 63]",
                assertThrows(IllegalArgumentException.class, () -> pca.transform(Tensor.zeros(2, 63))).getMessage());
        assertEquals("Pca.inverseTransform: expected z of shape [N, 5], got [2, 6]",
                assertThrows(IllegalArgumentException.class, () -> pca.inverseTransform(Tensor.zeros(2, 6))).getMessage());
    }
}
