package nnlab.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class MergeTest {

    static final Path FIXTURE = Path.of("src/test/resources/fixture");

    private static Merge.Plan plan(String submission) throws IOException {
        Assignment a = Assignment.load(FIXTURE.resolve("source/fixture.ipynb"));
        return Merge.plan(a, Notebook.read(FIXTURE.resolve("submitted").resolve(submission)));
    }

    @Test
    void fullSubmissionRunsStudentCodeWithHiddenTestsAndHasNoIssues() throws IOException {
        Merge.Plan p = plan("alice/fixture.ipynb");
        assertEquals(List.of(), p.issues());
        List<String> code = p.codeCells();
        assertEquals(7, code.size());
        assertTrue(code.get(1).contains("return x * x;"), code.get(1));
        assertTrue(code.get(2).contains("BEGIN HIDDEN TESTS") && code.get(2).contains("square(-2)"), code.get(2));
        assertEquals(2, p.codeIndex("square_tests"));
        assertEquals("Because x*x = |x|^2 >= 0 for every real x.\n", p.answers().get("explain"));
    }

    @Test
    void tamperedTestCellIsRestoredAndReported() throws IOException {
        Merge.Plan p = plan("grace/fixture.ipynb");
        assertEquals(List.of("test cell square_tests was modified (checksum mismatch); the original was restored"),
                p.issues());
        assertTrue(p.codeCells().get(p.codeIndex("square_tests")).startsWith("if (square(3) != 9.0)"));
    }

    @Test
    void deletedCellsAreRestoredOrStubbedAndReported() throws IOException {
        Merge.Plan p = plan("heidi/fixture.ipynb");
        assertEquals(List.of("solution cell mean was deleted; its code is missing",
                "test cell clip_tests was deleted; restored from the source"), p.issues());
        assertEquals(-1, p.codeIndex("mean"));
        assertEquals(6, p.codeCells().size());
        assertTrue(p.codeCells().get(p.codeIndex("clip_tests")).contains("empty array"), "hidden tests restored");
    }

    @Test
    void aSolutionCellWhoseMetadataWasStrippedStillRunsInItsPlace() throws IOException {
        Assignment a = Assignment.load(FIXTURE.resolve("source/fixture.ipynb"));
        Notebook nb = Notebook.read(FIXTURE.resolve("submitted/alice/fixture.ipynb"));
        nb.cells().get(2).metadata().remove("nbgrader");
        Merge.Plan p = Merge.plan(a, nb);
        assertEquals(List.of("solution cell square was deleted; its code is missing"), p.issues());
        assertTrue(p.codeCells().get(1).contains("return x * x;"), p.codeCells().get(1));
        assertEquals(2, p.codeIndex("square_tests"));
    }

    @Test
    void editedPointsCountAsTamperingAndTheSourcesPointsStand() throws IOException {
        Assignment a = Assignment.load(FIXTURE.resolve("source/fixture.ipynb"));
        Notebook nb = Notebook.read(FIXTURE.resolve("submitted/alice/fixture.ipynb"));
        nb.cells().get(3).nbgrader().addProperty("points", 100);
        nb.cells().get(2).nbgrader().addProperty("grade", true);
        Merge.Plan p = Merge.plan(a, nb);
        assertEquals(List.of("solution cell square had its nbgrader metadata edited; the source's points were used",
                "test cell square_tests was modified (checksum mismatch); the original was restored"), p.issues());
        assertEquals(8.0, a.maxScore());
    }

    @Test
    void duplicatedTestCellIsDroppedAndAddedCellsRunWhereTheStudentPutThem() throws IOException {
        Merge.Plan p = plan("bob/fixture.ipynb");
        assertEquals(List.of("cell 9 duplicates locked cell clip_tests; the copy was ignored"), p.issues());
        List<String> code = p.codeCells();
        assertEquals(8, code.size());
        assertTrue(code.get(2).contains("\"x\".repeat(3_000_000)"), "the added cell follows square: " + code.get(2));
        assertTrue(code.stream().noneMatch(c -> c.contains("my copy of the test")));
    }
}
