package nnlab.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class RegionsTest {

    @Test
    void stubInAMethodThatEndsWithTheRegionIsAPlainThrow() {
        String src = "int f() {\n  // BEGIN SOLUTION\n  return 1;\n  // END SOLUTION\n}\n";
        assertEquals("int f() {\n  // YOUR CODE HERE\n  " + Regions.STUB + "\n}\n", Regions.release(src, true));
    }

    @Test
    void stubBeforeMoreStatementsKeepsThemReachable() {
        String src = "int f() {\n  int y;\n  // BEGIN SOLUTION\n  y = 2;\n  // END SOLUTION\n  return y;\n}\n";
        assertEquals("int f() {\n  int y;\n  // YOUR CODE HERE\n  if (true) " + Regions.STUB + "\n  return y;\n}\n",
                Regions.release(src, true));
    }

    @Test
    void regionInAClassBodyGetsNoThrow() {
        String src = "class Net {\n  // BEGIN SOLUTION\n  double lr = 0.1;\n  // END SOLUTION\n}\n";
        assertEquals("class Net {\n  // YOUR CODE HERE\n}\n", Regions.release(src, true));
        String anon = "Runnable r = new Runnable() {\n  // BEGIN SOLUTION\n  public void run() {}\n  // END SOLUTION\n};\n";
        assertEquals("Runnable r = new Runnable() {\n  // YOUR CODE HERE\n};\n", Regions.release(anon, true));
    }

    @Test
    void topLevelRegionThrowsAndBracesInStringsAndCommentsAreIgnored() {
        String src = "String s = \"{\"; // {\n/* { */\n// BEGIN SOLUTION\ndouble lr = 0.1;\n// END SOLUTION\n";
        assertEquals("String s = \"{\"; // {\n/* { */\n// YOUR CODE HERE\n" + Regions.STUB + "\n",
                Regions.release(src, true));
    }

    @Test
    void hiddenTestsVanishAndMarkdownAnswersAreReplaced() {
        assertEquals("a();\nc();\n", Regions.release("a();\n// BEGIN HIDDEN TESTS\nb();\n// END HIDDEN TESTS\nc();\n", true));
        assertEquals("Q?\nYOUR ANSWER HERE\n", Regions.release("Q?\nBEGIN SOLUTION\nBecause.\nEND SOLUTION\n", false));
    }

    @Test
    void unbalancedMarkersAreReportedWithLines() {
        assertEquals(List.of("line 2: BEGIN SOLUTION inside BEGIN SOLUTION opened at line 1"),
                Regions.check("// BEGIN SOLUTION\n// BEGIN SOLUTION\n// END SOLUTION\n", true));
        assertEquals(List.of("line 1: END SOLUTION without BEGIN SOLUTION"), Regions.check("// END SOLUTION\n", true));
        assertEquals(List.of("line 2: BEGIN HIDDEN TESTS without END HIDDEN TESTS"),
                Regions.check("x();\n// BEGIN HIDDEN TESTS\n", true));
        assertEquals(List.of(), Regions.check("BEGIN SOLUTION\ntext\nEND SOLUTION\n", false));
    }
}
