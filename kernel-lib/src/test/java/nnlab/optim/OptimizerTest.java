package nnlab.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import nnlab.nn.Param;
import nnlab.tensor.Tensor;
import org.junit.jupiter.api.Test;

class OptimizerTest {

    static Param param(double[] value, double[] grad) {
        Param p = new Param("w", Tensor.of(value));
        p.grad().copyFromInPlace(Tensor.of(grad));
        return p;
    }

    @Test
    void zeroGradClearsEveryGradientButNotTheValues() {
        Param a = param(new double[] {1, 2}, new double[] {3, 4});
        Param b = param(new double[] {5}, new double[] {6});
        Optimizer opt = new SGD(List.of(a, b), 0.1);
        opt.zeroGrad();
        assertEquals(Tensor.of(0, 0), a.grad());
        assertEquals(Tensor.of(0), b.grad());
        assertEquals(Tensor.of(1, 2), a.value());
    }

    @Test
    void learningRateCanBeChangedAndIsValidated() {
        Optimizer opt = new Adam(List.of(param(new double[] {1}, new double[] {1})), 0.1);
        assertEquals(0.1, opt.learningRate());
        opt.setLearningRate(0.05);
        assertEquals(0.05, opt.learningRate());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> opt.setLearningRate(0));
        assertEquals("Adam: lr must be > 0, got 0.0", e.getMessage());
    }

    @Test
    void paramsAreKeptInOrderAndTheListIsCopied() {
        Param a = param(new double[] {1}, new double[] {0});
        List<Param> list = new ArrayList<>(List.of(a));
        Optimizer opt = new RMSprop(list, 0.1);
        list.clear();
        assertEquals(1, opt.params().size());
        assertSame(a, opt.params().get(0));
    }

    @Test
    void emptyOrNullParamsAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SGD(List.of(), 0.1));
        assertEquals("SGD: params must not be empty; expected the parameters to train, e.g. net.params()",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Adam(null, 0.1));
        assertEquals("Adam: params must not be null; expected the parameters to train, e.g. net.params()",
                e.getMessage());
    }
}
