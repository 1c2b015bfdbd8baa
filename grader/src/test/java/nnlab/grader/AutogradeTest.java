package nnlab.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Grades every fixture submission once with the kernel's real evaluator (5 s per cell, 2 jobs). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AutogradeTest {

    static final Path SUBMITTED = MergeTest.FIXTURE.resolve("submitted");

    @TempDir
    static Path out;

    Autograde.Run run;
    Map<String, String> before;
    String console;

    static Autograde.Settings settings(Path out, PrintStream console) {
        Runner.Options o = Runner.Options.defaults().withTimeout(5)
                .withUserVmOptions(List.of("-Xmx128m", "-XX:+UseSerialGC"));
        return new Autograde.Settings(ReleaseTest.SOURCE, SUBMITTED, out, 2, o, "2026-11-30", false, console);
    }

    @BeforeAll
    void gradeAll() throws Exception {
        before = hashes(SUBMITTED);
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        run = Autograde.run(settings(out, new PrintStream(buf, true, "UTF-8")));
        console = buf.toString("UTF-8");
    }

    private StudentResult student(String id) {
        return run.results().stream().filter(r -> r.studentId().equals(id)).findFirst().orElseThrow();
    }

    private static void assertCell(StudentResult r, String gradeId, Double points, String message) {
        StudentResult.CellGrade g = r.cell(gradeId);
        assertEquals(points, g.points(), r.studentId() + " " + gradeId + ": " + g.message());
        assertTrue(g.message().startsWith(message), r.studentId() + " " + gradeId + ": " + g.message());
    }

    @Test
    void fullMarks() {
        StudentResult r = student("alice");
        assertEquals(7.0, r.score());
        assertEquals(8.0, r.maxScore());
        assertCell(r, "square_tests", 2.0, "passed");
        assertCell(r, "mean_tests", 3.0, "passed");
        assertCell(r, "clip_tests", 2.0, "passed");
        assertTrue(r.cell("clip_tests").stderr().contains("a note on stderr"), "stderr alone does not fail a cell");
        assertCell(r, "explain", null, "to be graded by hand");
        assertEquals(List.of(), r.issues());
    }

    @Test
    void partialCreditHugeOutputAndDuplicatedCell() {
        StudentResult r = student("bob");
        assertEquals(3.5, r.score());
        assertCell(r, "mean_tests", 1.5, "partial credit: 1.5 of 3 points");
        assertCell(r, "clip_tests", 0.0, "java.lang.AssertionError: clipAll gave [-5, 0, 5]");
        assertCell(r, "explain", 0.0, "no answer written");
        assertEquals(List.of("cell 9 duplicates locked cell clip_tests; the copy was ignored"), r.issues());
        assertTrue(out.resolve("results/bob.json").toFile().length() < 200_000, "a 3 MB print stays out of results");
    }

    @Test
    void unimplementedEarnsZeroWithTheExceptionMessage() {
        StudentResult r = student("carol");
        assertEquals(0.0, r.score());
        for (String id : List.of("square_tests", "mean_tests", "clip_tests")) {
            assertCell(r, id, 0.0, "java.lang.UnsupportedOperationException: not implemented yet");
        }
    }

    @Test
    void infiniteLoopTimesOutAndLaterCellsStillCount() {
        StudentResult r = student("dave");
        assertEquals("graded", r.status());
        assertCell(r, "square_tests", 0.0, "timed out after 5 s");
        assertCell(r, "mean_tests", 3.0, "passed");
        assertEquals(5.0, r.score());
        assertEquals(List.of("notebook renamed to my work (1).ipynb (expected fixture.ipynb); graded it"), r.issues());
    }

    @Test
    void systemExitIsReportedAndGradingGoesOn() {
        StudentResult r = student("erin");
        assertCell(r, "mean_tests", 0.0, "the code called System.exit");
        assertCell(r, "clip_tests", 2.0, "passed");
        assertEquals(4.0, r.score());
    }

    @Test
    void outOfMemoryAndStackOverflowAreErrors() {
        assertCell(student("frank"), "clip_tests", 0.0, "java.lang.OutOfMemoryError");
        assertEquals(5.0, student("frank").score());
        assertCell(student("judy"), "square_tests", 0.0, "java.lang.StackOverflowError");
        assertEquals(5.0, student("judy").score());
    }

    @Test
    void tamperedTestCellIsRestoredAndCountsAgainstTheStudent() {
        StudentResult r = student("grace");
        assertCell(r, "square_tests", 0.0, "java.lang.AssertionError: square(3) should be 9, got 6.0");
        assertEquals(List.of("test cell square_tests was modified (checksum mismatch); the original was restored"),
                r.issues());
        assertEquals(5.0, r.score());
    }

    @Test
    void deletedCellsAreGradedAsReleased() {
        StudentResult r = student("heidi");
        assertCell(r, "mean_tests", 0.0, "CompilationException: cannot find symbol (symbol: method mean(double[]))");
        assertCell(r, "clip_tests", 2.0, "passed");
        assertEquals(4.0, r.score());
        assertEquals(List.of("solution cell mean was deleted; its code is missing",
                "test cell clip_tests was deleted; restored from the source"), r.issues());
    }

    @Test
    void corruptJsonFailsWithAReasonAndZero() {
        StudentResult r = student("ivan");
        assertEquals("failed", r.status());
        assertTrue(r.failure().startsWith("fixture.ipynb: not valid JSON ("), r.failure());
        assertEquals(0.0, r.score());
    }

    @Test
    void writesCsvJsonFeedbackAndASummary() throws IOException {
        List<String> csv = Files.readAllLines(out.resolve("grades.csv"));
        assertEquals("assignment,duedate,timestamp,student_id,last_name,first_name,email,raw_score,"
                + "late_submission_penalty,score,max_score,square_tests,mean_tests,clip_tests,explain", csv.get(0));
        assertEquals(11, csv.size());
        assertTrue(csv.get(2).matches("fixture,2026-11-30,[^,]+,bob,,,,3\\.5,0\\.0,3\\.5,8\\.0,2\\.0,1\\.5,0\\.0,0\\.0"),
                csv.get(2));
        String html = Files.readString(out.resolve("feedback/carol.html"));
        assertTrue(html.contains("not implemented yet") && html.contains("0 / 2 points"), html);
        assertTrue(!Files.readString(out.resolve("feedback/alice.html")).contains("square(-2)"), "hidden tests stay hidden");
        assertTrue(Files.readString(out.resolve("grades.json")).contains("\"studentId\": \"judy\""));
        assertTrue(console.contains("] 10/10"), console);
        String summary = Reports.summary(run.assignment(), run.results(), run.millis(), 2, 0);
        assertTrue(summary.contains("Graded 10 submissions of fixture (max 8 points)"), summary);
        assertTrue(summary.contains("mean 3.85, min 0.00 (carol), max 7.00 (alice)"), summary);
        assertTrue(summary.contains("square_tests 5/10 mean_tests 5/10 clip_tests 4/10"), summary);
    }

    @Test
    void submissionsAreNeverModified() throws IOException {
        assertEquals(before, hashes(SUBMITTED));
    }

    @Test
    void aRerunResumesFromTheResultsAlreadyWritten() throws Exception {
        Path copy = Files.createDirectories(out.resolveSibling(out.getFileName() + "-resume"));
        for (Path p : List.of(Path.of("results"), Path.of("feedback"))) {
            Files.createDirectories(copy.resolve(p));
            try (Stream<Path> files = Files.list(out.resolve(p))) {
                for (Path f : files.toList()) {
                    Files.copy(f, copy.resolve(p).resolve(f.getFileName()));
                }
            }
        }
        Files.delete(copy.resolve("results/carol.json"));            // as if the run had crashed before carol
        Autograde.Run again = Autograde.run(settings(copy, null));
        assertEquals(9, again.resumed());
        assertEquals(0.0, again.results().stream().filter(r -> r.studentId().equals("carol")).findFirst()
                .orElseThrow().score());
        assertEquals(Files.readString(out.resolve("grades.csv")), Files.readString(copy.resolve("grades.csv")));
    }

    static Map<String, String> hashes(Path dir) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                m.put(dir.relativize(p).toString(), Autograde.sha256(Files.readAllBytes(p))
                        + Files.getLastModifiedTime(p));
            }
        }
        return m;
    }
}
