package nnlab.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunnerTest {

    @TempDir
    Path tmp;

    private Runner.Options withJava(Path java, int timeout, int margin) {
        Runner.Options d = Runner.Options.defaults();
        return new Runner.Options(java, d.kernelClasspath(), null, List.of(), d.userVmOptions(), timeout,
                d.maxOutputChars(), margin);
    }

    private Path script(String body) throws IOException {
        Path s = tmp.resolve("fake-java");
        Files.writeString(s, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(s, PosixFilePermissions.fromString("rwx------"));
        return s;
    }

    @Test
    void studentCodeRunsInItsOwnTemporaryFolder() throws Exception {
        Path work = Files.createDirectories(tmp.resolve("work"));
        Runner.Outcome o = new Runner(Runner.Options.defaults().withTimeout(10)).run(List.of(
                "System.getProperty(\"user.dir\")", "new java.io.File(\".\").list().length",
                "System.getProperty(\"java.io.tmpdir\")", "String.join(\",\", new java.util.TreeSet<>(System.getenv().keySet()))"),
                work);
        assertTrue(o.completed(), o.failure());
        assertEquals(work.toString(), o.cells().get(0).value().replace("\"", ""));
        assertEquals(1.0, o.cells().get(1).number(), "only the tmp folder the grader made");
        assertEquals(work.resolve("tmp").toString(), o.cells().get(2).value().replace("\"", ""));
        assertTrue(o.peakRss() > 0, "memory is sampled");
        for (String var : o.cells().get(3).value().replace("\"", "").split(",")) {
            assertTrue(Set.of("PATH", "LANG", "LC_ALL", "TZ", "JAVA_HOME", "HOME", "TMPDIR").contains(var)
                    || var.startsWith("NNLAB_"), "student code sees only a reduced environment, not " + var);
        }
    }

    @Test
    void processesStudentCodeLeavesBehindAreKilled() throws Exception {
        Runner.Outcome o = new Runner(Runner.Options.defaults().withTimeout(10)).run(List.of(
                "new ProcessBuilder(\"sleep\", \"300\").start().pid()", "Thread.sleep(700);"),
                Files.createDirectories(tmp.resolve("w")));
        assertTrue(o.completed(), o.failure());
        long pid = o.cells().get(0).number().longValue();
        long until = System.nanoTime() + 5_000_000_000L;
        while (running(pid) && System.nanoTime() < until) {
            Thread.sleep(100);
        }
        assertFalse(running(pid), "sleep " + pid + " survived");
    }

    /** Alive and not a zombie waiting to be reaped. */
    private static boolean running(long pid) throws IOException {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        if (!Files.exists(stat)) {
            return false;
        }
        String s = Files.readString(stat);
        return !s.substring(s.lastIndexOf(')') + 2).startsWith("Z");
    }

    @Test
    void aHungEvaluatorIsKilledAtTheOverallDeadline() throws Exception {
        Runner r = new Runner(withJava(script("sleep 60"), 1, 1));
        long t0 = System.nanoTime();
        Runner.Outcome o = r.run(List.of("1", "2"), Files.createDirectories(tmp.resolve("w")));
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertFalse(o.completed());
        assertEquals("the evaluator did not finish within 3 s (cells x timeout + margin) and was killed after 0 of 2"
                + " cells", o.failure());
        assertTrue(seconds < 15, "killed in " + seconds + " s");
    }

    @Test
    void onlyOneResultPerCellInOrderIsTaken() throws Exception {
        Runner r = new Runner(withJava(script("cat >/dev/null; echo '{\"cell\": 1, \"status\": \"ok\"}'; "
                + "echo '{\"cell\": 0, \"status\": \"error\", \"ename\": \"E\"}'; "
                + "echo '{\"cell\": 0, \"status\": \"ok\"}'; echo 'noise'; "
                + "echo '{\"cell\": 1, \"status\": \"timeout\"}'"), 5, 5));
        Runner.Outcome o = r.run(List.of("1", "2"), Files.createDirectories(tmp.resolve("w")));
        assertTrue(o.completed(), o.failure());
        assertEquals(List.of("error", "timeout"), o.cells().stream().map(CellResult::status).toList());
    }

    @Test
    void anEvaluatorThatDiesMidwayReportsWhatItGot() throws Exception {
        Runner r = new Runner(withJava(script("cat >/dev/null; echo '{\"cell\": 0, \"status\": \"ok\"}'; "
                + "echo 'boom' >&2; exit 3"), 5, 5));
        Runner.Outcome o = r.run(List.of("1", "2"), Files.createDirectories(tmp.resolve("w")));
        assertFalse(o.completed());
        assertEquals(1, o.cells().size());
        assertEquals("the evaluator stopped after 1 of 2 cells (exit code 3): boom", o.failure());
    }
}
