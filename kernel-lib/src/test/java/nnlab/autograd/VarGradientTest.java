package nnlab.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Function;
import nnlab.Rng;
import nnlab.grad.GradCheck;
import nnlab.tensor.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every Var operation's gradient against central finite differences, broadcast and reduction axes included. */
class VarGradientTest {

    private static Object[] op(String name, Function<Var[], Var> f, Tensor... inputs) {
        return new Object[] {name, f, inputs};
    }

    static List<Object[]> operations() {
        Rng rng = new Rng(11);
        Tensor a = rng.normal(0, 1, 3, 4);
        Tensor b = rng.normal(0, 1, 3, 4);
        Tensor row = rng.normal(0, 1, 4);
        Tensor col = rng.normal(0, 1, 3, 1);
        Tensor pos = rng.uniform(0.5, 2, 3, 4);
        Tensor posRow = rng.uniform(0.5, 2, 4);
        Tensor cube = rng.normal(0, 1, 2, 3, 4);
        Tensor awayFromZero = a.map(v -> v + 0.1 * Math.signum(v));      // relu's kink is not differentiable
        Tensor probs = rng.uniform(0.05, 0.95, 3, 1);
        return List.of(
                op("add", v -> v[0].add(v[1]), a, b),
                op("add [3,4] + [4]", v -> v[0].add(v[1]), a, row),
                op("add [4] + [3,4]", v -> v[0].add(v[1]), row, a),
                op("add [3,4] + [3,1]", v -> v[0].add(v[1]), a, col),
                op("add [3,1] + [4]", v -> v[0].add(v[1]), col, row),
                op("add [2,3,4] + [3,4]", v -> v[0].add(v[1]), cube, b),
                op("add [2,3,4] + [3,1]", v -> v[0].add(v[1]), cube, col),
                op("sub [3,4] - [4]", v -> v[0].sub(v[1]), a, row),
                op("sub [3,1] - [3,4]", v -> v[0].sub(v[1]), col, a),
                op("mul", v -> v[0].mul(v[1]), a, b),
                op("mul [3,4] * [3,1]", v -> v[0].mul(v[1]), a, col),
                op("mul [2,3,4] * [4]", v -> v[0].mul(v[1]), cube, row),
                op("div", v -> v[0].div(v[1]), a, pos),
                op("div [3,4] / [4]", v -> v[0].div(v[1]), a, posRow),
                op("div [4] / [3,4]", v -> v[0].div(v[1]), row, pos),
                op("a * a (used twice)", v -> v[0].mul(v[0]), a),
                op("add 2.5", v -> v[0].add(2.5), a),
                op("sub 2.5", v -> v[0].sub(2.5), a),
                op("mul -1.5", v -> v[0].mul(-1.5), a),
                op("div 4", v -> v[0].div(4), a),
                op("neg", v -> v[0].neg(), a),
                op("pow 3", v -> v[0].pow(3), a),
                op("pow 0.5", v -> v[0].pow(0.5), pos),
                op("pow -2", v -> v[0].pow(-2), pos),
                op("exp", v -> v[0].exp(), a),
                op("log", v -> v[0].log(), pos),
                op("tanh", v -> v[0].tanh(), a),
                op("sigmoid", v -> v[0].sigmoid(), a),
                op("relu", v -> v[0].relu(), awayFromZero),
                op("matmul", v -> v[0].matmul(v[1]), a, rng.normal(0, 1, 4, 2)),
                op("transpose", v -> v[0].transpose(), a),
                op("reshape", v -> v[0].reshape(2, -1), a),
                op("reshape then matmul", v -> v[0].reshape(4, 3).matmul(v[1]), a, rng.normal(0, 1, 3, 2)),
                op("sum()", v -> v[0].sum(), a),
                op("sum(0)", v -> v[0].sum(0), a),
                op("sum(1)", v -> v[0].sum(1), a),
                op("sum(-1) of [2,3,4]", v -> v[0].sum(-1), cube),
                op("sum(1) of [2,3,4]", v -> v[0].sum(1), cube),
                op("mean()", v -> v[0].mean(), a),
                op("mean(0)", v -> v[0].mean(0), a),
                op("mean(1)", v -> v[0].mean(1), a),
                op("mean(0) of [2,3,4]", v -> v[0].mean(0), cube),
                op("softmax", v -> v[0].softmax(), a),
                op("crossEntropy labels", v -> v[0].crossEntropy(Tensor.ofInts(3, 0, 2)), a),
                op("crossEntropy one-hot", v -> v[0].crossEntropy(Tensor.eye(4).rows(1, 4)), a),
                op("binaryCrossEntropy", v -> v[0].binaryCrossEntropy(Tensor.of(1, 0, 1).reshape(3, 1)), probs),
                op("mse", v -> v[0].mse(b), a),
                op("a chain: tanh(a·W + bias) then mean", v -> v[0].matmul(v[1]).add(v[2]).tanh().mean(),
                        a, rng.normal(0, 1, 4, 5), rng.normal(0, 1, 5)),
                op("L2 penalty", v -> v[0].pow(2).sum().mul(1e-1), a));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void gradientMatchesCentralDifferences(String name, Function<Var[], Var> f, Tensor[] inputs) {
        GradCheck.Report r = GradCheck.vars(f, inputs);
        assertEquals(inputs.length, r.names().size());
        assertTrue(r.maxRelativeError() < 1e-6, name + "\n" + r);
    }
}
