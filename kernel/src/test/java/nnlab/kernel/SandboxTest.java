package nnlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A student JVM in the bubblewrap sandbox: it runs cells, the stop button works, and it sees only its folder. */
class SandboxTest {

    static Evaluator sandboxed(Path work) {
        Confinement c = Confinement.GRADER.withSandbox(Sandbox.GRADER).inDir(work);
        return new Evaluator(new Evaluator.Options(Classpath.userClasspath(), List.of("-Xmx128m"), 0, 10_000).confined(c));
    }

    @Test
    void cellsRunAndTheStopButtonWorksAcrossTheSandbox(@TempDir Path tmp) throws Exception {
        try (Evaluator ev = sandboxed(tmp)) {
            assertEquals("2", ev.run("1 + 1", Listener.NONE).text());
            assertEquals("42", ev.run("eval(\"6 * 7\")", Listener.NONE).text(), "a call into the kernel crosses the sandbox");
            ev.run("int kept = 5; void spin() { while (true) { } }", Listener.NONE);
            Thread stopper = new Thread(() -> {
                try {
                    Thread.sleep(800);
                } catch (InterruptedException e) {
                    return;
                }
                ev.interrupt();
            });
            stopper.start();
            CellResult r = ev.run("spin()", Listener.NONE);
            stopper.join();
            assertEquals(CellResult.Status.INTERRUPTED, r.status(), r.evalue());
            assertEquals("5", ev.run("kept", Listener.NONE).text(), "the session and its variables live on after a stop");
            ev.run("Thread.currentThread().interrupt();", Listener.NONE);
            assertEquals("6", ev.run("kept + 1", Listener.NONE).text(), "an interrupt flag left set does not cut the link");
        }
    }

    @Test
    void theSandboxSeesItsFolderAndNotTheHost(@TempDir Path tmp) throws Exception {
        Path secret = Files.writeString(tmp.resolve("secret.txt"), "instructor only");
        Path work = Files.createDirectories(tmp.resolve("work"));
        try (Evaluator ev = sandboxed(work)) {
            assertEquals("false", ev.run("java.nio.file.Files.exists(java.nio.file.Path.of(\"" + secret + "\"))",
                    Listener.NONE).text());
            assertEquals("true", ev.run("java.nio.file.Files.writeString(java.nio.file.Path.of(\"a.txt\"), \"x\") != null",
                    Listener.NONE).text(), "the folder is writable");
            assertEquals("sandbox", ev.run("java.nio.file.Files.readString(java.nio.file.Path.of(\"/proc/sys/kernel/hostname\")).strip()", Listener.NONE).text());
        }
        assertEquals(List.of(), List.of(work.toFile().list()).stream().filter(n -> n.equals("a.txt")).toList(),
                "the grader's scratch folder is a tmpfs: nothing is written to the host");
    }

    @Test
    void theKernelsSandboxWritesIntoTheNotebooksFolder(@TempDir Path tmp) throws Exception {
        Confinement c = Confinement.GRADER.withSandbox(Sandbox.KERNEL).inDir(tmp);
        try (Evaluator ev = new Evaluator(new Evaluator.Options(Classpath.userClasspath(), List.of("-Xmx128m"), 0, 10_000)
                .confined(c))) {
            assertEquals("true", ev.run("java.nio.file.Files.writeString(java.nio.file.Path.of(\"saved.txt\"), \"kept\") != null",
                    Listener.NONE).text());
        }
        assertEquals("kept", Files.readString(tmp.resolve("saved.txt")), "the notebook's folder is bound, not a tmpfs");
    }

    @Test
    void theSandboxTravelsInARequest(@TempDir Path dir) {
        Confinement c = Confinement.GRADER.withSandbox(Sandbox.GRADER).inDir(dir);
        JsonObject req = new JsonObject();
        c.writeTo(req);
        assertEquals(c, Confinement.readFrom(JsonParser.parseString(req.toString()).getAsJsonObject()));
        assertEquals("sandbox limits must be positive (disk, CPU: 0 for none), got disk 0, processes 0, files 1,"
                + " cpu 0 s, address space 1", assertThrows(IllegalArgumentException.class,
                () -> new Sandbox(0, 0, 1, 0, 1)).getMessage());
    }
}
