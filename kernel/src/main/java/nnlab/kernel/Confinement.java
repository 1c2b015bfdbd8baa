package nnlab.kernel;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where and how a student JVM is started: its folder, the environment it may see, and a launcher prefix.
 *
 * <p>The one place student isolation is decided. {@link StudentJvm} applies it to every student JVM it
 * starts ({@link #command}, {@link #applyTo}, {@link #vmOptions}); the grader builds one per run and sends
 * it with each request ({@link #writeTo}, {@link #readFrom}), and starts its compiler JVMs with the same
 * environment rule. With a {@code dir}, the JVM works in it, with {@code HOME} and {@code user.home} set
 * to it and {@code TMPDIR} and {@code java.io.tmpdir} to {@code dir/tmp} (created when missing). With
 * {@code keptEnv}, only those environment variables reach it (a name ending in {@code *} keeps every
 * variable with that prefix); null keeps them all. {@code launcher} is put in front of the
 * {@code java} command, e.g. {@code bwrap ... --}: the JVM then runs inside whatever it sets up. The
 * launcher must end in the JVM it starts (exec it, or wait for it), since the kernel kills the
 * launched process to kill the JVM, and must keep loopback TCP open between the JVM and the kernel
 * (see kernel/README.md: JDI and the agent connect over it). With a {@code sandbox}, the JVM runs in that
 * {@link Sandbox} (its own network: JDI and the agent then connect over Unix sockets), inside the launcher.
 *
 * <pre>{@code
 * Confinement c = Confinement.GRADER.inDir(Path.of("/tmp/grade-alice"));
 * c.command(List.of("java", "-version"));   // [java, -version] (no launcher)
 * c.withLauncher(List.of("env", "X=1"));    // [env, X=1, java, -version]
 * }</pre>
 *
 * @param dir      working, home and temp folder of the JVM; null for the kernel's own
 * @param keptEnv  environment variables the JVM may see (NAME or PREFIX*); null for all
 * @param launcher command words put before {@code java}; empty for none
 * @param sandbox  the bubblewrap sandbox and limits of the JVM; null for none
 */
public record Confinement(Path dir, List<String> keptEnv, List<String> launcher, Sandbox sandbox) {
    /** No confinement: the student JVM runs where the kernel runs, with its environment (the notebook kernel). */
    public static final Confinement NONE = new Confinement(null, null, List.of(), null);
    /** The grader's: PATH, LANG, LC_ALL, TZ, JAVA_HOME and NNLAB_* (data limits) only; give it a folder with {@link #inDir}. */
    public static final Confinement GRADER = new Confinement(null,
            List.of("PATH", "LANG", "LC_ALL", "TZ", "JAVA_HOME", "NNLAB_*"), List.of(), null);

    /** Checks and copies the lists; a blank launcher word is refused. */
    public Confinement {
        dir = dir == null ? null : dir.toAbsolutePath();
        keptEnv = keptEnv == null ? null : List.copyOf(keptEnv);
        launcher = launcher == null ? List.of() : List.copyOf(launcher);
        if (launcher.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("launcher words must not be blank, got " + launcher);
        }
    }

    /** No sandbox: the JVM runs as the launcher starts it. */
    public Confinement(Path dir, List<String> keptEnv, List<String> launcher) {
        this(dir, keptEnv, launcher, null);
    }

    /** The same rules for a JVM working in {@code dir}. */
    public Confinement inDir(Path dir) {
        return new Confinement(dir, keptEnv, launcher, sandbox);
    }

    /** The same rules with {@code launcher} before {@code java} (e.g. {@code nice -n 5}). */
    public Confinement withLauncher(List<String> launcher) {
        return new Confinement(dir, keptEnv, launcher, sandbox);
    }

    /** The same rules with the JVM in {@code sandbox} (null: none); a sandbox needs a {@code dir}. */
    public Confinement withSandbox(Sandbox sandbox) {
        return new Confinement(dir, keptEnv, launcher, sandbox);
    }

    /** {@code javaCommand} behind the launcher (no sandbox). */
    public List<String> command(List<String> javaCommand) {
        List<String> cmd = new ArrayList<>(launcher);
        cmd.addAll(javaCommand);
        return cmd;
    }

    /** {@code javaCommand} behind the launcher, in the sandbox with its Unix sockets in {@code sockets}. */
    List<String> command(List<String> javaCommand, Path sockets) {
        if (sandbox == null) {
            return command(javaCommand);
        }
        if (dir == null) {
            throw new IllegalStateException("a sandboxed student JVM needs a folder (Confinement.inDir)");
        }
        return command(sandbox.command(dir, sockets, javaCommand));
    }

    /** System properties that point the JVM's home and temp folder into {@code dir} (none without one). */
    public List<String> vmOptions() {
        return dir == null ? List.of() : List.of("-Duser.home=" + dir, "-Djava.io.tmpdir=" + dir.resolve("tmp"));
    }

    /** Sets the process's folder and environment; creates {@code dir/tmp}. */
    public void applyTo(ProcessBuilder pb) {
        filter(pb.environment());
        if (dir != null) {
            try {
                Files.createDirectories(dir.resolve("tmp"));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the student's temp folder " + dir.resolve("tmp"), e);
            }
            pb.directory(dir.toFile());
            pb.environment().put("HOME", dir.toString());
            pb.environment().put("TMPDIR", dir.resolve("tmp").toString());
        }
    }

    private void filter(Map<String, String> env) {
        if (keptEnv != null) {
            env.keySet().removeIf(name -> !kept(name));
        }
    }

    /** True when the variable {@code name} may reach the JVM. */
    public boolean kept(String name) {
        if (keptEnv == null) {
            return true;
        }
        for (String k : keptEnv) {
            if (k.endsWith("*") ? name.startsWith(k.substring(0, k.length() - 1)) : name.equals(k)) {
                return true;
            }
        }
        return false;
    }

    /** Adds {@code dir}, {@code env} and {@code launcher} to a CellRunner request (what {@link #readFrom} reads). */
    public void writeTo(JsonObject request) {
        if (dir != null) {
            request.addProperty("dir", dir.toString());
        }
        if (keptEnv != null) {
            request.add("env", strings(keptEnv));
        }
        if (!launcher.isEmpty()) {
            request.add("launcher", strings(launcher));
        }
        if (sandbox != null) {
            request.add("sandbox", sandbox.toJson());
        }
    }

    /** The confinement a request asks for: its {@code dir}, {@code env}, {@code launcher} and {@code sandbox} fields, each optional. */
    public static Confinement readFrom(JsonObject request) {
        Path dir = request.has("dir") ? Path.of(request.get("dir").getAsString()) : null;
        return new Confinement(dir, request.has("env") ? list(request.get("env"), "env") : null,
                request.has("launcher") ? list(request.get("launcher"), "launcher") : List.of(),
                request.has("sandbox") ? Sandbox.fromJson(request.getAsJsonObject("sandbox")) : null);
    }

    private static JsonArray strings(List<String> words) {
        JsonArray a = new JsonArray();
        words.forEach(a::add);
        return a;
    }

    private static List<String> list(JsonElement e, String field) {
        if (!e.isJsonArray()) {
            throw new IllegalArgumentException("\"" + field + "\" must be a JSON array of strings, got " + e);
        }
        List<String> out = new ArrayList<>();
        for (JsonElement w : e.getAsJsonArray()) {
            if (!w.isJsonPrimitive() || !w.getAsJsonPrimitive().isString()) {
                throw new IllegalArgumentException("\"" + field + "\" must hold strings only, got " + w);
            }
            out.add(w.getAsString());
        }
        return out;
    }
}
