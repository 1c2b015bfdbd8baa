package nnlab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import nnlab.Rng;
import nnlab.tensor.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The activations that override {@code backward(x, y, dy)} to use the output Net's trace keeps. */
class BackwardFromOutputTest {
    static Stream<Layer> activations() {
        return Stream.of(new Tanh(), new Sigmoid(), new Softmax());
    }

    @ParameterizedTest
    @MethodSource("activations")
    void backwardWithTheKeptOutputEqualsBackwardFromTheInput(Layer layer) {
        Tensor x = new Rng(3).normal(0, 2, 4, 5);
        Tensor dy = new Rng(4).normal(0, 1, 4, 5);
        Tensor viaOutput = layer.backward(x, layer.forward(x), dy);
        assertTrue(viaOutput.allClose(layer.backward(x, dy), 1e-15), viaOutput.toString());
    }

    @ParameterizedTest
    @MethodSource("activations")
    void anOutputOfAnotherShapeIsNamed(Layer layer) {
        Tensor x = Tensor.zeros(4, 5);
        var e = assertThrows(IllegalArgumentException.class, () -> layer.backward(x, Tensor.zeros(4, 4), x));
        assertEquals(layer + ": expected y = forward(x) of shape [4, 5], got [4, 4]", e.getMessage());
    }
}
