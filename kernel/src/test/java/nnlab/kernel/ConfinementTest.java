package nnlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One value decides the student JVM's folder, environment and launcher; StudentJvm applies it. */
class ConfinementTest {

    @Test
    void theGradersRuleKeepsOnlyItsVariablesAndSetsHomeAndTemp(@TempDir Path dir) {
        ProcessBuilder pb = new ProcessBuilder("true");
        pb.environment().putAll(Map.of("PATH", "/bin", "NNLAB_MAX_EPOCH", "2", "SECRET_TOKEN", "x", "NNLABX", "y"));
        Confinement c = Confinement.GRADER.inDir(dir);
        c.applyTo(pb);
        assertEquals("/bin", pb.environment().get("PATH"));
        assertEquals("2", pb.environment().get("NNLAB_MAX_EPOCH"), "NNLAB_* is a prefix");
        assertFalse(pb.environment().containsKey("SECRET_TOKEN"));
        assertFalse(pb.environment().containsKey("NNLABX"), "NNLAB_* needs the underscore");
        assertEquals(dir.toString(), pb.environment().get("HOME"));
        assertEquals(dir.resolve("tmp").toString(), pb.environment().get("TMPDIR"));
        assertEquals(dir.toFile(), pb.directory());
        assertTrue(Files.isDirectory(dir.resolve("tmp")), "the temp folder is made");
        assertEquals(List.of("-Duser.home=" + dir, "-Djava.io.tmpdir=" + dir.resolve("tmp")), c.vmOptions());
    }

    @Test
    void noConfinementChangesNothing() {
        ProcessBuilder pb = new ProcessBuilder("true");
        Map<String, String> before = Map.copyOf(pb.environment());
        Confinement.NONE.applyTo(pb);
        assertEquals(before, pb.environment());
        assertEquals(null, pb.directory());
        assertEquals(List.of(), Confinement.NONE.vmOptions());
        assertEquals(List.of("java", "-version"), Confinement.NONE.command(List.of("java", "-version")));
    }

    @Test
    void theLauncherGoesBeforeJavaAndTheValueTravelsInARequest(@TempDir Path dir) {
        Confinement c = Confinement.GRADER.inDir(dir).withLauncher(List.of("bwrap", "--unshare-pid", "--"));
        assertEquals(List.of("bwrap", "--unshare-pid", "--", "java", "-version"), c.command(List.of("java", "-version")));
        JsonObject req = new JsonObject();
        c.writeTo(req);
        assertEquals(c, Confinement.readFrom(JsonParser.parseString(req.toString()).getAsJsonObject()));
        assertEquals(Confinement.NONE, Confinement.readFrom(new JsonObject()));
        JsonObject bad = JsonParser.parseString("{\"launcher\": \"bwrap --\"}").getAsJsonObject();
        assertEquals("\"launcher\" must be a JSON array of strings, got \"bwrap --\"",
                assertThrows(IllegalArgumentException.class, () -> Confinement.readFrom(bad)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Confinement.NONE.withLauncher(List.of(" ")));
    }

    /** A wrapper script as launcher proves the student JVM is started through it, confined. */
    @Test
    void theStudentJvmIsStartedThroughTheLauncher(@TempDir Path tmp) throws Exception {
        Path log = tmp.resolve("launched.txt");
        Path wrapper = tmp.resolve("wrapper");
        Files.writeString(wrapper, "#!/bin/sh\necho \"$@\" > '" + log + "'\nexec env NNLAB_VIA=wrapper \"$@\"\n");
        Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwx------"));
        Path work = Files.createDirectories(tmp.resolve("work"));
        Confinement c = Confinement.GRADER.inDir(work).withLauncher(List.of(wrapper.toString()));
        Evaluator.Options o = new Evaluator.Options(Classpath.userClasspath(), List.of("-Xmx128m"), 0, 10_000).confined(c);
        try (Evaluator ev = new Evaluator(o)) {
            assertEquals("wrapper|" + work + "|" + work.resolve("tmp"), ev.run("System.getenv(\"NNLAB_VIA\") + \"|\""
                    + " + System.getProperty(\"user.dir\") + \"|\" + System.getProperty(\"java.io.tmpdir\")", Listener.NONE).text());
            assertEquals("null", String.valueOf(ev.run("System.getenv(\"SHELL\")", Listener.NONE).text()),
                    "the environment was reduced before the launcher ran");
        }
        String line = Files.readString(log);
        assertTrue(line.contains("-agentlib:jdwp=") && line.contains("nnlab.kernel.agent.RemoteAgent"), line);
    }
}
