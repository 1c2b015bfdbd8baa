package nnlab.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Honest submissions get the same grades, cell by cell, with and without the sandbox. */
class SandboxEquivalenceTest {

    static final List<String> STUDENTS = List.of("alice", "bob", "erin", "judy");

    @Test
    void theSandboxChangesNoHonestGrade(@TempDir Path tmp) throws Exception {
        Path subs = Files.createDirectories(tmp.resolve("submitted"));
        for (String s : STUDENTS) {
            Path to = Files.createDirectories(subs.resolve(s));
            try (var files = Files.list(AutogradeTest.SUBMITTED.resolve(s))) {
                for (Path f : files.toList()) {
                    Files.copy(f, to.resolve(f.getFileName()));
                }
            }
        }
        Runner.Options o = Runner.Options.defaults().withTimeout(5).withUserVmOptions(List.of("-Xmx128m", "-XX:+UseSerialGC"));
        Map<String, String> with = grades(subs, tmp.resolve("with"), o);
        Map<String, String> without = grades(subs, tmp.resolve("without"), o.withoutSandbox());
        assertEquals(without, with);
        assertEquals(STUDENTS, List.copyOf(with.keySet()));
    }

    @Test
    void aLargeHeapRaisesTheSandboxsAddressSpaceCap() {
        nnlab.kernel.Confinement c = Runner.Options.defaults().confinement();
        assertEquals(c, Grade.withRoomFor(c, "512m"), "512m fits the default 6 GiB");
        assertEquals(12L << 30, Grade.withRoomFor(c, "8g").sandbox().addressBytes(), "8 GiB heap + 4 GiB");
        assertEquals(null, Grade.withRoomFor(c.withSandbox(null), "8g").sandbox());
    }

    /** Student id to "score; grade_id points message; ..." of one run. */
    private static Map<String, String> grades(Path subs, Path out, Runner.Options o) throws Exception {
        Autograde.Run run = Autograde.run(new Autograde.Settings(ReleaseTest.SOURCE, subs, out, 2, o, null, true, null));
        Map<String, String> g = new TreeMap<>();
        for (StudentResult r : run.results()) {
            StringBuilder b = new StringBuilder(r.status() + " " + r.score());
            for (StudentResult.CellGrade c : r.cells()) {
                b.append("; ").append(c.gradeId()).append(' ').append(c.points()).append(' ').append(c.message());
            }
            g.put(r.studentId(), b.toString());
        }
        return g;
    }
}
