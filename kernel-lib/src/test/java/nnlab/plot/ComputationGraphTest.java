package nnlab.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import nnlab.autograd.Value;
import nnlab.autograd.Var;
import nnlab.tensor.Tensor;
import org.junit.jupiter.api.Test;

class ComputationGraphTest {

    private static long count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    private static Var smallLoss() {
        Var x = Var.of(Tensor.ones(4, 2));
        Var w = Var.param("W", Tensor.ones(2, 3));
        Var b = Var.param("b", Tensor.zeros(3));
        return x.matmul(w).add(b).tanh().label("h").crossEntropy(Tensor.ofInts(0, 1, 2, 0));
    }

    @Test
    void varGraphHasOneBoxPerVarAndAnArrowPerInput() {
        String dot = ComputationGraph.dot(smallLoss());
        assertEquals(7, count(dot, "shape=record"), dot);     // x, W, b, matmul, add, tanh, crossEntropy
        assertEquals(6, count(dot, " -> "), dot);
        assertTrue(dot.contains("label=\"{constant | [4, 2]}\""), dot);
        assertTrue(dot.contains("label=\"{param W | [2, 3]}\""), dot);
        assertTrue(dot.contains("label=\"{h = tanh | [4, 3]}\""), dot);
        assertTrue(dot.contains("label=\"{crossEntropy | [] | 1.0986}\""), dot);      // ln 3: all logits equal
        assertTrue(dot.contains("fillcolor=\"#fde68a\", label=\"{crossEntropy"), "the result is highlighted");
    }

    @Test
    void aVarUsedTwiceIsDrawnOnceWithTwoArrows() {
        Var a = Var.param("a", Tensor.of(1, 2));
        String dot = ComputationGraph.dot(a.mul(a).sum());
        assertEquals(3, count(dot, "shape=record"), dot);
        assertEquals(3, count(dot, " -> "), dot);             // a -> mul twice, mul -> sum
    }

    @Test
    void valueGraphShowsDataGradAndOperations() {
        Value w = new Value(-3, "w");
        Value x = new Value(2, "x");
        Value y = w.mul(x).add(5.5).tanh().label("y");
        y.backward();
        String dot = ComputationGraph.dot(y);
        assertEquals(6, count(dot, "shape=record"), dot);      // w, x, w·x, 5.5, +, tanh
        assertEquals(3, count(dot, "shape=circle"), dot);      // *, +, tanh
        assertTrue(dot.contains("label=\"{w | data -3.0000 | grad 1.5729}\""), dot);
        assertTrue(dot.contains("label=\"tanh\""), dot);
        assertTrue(dot.contains("label=\"{y | data -0.4621 | grad 1.0000}\""), dot);
    }

    @Test
    void labelsAreEscapedForGraphviz() {
        Var v = Var.param("W{1}|<x>", Tensor.ones(1));
        assertTrue(ComputationGraph.dot(v).contains("param W\\{1\\}\\|\\<x\\>"));
    }

    @Test
    void rendersAPngWithDot() {
        BufferedImage img = Plots.graph(smallLoss());
        assertTrue(img.getWidth() > 300 && img.getHeight() > 50, img.getWidth() + "x" + img.getHeight());
        Value y = new Value(2, "a").mul(new Value(3, "b"));
        y.backward();
        assertTrue(Plots.graph(y).getWidth() > 100);
        if (System.getenv("NNLAB_SAVE_GRAPHS") != null) {
            Plots.save(img, Path.of(System.getenv("NNLAB_SAVE_GRAPHS"), "var-graph.png").toString());
            Plots.save(Plots.graph(y), Path.of(System.getenv("NNLAB_SAVE_GRAPHS"), "value-graph.png").toString());
        }
    }

    @Test
    void missingDotNamesTheDebianPackage() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ComputationGraph.render("digraph { a }", "nnlab-no-such-dot"));
        assertTrue(e.getMessage().startsWith("Plots.graph: Graphviz's 'nnlab-no-such-dot' program was not found"), e.getMessage());
        assertTrue(e.getMessage().endsWith("install Debian's graphviz package: bin/setup does, or sudo apt-get install graphviz"),
                e.getMessage());
    }

    @Test
    void badDotSourceReportsDotsMessage() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ComputationGraph.render("digraph { a -> }", "dot"));
        assertTrue(e.getMessage().startsWith("Plots.graph: dot failed (exit code 1): "), e.getMessage());
        assertTrue(e.getMessage().contains("syntax error"), e.getMessage());
    }
}
