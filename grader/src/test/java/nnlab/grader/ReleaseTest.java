package nnlab.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReleaseTest {

    static final Path SOURCE = Path.of("src/test/resources/fixture/source/fixture.ipynb");

    @TempDir
    Path tmp;

    private Notebook releaseFixture() throws IOException {
        assertEquals(0, Grade.run("release", SOURCE.toString(), "--out", tmp.toString()));
        return Notebook.read(tmp.resolve("fixture.ipynb"));
    }

    @Test
    void releasedCellsReadCellByCell() throws IOException {
        List<Cell> cells = releaseFixture().cells();
        assertEquals(10, cells.size());
        assertEquals("# Fixture assignment\n\nThree small exercises and one written answer.\n", cells.get(0).source());
        assertEquals("import java.util.*;\ndouble[] xs = {1, 2, 3, 4};\n", cells.get(1).source());
        assertEquals("double square(double x) {\n    // YOUR CODE HERE\n"
                + "    throw new UnsupportedOperationException(\"not implemented yet\");\n}\n", cells.get(2).source());
        assertEquals("if (square(3) != 9.0) throw new AssertionError(\"square(3) should be 9, got \" + square(3));\n",
                cells.get(3).source());
        assertEquals("double mean(double[] v) {\n    double total = 0;\n    // YOUR CODE HERE\n"
                + "    if (true) throw new UnsupportedOperationException(\"not implemented yet\");\n"
                + "    return total / v.length;\n}\n", cells.get(4).source());
        assertEquals("double credit = 0;\nif (Math.abs(mean(xs) - 2.5) < 1e-12) credit += 1.5;\ncredit\n",
                cells.get(5).source());
        assertEquals("int[] clipAll(int[] v, int lo, int hi) {\n    // YOUR CODE HERE\n"
                + "    throw new UnsupportedOperationException(\"not implemented yet\");\n}\n", cells.get(6).source());
        assertFalse(cells.get(7).source().contains("HIDDEN"), "hidden tests must be removed");
        assertFalse(cells.get(7).source().contains("empty array"), "hidden test body must be removed");
        assertTrue(cells.get(7).source().startsWith("int[] c = clipAll(new int[] {-5, 0, 5}, -1, 1);\n"));
        assertEquals("Why is `square(x)` never negative?\n", cells.get(8).source());
        assertEquals("YOUR ANSWER HERE\n", cells.get(9).source());
    }

    @Test
    void outputsAreClearedAndChecksumsMatchNbgradersAlgorithm() throws IOException {
        List<Cell> cells = releaseFixture().cells();
        for (Cell c : cells) {
            if (c.isCode()) {
                assertEquals(0, c.json().getAsJsonArray("outputs").size(), c.describe());
                assertTrue(c.json().get("execution_count").isJsonNull(), c.describe());
            }
            assertEquals(Checksum.of(c), c.checksum(), c.describe());
            assertEquals(3, c.nbgrader().get("schema_version").getAsInt());
        }
        // md5 values computed independently with Python's hashlib following nbgrader.utils.compute_checksum
        assertEquals("fef020bcd8c8dddb1e415107636682e0", cells.get(2).checksum());
        assertEquals("3509a99ed7ad8ba28714bba0cde3be34", cells.get(3).checksum());
        assertEquals("620fd5d75b52dcd61826066547fba5d3", cells.get(9).checksum());
        assertFalse(cells.get(3).metadata().get("editable").getAsBoolean(), "test cells are not editable");
        assertNull(cells.get(2).metadata().get("editable"), "solution cells stay editable");
    }

    @Test
    void committedReleasedFixtureIsWhatReleaseWrites() throws IOException {
        String expected = Files.readString(Path.of("src/test/resources/fixture/released/fixture.ipynb"));
        assertEquals(expected, releaseFixture().toJson());
    }

    @Test
    void solutionCellsWithoutMarkersAreReplacedWholeAsNbgraderDoes() throws IOException {
        String nb = Files.readString(SOURCE)
                .replace("\"    // BEGIN SOLUTION\\n\",\n    \"    return x * x;\\n\",\n    \"    // END SOLUTION\\n\",",
                        "\"    return x * x;\\n\",")
                .replace("\"BEGIN SOLUTION\\n\",", "").replace("\"END SOLUTION\\n\"", "\"\"");
        Path file = tmp.resolve("nomarkers.ipynb");
        Files.writeString(file, nb);
        List<Cell> cells = Assignment.load(file).released().cells();
        assertEquals("// YOUR CODE HERE\n" + Regions.STUB + "\n", cells.get(2).source());
        assertEquals("YOUR ANSWER HERE\n", cells.get(9).source());
    }

    @Test
    void refusesDuplicateGradeIdsWithFileAndCell() throws IOException {
        String nb = Files.readString(SOURCE).replace("\"grade_id\": \"clip\"", "\"grade_id\": \"mean\"");
        AssignmentException e = refuse(nb);
        assertEquals(List.of("bad.ipynb: cell 6 (grade_id mean): duplicate grade_id 'mean' (first used by cell 4)"),
                e.problems());
    }

    @Test
    void refusesUnbalancedMarkersWithLine() throws IOException {
        String nb = Files.readString(SOURCE).replace("\"    // END SOLUTION\\n\",\n    \"    return total",
                "\"    return total");
        AssignmentException e = refuse(nb);
        assertEquals(List.of("bad.ipynb: cell 4 (grade_id mean), line 3: BEGIN SOLUTION without END SOLUTION"),
                e.problems());
        String hidden = Files.readString(SOURCE).replace("\"// BEGIN HIDDEN TESTS\\n\",\n    \"if (square(-2)",
                "\"if (square(-2)");
        assertEquals(List.of("bad.ipynb: cell 3 (grade_id square_tests), line 3: END HIDDEN TESTS without "
                + "BEGIN HIDDEN TESTS"), refuse(hidden).problems());
    }

    @Test
    void refusesGradeCellWithoutPoints() throws IOException {
        String nb = Files.readString(SOURCE).replaceAll(",\\s*\"points\": 3", "");
        AssignmentException e = refuse(nb);
        assertEquals(List.of("bad.ipynb: cell 5 (grade_id mean_tests): grade cell without points; expected "
                + "\"points\": a number >= 0"), e.problems());
    }

    @Test
    void releaseCommandWritesNothingWhenTheSourceIsBad() throws IOException {
        Path bad = tmp.resolve("bad.ipynb");
        Files.writeString(bad, Files.readString(SOURCE).replaceAll(",\\s*\"points\": 3", ""));
        Path out = tmp.resolve("out");
        assertEquals(2, Grade.run("release", bad.toString(), "--out", out.toString()));
        assertFalse(Files.exists(out.resolve("bad.ipynb")));
    }

    private AssignmentException refuse(String notebookText) throws IOException {
        Path bad = tmp.resolve("bad.ipynb");
        Files.writeString(bad, notebookText);
        return assertThrows(AssignmentException.class, () -> Assignment.load(bad));
    }
}
