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
import nnlab.kernel.Confinement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunnerTest {

    @TempDir
    Path tmp;

    private Runner.Options withJava(Path java, int timeout, int margin) {
        Runner.Options d = Runner.Options.defaults();
        return new Runner.Options(java, d.kernelClasspath(), null, List.of(), d.userVmOptions(), timeout,
                d.maxOutputChars(), margin, d.confinement());
    }

    private Path script(String body) throws IOException {
        return script("fake-java", body);
    }

    private Path script(String name, String body) throws IOException {
        Path s = tmp.resolve(name);
        Files.writeString(s, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(s, PosixFilePermissions.fromString("rwx------"));
        return s;
    }

    /**
     * The runner's options, with a launcher prefix or without: with one ("launcher"), every student JVM is
     * started through a wrapper script that notes its arguments in {@code launched.txt} and execs them
     * (without the PWD that sh exports: the environment check below is about the grader's, not sh's).
     */
    private Runner.Options options(String launcher) throws IOException {
        Runner.Options o = Runner.Options.defaults().withTimeout(10);
        if (launcher.isEmpty()) {
            return o;
        }
        Path wrapper = script("launcher", "echo \"$@\" >> '" + tmp.resolve("launched.txt") + "'\nexec env -u PWD \"$@\"");
        return o.withConfinement(o.confinement().withLauncher(List.of(wrapper.toString())));
    }

    private void assertLaunchedThrough(String launcher, int times) throws IOException {
        Path log = tmp.resolve("launched.txt");
        if (launcher.isEmpty()) {
            assertFalse(Files.exists(log));
            return;
        }
        List<String> lines = Files.readAllLines(log);
        assertEquals(times, lines.size(), "student JVMs started through the launcher: " + lines);
        assertTrue(lines.get(0).contains("nnlab.kernel.agent.RemoteAgent"), lines.get(0));
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "launcher=''{0}''")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"", "launcher"})
    void studentCodeRunsInItsOwnTemporaryFolder(String launcher) throws Exception {
        Path work = Files.createDirectories(tmp.resolve("work"));
        Runner.Outcome o;
        try (Runner r = new Runner(options(launcher))) {
            o = r.run(List.of(
                "System.getProperty(\"user.dir\")", "new java.io.File(\".\").list().length",
                "System.getProperty(\"java.io.tmpdir\")", "String.join(\",\", new java.util.TreeSet<>(System.getenv().keySet()))",
                "System.getenv(\"HOME\") + \"|\" + System.getenv(\"TMPDIR\")"), work);
        }
        assertTrue(o.completed(), o.failure());
        assertEquals(work.toString(), o.cells().get(0).value().replace("\"", ""));
        assertEquals(1.0, o.cells().get(1).number(), "only the tmp folder the grader made");
        assertEquals(work.resolve("tmp").toString(), o.cells().get(2).value().replace("\"", ""));
        assertTrue(o.peakRss() > 0, "memory is sampled");
        for (String var : o.cells().get(3).value().replace("\"", "").split(",")) {
            assertTrue(Set.of("PATH", "LANG", "LC_ALL", "TZ", "JAVA_HOME", "HOME", "TMPDIR").contains(var)
                    || var.startsWith("NNLAB_"), "student code sees only a reduced environment, not " + var);
        }
        assertEquals(work + "|" + work.resolve("tmp"), o.cells().get(4).value().replace("\"", ""));
        assertLaunchedThrough(launcher, 1);
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "launcher=''{0}''")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"", "launcher"})
    void processesStudentCodeLeavesBehindAreKilled(String launcher) throws Exception {
        // the Guard's kill without the sandbox (host pids); in the sandbox: AdversarialTest's a06-detached
        Runner.Outcome o;
        try (Runner r = new Runner(options(launcher).withoutSandbox())) {
            o = r.run(List.of("new ProcessBuilder(\"sleep\", \"300\").start().pid()", "Thread.sleep(700);"),
                    Files.createDirectories(tmp.resolve("w")));
        }
        assertTrue(o.completed(), o.failure());
        long pid = o.cells().get(0).number().longValue();
        long until = System.nanoTime() + 5_000_000_000L;
        while (running(pid) && System.nanoTime() < until) {
            Thread.sleep(100);
        }
        assertFalse(running(pid), "sleep " + pid + " survived");
        assertLaunchedThrough(launcher, 1);
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
    void anEvaluatorThatNeverAnswersIsKilledAtTheOverallDeadline() throws Exception {
        try (Runner r = new Runner(withJava(script("sleep 60"), 1, 1))) {
            long t0 = System.nanoTime();
            Runner.Outcome o = r.run(List.of("1", "2"), Files.createDirectories(tmp.resolve("w")));
            double seconds = (System.nanoTime() - t0) / 1e9;
            assertFalse(o.completed());
            assertEquals("the evaluator did not finish within 3 s (cells x timeout + margin) and was killed after 0"
                    + " of 2 cells", o.failure());
            assertTrue(seconds < 15, "killed in " + seconds + " s");
        }
    }

    @Test
    void onlyOneResultPerCellInOrderIsTaken() throws Exception {
        try (Runner r = new Runner(withJava(script("read -r l; echo '{\"cell\": 1, \"status\": \"ok\"}'; "
                + "echo '{\"cell\": 0, \"status\": \"error\", \"ename\": \"E\"}'; "
                + "echo '{\"cell\": 0, \"status\": \"ok\"}'; echo 'noise'; "
                + "echo '{\"cell\": 1, \"status\": \"timeout\"}'; echo '{\"end\": true, \"cells\": 2, \"error\": null}';"
                + " cat >/dev/null"), 5, 5))) {
            Runner.Outcome o = r.run(List.of("1", "2"), Files.createDirectories(tmp.resolve("w")));
            assertTrue(o.completed(), o.failure());
            assertEquals(List.of("error", "timeout"), o.cells().stream().map(CellResult::status).toList());
        }
    }

    @Test
    void anEndLineBeforeAllCellsOrWithAnErrorIsAFailure() throws Exception {
        try (Runner r = new Runner(withJava(script("read -r l; echo '{\"cell\": 0, \"status\": \"ok\"}';"
                + " echo '{\"end\": true, \"cells\": 1, \"error\": null}'; read -r l;"
                + " echo '{\"end\": true, \"cells\": 0, \"error\": \"bad request line: x\"}'; cat >/dev/null"), 5, 5))) {
            Runner.Outcome short1 = r.run(List.of("1", "2"), Files.createDirectories(tmp.resolve("a")));
            assertEquals("the evaluator stopped after 1 of 2 cells", short1.failure());
            Runner.Outcome bad = r.run(List.of("1"), Files.createDirectories(tmp.resolve("b")));
            assertEquals("bad request line: x", bad.failure(), "the same process answered the second request");
        }
    }

    @Test
    void theRequestCarriesTheConfinementOfTheRun() throws Exception {
        Path seen = tmp.resolve("request.json");
        Runner.Options o = withJava(script("read -r l; echo \"$l\" > '" + seen + "';"
                + " echo '{\"end\": true, \"cells\": 0, \"error\": null}'; cat >/dev/null"), 5, 5);
        Path work = Files.createDirectories(tmp.resolve("w"));
        try (Runner r = new Runner(o.withConfinement(o.confinement().withLauncher(List.of("bwrap", "--"))))) {
            r.run(List.of(), work);
        }
        com.google.gson.JsonObject req = com.google.gson.JsonParser.parseString(Files.readString(seen)).getAsJsonObject();
        assertEquals(o.confinement().inDir(work).withLauncher(List.of("bwrap", "--")), Confinement.readFrom(req));
        assertEquals(nnlab.kernel.Sandbox.GRADER, Confinement.readFrom(req).sandbox(), "sandboxed by default");
    }

    @Test
    void aRunnerKeepsItsProcessButGivesEachRunAFreshStudentJvm() throws Exception {
        // host pids: without the sandbox (whose PID namespace gives every JVM the same small pid)
        String pids = "ProcessHandle.current().pid() + \"|\" + ProcessHandle.current().parent().get().pid()";
        try (Runner r = new Runner(Runner.Options.defaults().withTimeout(3).withoutSandbox())) {
            Runner.Outcome a = r.run(List.of("int x = 7;", pids, "System.exit(1);", "while (true) { }"),
                    Files.createDirectories(tmp.resolve("a")));
            Runner.Outcome b = r.run(List.of("x", pids, "5 * 5"), Files.createDirectories(tmp.resolve("b")));
            assertTrue(a.completed(), a.failure());
            assertTrue(b.completed(), b.failure());
            assertEquals(List.of("ok", "ok", "exit", "timeout"), a.cells().stream().map(CellResult::status).toList());
            assertEquals("error", b.cells().get(0).status(), "x from the first run is not visible in the second");
            String[] pa = a.cells().get(1).value().replace("\"", "").split("\\|");
            String[] pb = b.cells().get(1).value().replace("\"", "").split("\\|");
            assertFalse(pa[0].equals(pb[0]), "each run has a student JVM of its own");
            assertEquals(pa[1], pb[1], "one CellRunner process served both runs");
            assertEquals(25.0, b.cells().get(2).number());
        }
    }

    /** A stand-in for {@code CellRunner --many}: hangs on a request with "hang", dies on "die", else answers. */
    private Path fakeMany() throws IOException {
        return script("while read -r l; do case \"$l\" in *hang*) sleep 60;; *die*) echo '{\"cell\": 0, \"status\": \"ok\"}';"
                + " echo 'boom' >&2; exit 3;; *) echo '{\"cell\": 0, \"status\": \"ok\"}';"
                + " echo '{\"end\": true, \"cells\": 1, \"error\": null}';; esac; done");
    }

    @Test
    void aHungRunnerIsKilledAndTheNextRunStartsANewOne() throws Exception {
        try (Runner r = new Runner(withJava(fakeMany(), 1, 1))) {
            long t0 = System.nanoTime();
            Runner.Outcome hung = r.run(List.of("hang", "2"), Files.createDirectories(tmp.resolve("h")));
            assertTrue((System.nanoTime() - t0) / 1e9 < 15, "killed at the deadline");
            assertFalse(hung.completed());
            assertEquals("the evaluator did not finish within 3 s (cells x timeout + margin) and was killed after 0 of 2"
                    + " cells", hung.failure());
            Runner.Outcome next = r.run(List.of("1"), Files.createDirectories(tmp.resolve("n")));
            assertTrue(next.completed(), next.failure());
            assertEquals(1, next.cells().size());
        }
    }

    @Test
    void aRunnerThatDiesMidwayReportsWhatItGotAndIsReplaced() throws Exception {
        try (Runner r = new Runner(withJava(fakeMany(), 5, 5))) {
            Runner.Outcome died = r.run(List.of("die", "2"), Files.createDirectories(tmp.resolve("d")));
            assertFalse(died.completed());
            assertEquals(1, died.cells().size());
            assertEquals("the evaluator stopped after 1 of 2 cells (exit code 3): boom", died.failure());
            Runner.Outcome next = r.run(List.of("1"), Files.createDirectories(tmp.resolve("n")));
            assertTrue(next.completed(), next.failure());
        }
    }
}
