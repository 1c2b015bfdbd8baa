package nnlab.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import nnlab.grad.FiniteDifference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ValueTest {

    @Test
    void neuronByHand() {
        // y = tanh(w·x + b) with w = -3, x = 2, b = 6.8813735870195432: n = 0.8813735870195432, y = tanh(n) = 0.7071...
        Value x = new Value(2.0, "x");
        Value w = new Value(-3.0, "w");
        Value b = new Value(6.8813735870195432, "b");
        Value y = w.mul(x).add(b).tanh();
        y.backward();
        assertEquals(Math.sqrt(0.5), y.data(), 1e-12);
        double local = 1 - y.data() * y.data();              // 0.5
        assertEquals(0.5, local, 1e-12);
        assertEquals(-3 * local, x.grad(), 1e-12);           // dy/dx = w (1 - y²)
        assertEquals(2 * local, w.grad(), 1e-12);            // dy/dw = x (1 - y²)
        assertEquals(local, b.grad(), 1e-12);                // dy/db = 1 - y²
        assertEquals("tanh", y.op());
        assertEquals("+", y.inputs().get(0).op());
    }

    @Test
    void valueUsedTwiceGetsBothPaths() {
        Value a = new Value(3.0);
        Value b = a.add(a);                                   // db/da = 2, not 1
        b.backward();
        assertEquals(2, a.grad());
        Value c = new Value(-2.0);
        Value d = c.mul(c).add(c);                             // d = c² + c, dd/dc = 2c + 1 = -3
        d.backward();
        assertEquals(-3, c.grad());
    }

    @Test
    void backwardTwiceAccumulatesInLeavesAndZeroGradClears() {
        Value a = new Value(2.0);
        Value b = new Value(5.0);
        Value c = a.mul(b).add(a);                              // dc/da = b + 1 = 6, dc/db = a = 2
        c.backward();
        c.backward();
        assertEquals(12, a.grad());
        assertEquals(4, b.grad());
        assertEquals(1, c.grad(), "the output's own gradient is this pass's 1");
        c.zeroGrad();
        assertEquals(0, a.grad());
        assertEquals(0, b.grad());
        c.backward();
        assertEquals(6, a.grad());
    }

    static List<Object[]> unary() {
        return List.of(
                new Object[] {"exp", (UnaryOperator<Value>) Value::exp, (DoubleUnaryOperator) Math::exp, 0.7},
                new Object[] {"log", (UnaryOperator<Value>) Value::log, (DoubleUnaryOperator) Math::log, 0.7},
                new Object[] {"tanh", (UnaryOperator<Value>) Value::tanh, (DoubleUnaryOperator) Math::tanh, -0.4},
                new Object[] {"sigmoid", (UnaryOperator<Value>) Value::sigmoid,
                        (DoubleUnaryOperator) v -> 1 / (1 + Math.exp(-v)), 1.3},
                new Object[] {"relu", (UnaryOperator<Value>) Value::relu, (DoubleUnaryOperator) v -> Math.max(0, v), 0.9},
                new Object[] {"relu<0", (UnaryOperator<Value>) Value::relu, (DoubleUnaryOperator) v -> Math.max(0, v), -0.9},
                new Object[] {"pow", (UnaryOperator<Value>) v -> v.pow(3), (DoubleUnaryOperator) v -> v * v * v, -1.5},
                new Object[] {"neg", (UnaryOperator<Value>) Value::neg, (DoubleUnaryOperator) v -> -v, 2.0},
                new Object[] {"add 2", (UnaryOperator<Value>) v -> v.add(2), (DoubleUnaryOperator) v -> v + 2, 2.0},
                new Object[] {"sub 2", (UnaryOperator<Value>) v -> v.sub(2), (DoubleUnaryOperator) v -> v - 2, 2.0},
                new Object[] {"mul 3", (UnaryOperator<Value>) v -> v.mul(3), (DoubleUnaryOperator) v -> v * 3, 2.0},
                new Object[] {"div 4", (UnaryOperator<Value>) v -> v.div(4), (DoubleUnaryOperator) v -> v / 4, 2.0},
                new Object[] {"1/x", (UnaryOperator<Value>) v -> new Value(1).div(v), (DoubleUnaryOperator) v -> 1 / v, 1.6},
                new Object[] {"x-x²", (UnaryOperator<Value>) v -> v.sub(v.mul(v)), (DoubleUnaryOperator) v -> v - v * v, 0.3});
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unary")
    void valueAndGradientMatchTheFunctionAndCentralDifferences(String name, UnaryOperator<Value> op,
            DoubleUnaryOperator f, double x0) {
        Value x = new Value(x0);
        Value y = op.apply(x);
        y.backward();
        assertEquals(f.applyAsDouble(x0), y.data(), 1e-15 * Math.max(1, Math.abs(y.data())), name);
        double numeric = FiniteDifference.central(f, x0);
        assertEquals(numeric, x.grad(), 1e-6 * Math.max(1, Math.abs(numeric)), name);
    }

    @Test
    void binaryOperationsByHand() {
        Value a = new Value(6.0);
        Value b = new Value(-2.0);
        Value q = a.div(b);                                   // -3; dq/da = 1/b = -0.5, dq/db = -a/b² = -1.5
        q.backward();
        assertEquals(-3, q.data());
        assertEquals(-0.5, a.grad(), 1e-15);
        assertEquals(-1.5, b.grad(), 1e-15);
        a.zeroGrad();
        b.zeroGrad();
        Value s = a.sub(b);                                   // 8; ds/da = 1, ds/db = -1
        s.backward();
        assertEquals(8, s.data());
        assertEquals(1, a.grad());
        assertEquals(-1, b.grad());
    }

    @Test
    void longChainNeedsNoDeepStack() {
        Value x = new Value(1.0);
        Value y = x;
        for (int i = 0; i < 100_000; i++) {
            y = y.mul(1.0);
        }
        y.backward();
        assertEquals(1, x.grad());
    }

    @Test
    void toStringShowsDataAndGrad() {
        Value a = new Value(2.5, "a");
        assertEquals("Value(data=2.5, grad=0)", a.toString());
        assertEquals("a", a.label());
        assertEquals("h", a.mul(2).label("h").label());
    }
}
