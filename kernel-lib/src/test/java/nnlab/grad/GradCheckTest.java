package nnlab.grad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import nnlab.Rng;
import nnlab.loss.MeanSquaredError;
import nnlab.nn.Layer;
import nnlab.nn.Linear;
import nnlab.tensor.Tensor;
import org.junit.jupiter.api.Test;

class GradCheckTest {
    @Test
    void checkGradIsTheNormOfTheDifference() {
        Tensor x0 = Tensor.of(1, 2);
        assertTrue(GradCheck.checkGrad(x -> x.pow(2).sum(), x -> x.mul(2), x0) < 1e-8);
        // a wrong gradient 3x differs from 2x by x: ||[1, 2]|| = √5
        assertEquals(Math.sqrt(5), GradCheck.checkGrad(x -> x.pow(2).sum(), x -> x.mul(3), x0), 1e-7);
    }

    @Test
    void scalarOverload() {
        assertTrue(GradCheck.checkGrad(Math::exp, Math::exp, 1.0) < 1e-8);
        assertEquals(1.0, GradCheck.checkGrad(x -> x * x, x -> 2 * x + 1, 3.0), 1e-8);
    }

    @Test
    void checkGradRejectsAWrongShape() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> GradCheck.checkGrad(x -> x.sum(), x -> Tensor.zeros(3), Tensor.of(1, 2)));
        assertEquals("GradCheck.checkGrad: grad returned shape [3]; expected the shape of x0, [2]", e.getMessage());
    }

    /** y = 2x whose backward forgets the 2: the check must catch it. */
    private static final class BrokenDouble implements Layer {
        @Override
        public Tensor forward(Tensor x) {
            return x.mul(2);
        }

        @Override
        public Tensor backward(Tensor x, Tensor dy) {
            return dy;
        }

        @Override
        public String toString() {
            return "BrokenDouble()";
        }
    }

    @Test
    void layerReportCatchesAWrongBackward() {
        GradCheck.Report r = GradCheck.layer(new BrokenDouble(), Tensor.of(new double[][] {{1, 2}}));
        assertFalse(r.ok());
        assertEquals(0.5, r.maxRelativeError(), 1e-8); // ||dy - 2dy|| / ||2dy||
        String text = r.toString();
        assertTrue(text.startsWith("Gradient check of BrokenDouble()\nparameter   max abs error relative error  ok\nx "), text);
        assertTrue(text.endsWith("NO"), text);
    }

    @Test
    void layerReportHasARowPerParameter() {
        Rng rng = new Rng(1);
        GradCheck.Report r = GradCheck.layer(new Linear(3, 2, rng), rng.normal(0, 1, 4, 3));
        assertTrue(r.ok(), r.toString());
        assertEquals(java.util.List.of("x", "W", "b"), r.names());
        assertEquals(5, r.toString().split("\n").length, r.toString());
        assertTrue(r.relativeError("W") < 1e-6);
        var e = assertThrows(IllegalArgumentException.class, () -> r.relativeError("v"));
        assertEquals("GradCheck.Report: no row named 'v'; rows are [x, W, b]", e.getMessage());
    }

    @Test
    void layerCheckIgnoresAndKeepsGradientsAlreadyAccumulated() {
        Rng rng = new Rng(1);
        Linear fc = new Linear(3, 2, rng);
        Tensor x = rng.normal(0, 1, 4, 3);
        fc.backward(x, Tensor.ones(4, 2));
        Tensor before = fc.weight().grad().copy();
        GradCheck.Report r = GradCheck.layer(fc, x);
        assertTrue(r.ok(), "the check's backward starts from zero gradients: " + r);
        assertEquals(before, fc.weight().grad(), "and puts the layer's own gradients back");
    }

    @Test
    void lossReport() {
        GradCheck.Report r = GradCheck.loss(new MeanSquaredError(), Tensor.of(1, 2, 3), Tensor.of(0.5, 2.5, 2));
        assertTrue(r.ok(), r.toString());
        assertEquals(java.util.List.of("yHat"), r.names());
    }
}
