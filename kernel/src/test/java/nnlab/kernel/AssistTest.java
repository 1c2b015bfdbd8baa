package nnlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jdk.jshell.JShell;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Shift-Tab inside argument lists, Tab on variables of a cell that has not run, and completion kinds. */
class AssistTest {
    private static JShell shell;
    private static Assist assist;

    @BeforeAll
    static void startShell() {
        shell = LocalShell.withImports("nnlab", "nnlab.tensor", "nnlab.nn", "nnlab.plot");
        assist = new Assist(shell);
    }

    @AfterAll
    static void closeShell() {
        shell.close();
    }

    @Test
    void theOpenCallIsFoundPastLambdasCastsAndStrings() {
        assertEquals(8, CallSite.openParen("Math.max(1, ", 12));
        String contour = "Plots.contour((x, y) -> x * y, -1, 1, ";
        assertEquals(13, CallSite.openParen(contour, contour.length()), "the lambda's (x, y) is closed");
        assertEquals(8, CallSite.openParen("Math.max((int) 2.5, ", 20), "a cast's paren is closed");
        assertEquals(1, CallSite.openParen("f(\"(\", ", 7), "a paren in a string does not count");
        assertEquals(11, CallSite.openParen("a.b(1); c.d(", 12), "the earlier statement's call is closed");
        assertEquals(-1, CallSite.openParen("int x = (1 + ", 13), "a group paren follows no name");
        assertEquals(-1, CallSite.openParen("if (x > ", 8), "if is not a call");
        assertEquals(-1, CallSite.openParen("f(x -> { int y = 1; ", 20), "inside a lambda's block, not f's arguments");
    }

    @Test
    void shiftTabInsideAnArgumentListShowsTheEnclosingCall() {
        String cell = "var map = Plots.contour((x, y) -> x * y, -1, 1, ";
        String doc = assist.inspect(cell, cell.length());
        assertTrue(doc != null && doc.startsWith("FieldChart Plots.contour(java.util.function.DoubleBinaryOperator f, double xmin"), doc);
        String nested = "Math.max(1, Math.abs(-2), ";
        assertTrue(assist.inspect(nested, nested.length()).contains("max(int a, int b)"), assist.inspect(nested, nested.length()));
        assertTrue(assist.inspect("Math.max(Math.abs(", 18).contains("abs("), "the innermost open call");
        assertNull(assist.inspect("int x = (1 + ", 13));
    }

    @Test
    void tabKnowsVariablesDeclaredEarlierInTheSameCellBeforeItRuns() {
        String cell = "Tensor t = Tensor.zeros(3, 4);\nvar net = new Linear(4, 2, new Rng(1));\nt.resh";
        Assist.Completion c = assist.complete(cell, cell.length());
        assertTrue(c.matches().contains("reshape("), c.matches().toString());
        assertEquals(cell.length() - 4, c.start());
        String second = cell.replace("t.resh", "net.forw");
        assertTrue(assist.complete(second, second.length()).matches().contains("forward("), "var's type is inferred too");
        String name = cell.replace("t.resh", "ne");
        Assist.Completion n = assist.complete(name, name.length());
        assertTrue(n.matches().contains("net"), n.matches().toString());
        assertTrue(n.items().contains(new Assist.Item("net", "variable", "Linear")), n.items().toString());
    }

    @Test
    void matchesCarryTheirKind() {
        shell.eval("double rate = 0.5;");
        Assist.Completion m = assist.complete("Math.ma", 7);
        assertTrue(m.items().contains(new Assist.Item("max(", "method", "")), m.items().toString());
        Assist.Completion c = assist.complete("Tens", 4);
        assertTrue(c.items().contains(new Assist.Item("Tensor", "class", "")), c.items().toString());
        Assist.Completion v = assist.complete("rat", 3);
        assertTrue(v.items().contains(new Assist.Item("rate", "variable", "double")), v.items().toString());
        Assist.Completion f = assist.complete("Math.P", 6);
        assertTrue(f.items().contains(new Assist.Item("PI", "field", "")), f.items().toString());
        assertEquals(m.matches().size(), m.items().size(), "one item per match");
    }
}
