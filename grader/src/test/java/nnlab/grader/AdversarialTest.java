package nnlab.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Twelve attacking submissions, graded in one sandboxed run next to two honest students.
 *
 * <p>Each attack runs in the student's {@code square} cell and sets {@code leaked}, a bit mask of what it
 * managed; {@code square(x)} then returns {@code x * x} only when nothing leaked, so the restored test cell
 * {@code square_tests} passes exactly when the attack failed (and says "got 1001.0" when bit 1 succeeded).
 * Besides that: the honest students keep their grades, the grader finishes, nothing is left running, the
 * files outside stay as they were.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdversarialTest {

    @TempDir
    static Path tmp;

    Path source;
    Path submitted;
    Path out;
    ServerSocket listener;
    final AtomicInteger accepted = new AtomicInteger();
    Autograde.Run run;
    String console;

    /** The attacks by student id: Java statements that leave the bit mask in {@code leaked}. */
    Map<String, String> attacks() {
        String read = "boolean has(Path p, String s) { try { return Files.size(p) < 1_000_000 && !p.toString().endsWith(\".jar\") && !p.toString().endsWith(\".class\")"
                + " && Files.readString(p, java.nio.charset.StandardCharsets.ISO_8859_1).contains(s); }"
                + " catch (Throwable e) { return false; } }\n"
                + "boolean walk(Path root, String s) { try (var w = Files.walk(root, 12)) { return w.filter(p ->"
                + " !p.startsWith(\"/proc\") && !p.startsWith(\"/sys\") && !p.startsWith(\"/usr\") && !p.startsWith(\"/dev\")"
                + " && Files.isRegularFile(p)).anyMatch(p -> has(p, s)); } catch (Throwable e) { return false; } }\n"
                + "boolean procs(String s) { try (var ps = Files.list(Path.of(\"/proc\"))) { return ps.anyMatch(p ->"
                + " has(p.resolve(\"cmdline\"), s) || has(p.resolve(\"environ\"), s)); } catch (Throwable e) { return false; } }\n";
        Map<String, String> a = new LinkedHashMap<>();
        a.put("a01-source", read + "int leaked = (Files.exists(Path.of(\"" + source + "\")) ? 1 : 0)"
                + " | (procs(\"fixture.ipynb\") ? 2 : 0) | (walk(Path.of(\"/\"), \"BEGIN HIDDEN TESTS\") ? 4 : 0);");
        a.put("a02-submissions", read + "int leaked = (Files.exists(Path.of(\"" + submitted + "\")) ? 1 : 0)"
                + " | (walk(Path.of(\"/\"), \"grade_id\") ? 2 : 0);");
        a.put("a03-output", "int leaked = 0;\nfor (String f : new String[] {\"" + out.resolve("results/alice.json") + "\", \""
                + out.resolve("results/zed.json") + "\", \"" + out.resolve("grades.csv") + "\"}) {\n"
                + "  try { if (Files.isDirectory(Path.of(f).getParent())) { Files.writeString(Path.of(f), \"{\\\"score\\\": 0}\");"
                + " leaked |= 1; } } catch (Throwable e) { }\n}");
        a.put("a04-network", "int leaked = 0;\ntry (var s = new java.net.Socket()) { s.connect(new java.net.InetSocketAddress("
                + "\"127.0.0.1\", " + listener.getLocalPort() + "), 2000); leaked = 1; } catch (Throwable e) { }");
        a.put("a05-forkbomb", "int leaked = 0;\nvar kids = new ArrayList<Process>();\n"
                + "try { for (int i = 0; i < 5000; i++) kids.add(new ProcessBuilder(\"sleep\", \"30\").start()); leaked = 1; }"
                + " catch (Throwable e) { }\nkids.forEach(Process::destroyForcibly);");
        a.put("a06-detached", "int leaked = 0;\nnew ProcessBuilder(\"sh\", \"-c\", \"(setsid sleep 1000.4242 &) ; true\")"
                + ".start().waitFor();");
        a.put("a07-disk", "int leaked = 0;\nlong written = 0;\nbyte[] mb = new byte[1 << 20];\n"
                + "try (var o = Files.newOutputStream(Path.of(\"big.bin\"))) { while (written < (5L << 30)) { o.write(mb);"
                + " written += mb.length; } leaked = 1; } catch (Throwable e) { }\nFiles.deleteIfExists(Path.of(\"big.bin\"));");
        a.put("a08-native", "int leaked = 0;\nvar bufs = new ArrayList<java.nio.ByteBuffer>();\n"
                + "try { for (int i = 0; i < 160; i++) bufs.add(java.nio.ByteBuffer.allocateDirect(64 << 20)); leaked = 1; }"
                + " catch (Throwable e) { }\nbufs.clear();");
        a.put("a09-threads", "int leaked = 0;\nvar ts = new ArrayList<Thread>();\n"
                + "try { for (int i = 0; i < 10_000; i++) { Thread t = new Thread(() -> { try { Thread.sleep(60_000); }"
                + " catch (InterruptedException e) { } }); t.start(); ts.add(t); } leaked = 1; } catch (Throwable e) { }\n"
                + "ts.forEach(Thread::interrupt);");
        a.put("a10-hidden", read + "int leaked = (procs(\"should be 4\") ? 1 : 0) | (walk(Path.of(\"/\"), \"should be 4\") ? 2 : 0)"
                + " | (System.getenv().toString().contains(\"should be 4\") ? 4 : 0)"
                + " | (System.getProperties().toString().contains(\"should be 4\") ? 8 : 0);");
        a.put("a11-jars", "int leaked = 0;\nfor (String e : (System.getProperty(\"java.class.path\") + \":"
                + Path.of(System.getProperty("user.home"), ".m2", "repository") + "\").split(\":\")) {\n"
                + "  Path p = Path.of(e);\n  try { if (Files.isDirectory(p)) { Files.delete(Files.createFile(p.resolve(\"x.class\")));"
                + " leaked |= 1; } else { java.nio.channels.FileChannel.open(p, java.nio.file.StandardOpenOption.WRITE).close();"
                + " leaked |= 2; } } catch (Throwable t) { }\n}");
        a.put("a12-env", "var allowed = java.util.regex.Pattern.compile(\"(PATH|PWD|LANG|LC_ALL|TZ|JAVA_HOME|HOME|TMPDIR|NNLAB_.*)\");\n"
                + "int leaked = System.getenv().keySet().stream().allMatch(k -> allowed.matcher(k).matches()) ? 0 : 1;\n"
                + "try (var ps = Files.list(Path.of(\"/proc\"))) { for (Path p : ps.toList()) { try { for (String kv :"
                + " Files.readString(p.resolve(\"environ\"), java.nio.charset.StandardCharsets.ISO_8859_1).split(\"\\u0000\")) {"
                + " if (!kv.isEmpty() && !allowed.matcher(kv.split(\"=\")[0]).matches()) leaked |= 2; } } catch (Throwable t) { } } }");
        return a;
    }

    @BeforeAll
    void gradeTheAttacks() throws Exception {
        source = Files.createDirectories(tmp.resolve("course/source")).resolve("fixture.ipynb");
        Files.copy(ReleaseTest.SOURCE, source);
        submitted = Files.createDirectories(tmp.resolve("course/submitted"));
        out = tmp.resolve("course/graded");
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!listener.isClosed()) {
                try (var s = listener.accept()) {
                    accepted.incrementAndGet();
                } catch (java.io.IOException e) {
                    return;
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
        String alice = Files.readString(AutogradeTest.SUBMITTED.resolve("alice/fixture.ipynb"));
        for (String honest : List.of("alice", "zed")) {
            Files.writeString(Files.createDirectories(submitted.resolve(honest)).resolve("fixture.ipynb"), alice);
        }
        for (Map.Entry<String, String> e : attacks().entrySet()) {
            Files.writeString(Files.createDirectories(submitted.resolve(e.getKey())).resolve("fixture.ipynb"),
                    withSquareCell(alice, "import java.nio.file.*;\n" + e.getValue() + "\ndouble square(double x) { return leaked == 0 ? x * x : 1000 + leaked; }\n"));
        }
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        Runner.Options o = Runner.Options.defaults().withTimeout(20).withUserVmOptions(List.of("-Xmx128m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1"));
        run = Autograde.run(new Autograde.Settings(source, submitted, out, 2, o, null, false, new PrintStream(buf, true, "UTF-8")));
        console = buf.toString(StandardCharsets.UTF_8);
    }

    @AfterAll
    void closeListener() throws Exception {
        listener.close();
    }

    static String withSquareCell(String notebook, String code) {
        JsonObject nb = JsonParser.parseString(notebook).getAsJsonObject();
        for (var c : nb.getAsJsonArray("cells")) {
            JsonObject cell = c.getAsJsonObject();
            JsonObject meta = cell.getAsJsonObject("metadata").getAsJsonObject("nbgrader");
            if (meta != null && meta.get("grade_id").getAsString().equals("square")) {
                JsonArray src = new JsonArray();
                code.lines().forEach(l -> src.add(l + "\n"));
                cell.add("source", src);
            }
        }
        return nb.toString();
    }

    StudentResult student(String id) {
        return run.results().stream().filter(r -> r.studentId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void everyAttackFailsAndItsSubmissionIsStillGraded() {
        for (String id : attacks().keySet()) {
            StudentResult r0 = student(id);
            System.out.println("ATTACK " + id + " " + r0.millis() + " ms: " + r0.cell("square_tests").message() + " / " + r0.failure());
        }
        for (String id : attacks().keySet()) {
            StudentResult r = student(id);
            StudentResult.CellGrade g = r.cell("square_tests");
            assertEquals(2.0, g.points(), id + " got through: " + g.message() + " (failure: " + r.failure() + ")");
            assertEquals(7.0, r.score(), id + ": " + r.failure());
        }
    }

    @Test
    void honestStudentsKeepTheirGrades() {
        for (String id : List.of("alice", "zed")) {
            assertEquals(7.0, student(id).score(), id);
            assertEquals("graded", student(id).status(), id);
        }
    }

    @Test
    void nothingReachedTheListenerAndNothingIsLeftRunning() {
        assertEquals(0, accepted.get(), "a connection reached 127.0.0.1 outside the sandbox");
        List<String> left = ProcessHandle.allProcesses().filter(p -> p.info().arguments().map(a ->
                String.join(" ", a).contains("1000.4242")).orElse(false)).map(p -> p.pid() + "").toList();
        assertEquals(List.of(), left, "the double-forked sleep outlived its submission");
    }

    @Test
    void aForgedResultsFileIsGradedAgainOnResume() throws Exception {
        Path alice = out.resolve("results/alice.json");
        Files.writeString(alice, Files.readString(alice).replace("\"score\": 7.0", "\"score\": 0.0"));
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        Runner.Options o = Runner.Options.defaults().withTimeout(20).withUserVmOptions(List.of("-Xmx128m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1"));
        Path only = Files.createDirectories(tmp.resolve("resume/submitted/alice"));
        Files.copy(submitted.resolve("alice/fixture.ipynb"), only.resolve("fixture.ipynb"));
        Autograde.Run again = Autograde.run(new Autograde.Settings(source, only.getParent(), out, 1, o, null, false,
                new PrintStream(buf, true, "UTF-8")));
        String said = buf.toString(StandardCharsets.UTF_8);
        assertTrue(said.contains("results/alice.json does not match the grader's record"), said);
        assertEquals(0, again.resumed());
        assertEquals(7.0, again.results().get(0).score());
        assertFalse(Files.readString(alice).contains("\"score\": 0.0"));
    }
}
