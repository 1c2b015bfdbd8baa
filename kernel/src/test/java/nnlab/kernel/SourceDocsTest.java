package nnlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import jdk.jshell.JShell;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Shift-Tab on nnlab's own classes shows the first sentence of their Javadoc, read from the packed sources. */
class SourceDocsTest {
    private static JShell shell;
    private static Assist assist;

    @BeforeAll
    static void startShell() {
        shell = LocalShell.withImports("nnlab", "nnlab.tensor", "nnlab.nn");
        assist = new Assist(shell);
    }

    @AfterAll
    static void closeShell() {
        shell.close();
    }

    @Test
    void staticMethodShowsSignatureAndFirstSentence() {
        String cell = "Tensor t = Tensor.linspace(";
        assertEquals("Tensor Tensor.linspace(double start, double stop, int n)\n"
                + "    n evenly spaced values from start to stop, both included.", assist.inspect(cell, cell.length()));
        assertEquals(assist.inspect(cell, cell.length()), assist.inspect(cell, cell.indexOf("linsp")),
                "the cursor may sit inside the name");
    }

    @Test
    void eachOverloadGetsItsOwnComment() {
        String doc = assist.inspect("Tensor.of(1, 2).add(", 20);
        assertTrue(doc.contains("Tensor Tensor.add(Tensor o)\n    this + o element-wise, broadcasting as numpy does"), doc);
        assertTrue(doc.contains("Tensor Tensor.add(double v)\n    this + v for every value."), doc);
        String of = assist.inspect("Tensor.of(", 10);
        assertTrue(of.contains("Tensor Tensor.of(double... values)\n    A 1-d tensor holding a copy of values."), of);
        assertTrue(of.contains("Tensor Tensor.of(double[][] rows)\n    A 2-d tensor holding a copy of rows;"), of);
    }

    @Test
    void constructorsAndQualifiedNames() {
        String doc = assist.inspect("var l = new Linear(", 19);
        assertTrue(doc.contains("Linear(int in, int out, Rng rng)\n"
                + "    A layer from in to out features, W Glorot-uniform from rng, b = 0."), doc);
        assertTrue(doc.contains("Linear(Tensor W, Tensor b)\n    A layer with the given W [in, out] and b [out] (copied)."), doc);
        String cell = "nnlab.tensor.Tensor.zeros(";
        assertTrue(assist.inspect(cell, cell.length()).endsWith("\n    A tensor of the given shape filled with 0, e.g. zeros(3, 5)."),
                assist.inspect(cell, cell.length()));
    }

    @Test
    void inspectGivesTheWholeJavadocAsMarkdownAndText() {
        Map<String, String> doc = assist.inspectFully("new Linear", 8);
        String md = doc.get("text/markdown");
        assertTrue(md.startsWith("```java\nnnlab.nn.Linear\n```\n\nA fully connected layer: every output is a weighted sum"
                + " of all inputs plus a bias.\n\nFormula: `y = x·W + b`.\n\nShapes: x [N, in], W [in, out], b [out], y [N, out]."), md);
        assertTrue(md.contains("\n\n```java\nLinear fc = new Linear(64, 32, new Rng(1));\nTensor y = fc.forward("), md);
        assertTrue(md.contains("`params()` is W then b."), md);
        String plain = doc.get("text/plain");
        assertTrue(plain.startsWith("nnlab.nn.Linear\n\n    A fully connected layer"), plain);
        assertTrue(plain.contains("\n    Formula: y = x·W + b.\n"), plain);
        assertTrue(plain.contains("\n        Linear fc = new Linear(64, 32, new Rng(1));\n"), plain);
        assertFalse(plain.contains("{@code") || plain.contains("<p>") || md.contains("{@code"), plain);
        assertNull(assist.inspectFully("int x = (1 + ", 13));
    }

    @Test
    void javadocBlockTagsBecomeSections() {
        String raw = " Scales {@code x}.\n <ul><li>once</li></ul>\n @param x the input, {@code [N]}\n @param k a factor\n"
                + " @return {@link Tensor#mul the product}\n @throws IllegalArgumentException when k < 0\n";
        assertEquals("Scales `x`.\n\n- once\n\n**Parameters**\n- `x`: the input, `[N]`\n- `k`: a factor\n\n**Returns**\n"
                + "- `the product`\n\n**Throws**\n- `IllegalArgumentException`: when k < 0", JavadocText.markdown(raw));
        assertEquals("Scales x.\n\n- once\n\nParameters:\n- x: the input, [N]\n- k: a factor\n\nReturns:\n- the product\n\n"
                + "Throws:\n- IllegalArgumentException: when k < 0", JavadocText.plain(raw));
    }

    @Test
    void memberWithoutJavadocShowsOnlyItsSignature() {
        String cell = "new Linear(2, 3, new Rng(1)).forward(";
        assertEquals("Tensor Linear.forward(Tensor x)", assist.inspect(cell, cell.length()));
    }

    @Test
    void otherClassesAreUnaffected() {
        String doc = assist.inspect("Math.max(1, 2)", 6);
        assertTrue(doc.startsWith("int Math.max(int a, int b)"), doc);
        assertFalse(doc.contains("    "), "no Javadoc line without the JDK's src.zip: " + doc);
        shell.eval("class Box { Box(int size) {} int size() { return 0; } }");
        assertEquals("Box(int size)", assist.inspect("new Box(", 8));
        assertNull(SourceDocs.javadoc("int Box.size()", t -> "REPL.Box"));
    }

    @Test
    void parameterTypesAreComparedBySimpleErasedName() {
        assertEquals("double,Rng,int[],List,double[][]",
                SourceDocs.paramTypes("double start, nnlab.Rng rng, int... shape, java.util.List l, final double [] [] m"));
        assertEquals("Tensor Tensor.add(Tensor o)", SourceDocs.eraseGenerics("Tensor Tensor.add(Tensor o)"));
        assertEquals("List Net.params()", SourceDocs.eraseGenerics("List<Map<String, List<Param>>> Net.params()"));
    }
}
