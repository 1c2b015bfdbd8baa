package nnlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import nnlab.Rng;
import nnlab.tensor.Tensor;
import org.junit.jupiter.api.Test;

class StandardizerTest {
    // column 0: 1, 3 -> mean 2, std 1; column 1: 10, 10 -> constant, std replaced by 1
    private static final Tensor TRAIN = Tensor.of(new double[][] {{1, 10}, {3, 10}});
    private static final Tensor TEST = Tensor.of(new double[][] {{5, 12}});

    @Test
    void perFeatureFittedOnTrainAppliedToTest() {
        Standardizer s = Standardizer.fit(TRAIN);
        assertEquals(Tensor.of(2, 10), s.mean());
        assertEquals(Tensor.of(1, 1), s.std());
        assertEquals(Tensor.of(new double[][] {{-1, 0}, {1, 0}}), s.transform(TRAIN));
        assertEquals(Tensor.of(new double[][] {{3, 2}}), s.transform(TEST));      // (5-2)/1, (12-10)/1
        assertTrue(s.inverse(s.transform(TEST)).allClose(TEST, 1e-12));
    }

    @Test
    void globalUsesOneMeanAndStd() {
        // values 1, 10, 3, 10: mean 6, population std sqrt((25+16+9+16)/4) = sqrt(16.5)
        Standardizer s = Standardizer.fitGlobal(TRAIN);
        double sd = Math.sqrt(16.5);
        assertEquals(6.0, s.mean().item());
        assertEquals(sd, s.std().item(), 1e-15);
        assertTrue(s.transform(TEST).allClose(Tensor.of(new double[][] {{-1 / sd, 6 / sd}}), 1e-12));
        assertTrue(s.isGlobal());
        assertEquals(String.format("Standardizer(global, mean=%.6f, std=%.6f)", 6.0, sd), s.toString());
    }

    @Test
    void fitTransformGivesZeroMeanUnitStdColumns() {
        Tensor x = new Rng(1).normal(3, 2, 500, 4);
        Tensor z = Standardizer.fitTransform(x);
        assertTrue(z.mean(0).abs().max() < 1e-12);
        assertTrue(z.std(0).sub(1).abs().max() < 1e-12);
    }

    @Test
    void courseRecipeOnDigits() {
        Dataset ds = Datasets.digits();
        Dataset binary = ds.withY(ds.y().lt(5.0));
        Split split = Split.trainTest(binary, 0.5, new Rng(12345));
        Standardizer s = Standardizer.fitGlobal(split.train().x());
        Dataset train = s.transform(split.train());
        Dataset test = s.transform(split.test());
        assertEquals(0.0, train.x().mean(), 1e-12);
        assertEquals(1.0, train.x().std(), 1e-12);
        assertTrue(Math.abs(test.x().mean()) < 0.05, "test is near, not exactly, standardized");
        assertArrayEquals(split.test().y().toArray(), test.y().toArray());
    }

    @Test
    void badInputRejected() {
        Standardizer s = Standardizer.fit(TRAIN);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> s.transform(Tensor.zeros(3, 5)));
        assertEquals("Standardizer.transform (fitted on 2 features): x: expected shape [*, 2], got [3, 5]",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Standardizer.fit(Tensor.of(1, 2)));
        assertEquals("Standardizer.fit: x: expected shape [*, *], got [2]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Standardizer.fitGlobal(Tensor.zeros(0, 3)));
        assertEquals("Standardizer.fitGlobal: x has no rows; expected at least one sample to fit on", e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Standardizer.fit(Tensor.of(new double[][] {{1, Double.NaN}})));
    }
}
