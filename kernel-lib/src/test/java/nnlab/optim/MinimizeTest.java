package nnlab.optim;

import static nnlab.optim.SGDTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Function;
import nnlab.nn.Param;
import nnlab.tensor.Tensor;
import org.junit.jupiter.api.Test;

class MinimizeTest {
    // f(x, y) = x^2 + 10 y^2, gradient (2x, 20y)
    private static final Function<Tensor, Tensor> BOWL = p -> Tensor.of(2 * p.get(0), 20 * p.get(1));

    @Test
    void pathStartsAtTheStartAndFollowsGradientDescentByHand() {
        Param xy = new Param("xy", Tensor.of(-1.5, 2.0));
        Tensor path = new SGD(List.of(xy), 0.05).minimize(BOWL, 2);
        assertArrayEquals(new int[] {3, 2}, path.shape());
        // step 1: x = -1.5 - 0.05 (-3) = -1.35, y = 2 - 0.05 * 40 = 0; step 2: x = -1.35 - 0.05 (-2.7) = -1.215
        assertTrue(path.allClose(Tensor.of(new double[][] {{-1.5, 2}, {-1.35, 0}, {-1.215, 0}}), 1e-12), "got " + path);
        assertEquals(path.row(2), xy.value());
        assertEquals(Tensor.of(-2.7, 0), xy.grad());                  // the last step's gradient, not a sum
    }

    @Test
    void everyOptimizerTakesExactlyTheStepsOfAHandWrittenLoop() {
        List<Function<List<Param>, Optimizer>> makers = List.of(ps -> SGD.momentum(ps, 0.01, 0.9),
                ps -> SGD.nesterov(ps, 0.01, 0.9), ps -> new RMSprop(ps, 0.01), ps -> new Adam(ps, 0.05),
                ps -> new AdamW(ps, 0.05));
        for (Function<List<Param>, Optimizer> make : makers) {
            Param a = new Param("xy", Tensor.of(-1.5, 2.0));
            Tensor path = make.apply(List.of(a)).minimize(BOWL, 20);
            Param b = new Param("xy", Tensor.of(-1.5, 2.0));
            Optimizer opt = make.apply(List.of(b));
            for (int k = 1; k <= 20; k++) {
                opt.zeroGrad();
                b.accumulateGrad(BOWL.apply(b.value()));
                opt.step();
                assertEquals(b.value(), path.row(k), opt + " step " + k);
            }
        }
    }

    @Test
    void theGradientFunctionGetsACopyOfThePosition() {
        Param xy = new Param("xy", Tensor.of(1.0, 1.0));
        Tensor path = new SGD(List.of(xy), 0.1).minimize(p -> {
            Tensor g = BOWL.apply(p);
            p.fillInPlace(99);                                          // must not move the point
            return g;
        }, 1);
        assertTrue(path.row(1).allClose(Tensor.of(0.8, -1.0), 1e-12), "got " + path);
    }

    @Test
    void aValueOfAnotherShapeGivesRowsOfItsValues() {
        Param w = new Param("w", Tensor.of(new double[][] {{1, 2}, {3, 4}}));
        Tensor path = new SGD(List.of(w), 0.5).minimize(p -> p.mul(2), 1);       // f = sum w^2: w -> 0
        assertEquals(Tensor.of(new double[][] {{1, 2, 3, 4}, {0, 0, 0, 0}}), path);
    }

    @Test
    void needsExactlyOneParamAndAtLeastOneStep() {
        Param a = new Param("W", Tensor.zeros(2, 3));
        Param b = new Param("b", Tensor.zeros(3));
        assertMessage("Adam.minimize: needs exactly one Param (the position), got 2 [W[2, 3], b[3]]; create the "
                + "optimizer over one, e.g. new Adam(List.of(xy), lr)", () -> new Adam(List.of(a, b), 0.1).minimize(BOWL, 5));
        Optimizer opt = new SGD(List.of(new Param("xy", Tensor.of(1, 1))), 0.1);
        assertMessage("SGD.minimize: steps must be >= 1, got 0", () -> opt.minimize(BOWL, 0));
        assertMessage("SGD.minimize: gradient must not be null; expected a function from the position to the "
                + "gradient, e.g. p -> Tensor.of(2 * p.get(0), 2 * p.get(1))", () -> opt.minimize(null, 5));
    }

    @Test
    void aGradientOfTheWrongShapeNamesBothShapes() {
        Optimizer opt = new SGD(List.of(new Param("xy", Tensor.of(1, 1))), 0.1);
        assertMessage("SGD.minimize: the gradient must have the position's shape [2], got [3] at step 1",
                () -> opt.minimize(p -> Tensor.of(1, 2, 3), 5));
        assertMessage("SGD.minimize: the gradient must have the position's shape [2], got null at step 1",
                () -> opt.minimize(p -> null, 5));
    }

    @Test
    void aDivergingRunStopsNamingTheStepAndKeepsTheLastFinitePoint() {
        Param x = new Param("x", Tensor.of(1.0));
        Optimizer opt = new SGD(List.of(x), 1e300);
        // step 1: x = 1 - 1e300 * 2 = -2e300; step 2: x = -2e300 + 1e300 * 4e300 = Infinity
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> opt.minimize(p -> p.mul(2), 10));
        assertEquals("SGD.minimize: at step 2 of 10, the position became [Infinity] from [-2.0E300] (learning rate "
                + "1.0E300): the steps have diverged; x is left at [-2.0E300]. Try a smaller learning rate, e.g. 1.0E299",
                e.getMessage());
        assertEquals(Tensor.of(-2e300), x.value());
    }

    @Test
    void aNaNGradientStopsBeforeTheStep() {
        Param xy = new Param("xy", Tensor.of(0.5, -1.0));
        Optimizer opt = new Adam(List.of(xy), 0.1);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> opt.minimize(p -> Tensor.of(Math.log(p.get(0)), Math.sqrt(p.get(1))), 3));
        assertEquals("Adam.minimize: at step 1 of 3, the gradient is [-0.6931471805599453, NaN] at the position "
                + "[0.5, -1.0]; xy is left there. Check the gradient function at that point", e.getMessage());
        assertEquals(Tensor.of(0.5, -1.0), xy.value());
    }
}
