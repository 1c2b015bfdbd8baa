package nnlab.kernel;

import com.google.gson.JsonObject;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A bubblewrap ({@code bwrap}) sandbox around a student JVM, with resource limits.
 *
 * <p>The JVM gets its own network, PID, IPC and UTS namespaces and either a user namespace (an unprivileged
 * caller) or, when root starts a grader's sandbox, {@code setpriv} to a uid of its own with no capabilities:
 * either way the process limit counts only this sandbox's processes. It sees a read-only view of {@code /usr}, a few files of {@code /etc}, the JDK and the class
 * path, nothing else of the host; a private {@code /proc} and {@code /dev}; one writable folder: a tmpfs of
 * {@code diskBytes} at the confinement's {@code dir} ({@code diskBytes} 0: the host folder itself, bound
 * read-write, as the notebook kernel needs). {@code prlimit} caps processes/threads, open files, CPU
 * seconds and address space. Since the JVM has no loopback link to the kernel, its two connections cross
 * on Unix sockets in a folder bound read-only ({@link StudentJvm}); {@code socat} carries JDWP.
 *
 * <pre>{@code
 * Sandbox.require();                                   // SandboxUnavailable if bwrap is missing
 * Confinement c = Confinement.GRADER.withSandbox(Sandbox.GRADER).inDir(work);
 * }</pre>
 *
 * @param diskBytes    size of the writable tmpfs at {@code dir}; 0 to bind {@code dir} itself
 * @param processes    processes + threads the sandbox's user may have (RLIMIT_NPROC)
 * @param openFiles    open files per process (RLIMIT_NOFILE)
 * @param cpuSeconds   CPU seconds per process (RLIMIT_CPU)
 * @param addressBytes address space per process (RLIMIT_AS), heap included
 */
public record Sandbox(long diskBytes, int processes, int openFiles, int cpuSeconds, long addressBytes) {
    /** The grader's: 256 MiB of disk, 256 processes/threads, 512 files, 10 CPU minutes, 6 GiB of address space. */
    public static final Sandbox GRADER = new Sandbox(256L << 20, 256, 512, 600, 6L << 30);
    /** The notebook kernel's (hub image): the notebook folder itself, 1024 threads, 4096 files, no CPU cap, 16 GiB. */
    public static final Sandbox KERNEL = new Sandbox(0, 1024, 4096, 0, 16L << 30);
    /** First uid a root grader's sandboxes run as: this plus the pid of the JVM that starts the sandbox. */
    static final int UID_BASE = 100_000;
    /** Port JDWP listens on inside the sandbox's own network namespace (socat carries it out). */
    static final int JDWP_PORT = 5005;
    static final List<String> PROGRAMS = List.of("bwrap", "socat", "prlimit");

    /** Thrown when a program the sandbox needs is not installed. */
    public static final class SandboxUnavailable extends IllegalStateException {
        SandboxUnavailable(String message) {
            super(message);
        }
    }

    /** Checks the limits: each must be positive (disk and CPU may be 0 for none). */
    public Sandbox {
        if (diskBytes < 0 || processes <= 0 || openFiles <= 0 || cpuSeconds < 0 || addressBytes <= 0) {
            throw new IllegalArgumentException("sandbox limits must be positive (disk, CPU: 0 for none), got disk "
                    + diskBytes + ", processes " + processes + ", files " + openFiles + ", cpu " + cpuSeconds
                    + " s, address space " + addressBytes);
        }
    }

    /** Throws {@link SandboxUnavailable} naming the missing programs (bwrap, socat, prlimit) and the fix. */
    public static void require() {
        List<String> missing = PROGRAMS.stream().filter(p -> onPath(p) == null).toList();
        if (!missing.isEmpty()) {
            throw new SandboxUnavailable("the student sandbox needs " + String.join(", ", missing) + " on PATH,"
                    + " which " + (missing.size() == 1 ? "is" : "are") + " missing: install Debian's bubblewrap,"
                    + " socat and util-linux (bin/setup does), or run without the sandbox (bin/grade --no-sandbox)");
        }
    }

    /** The absolute path of {@code program} on PATH, or null. */
    static Path onPath(String program) {
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            Path p = Path.of(d.isEmpty() ? "." : d, program);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    /**
     * The full command: {@code bwrap} with this sandbox's mounts and namespaces, limits, then a shell that
     * starts socat (JDWP on {@link #JDWP_PORT} out to {@code sockets/jdwp}) and execs {@code java}.
     */
    List<String> command(Path dir, Path sockets, List<String> java) {
        require();
        boolean dropToUid = dropsToUid();
        List<String> cmd = new ArrayList<>(List.of("bwrap", "--unshare-net", "--unshare-pid", "--unshare-ipc",
                "--unshare-uts", "--unshare-cgroup-try", "--die-with-parent", "--new-session", "--hostname", "sandbox"));
        cmd.addAll(dropToUid ? List.of("--cap-add", "CAP_SETUID", "--cap-add", "CAP_SETGID") : List.of("--unshare-user"));
        cmd.addAll(List.of("--proc", "/proc", "--dev", "/dev", "--size", Long.toString(diskBytes > 0 ? diskBytes : 1L << 30),
                "--perms", "1777", "--tmpfs", "/tmp"));
        Set<Path> binds = readOnly(java);
        binds.add(sockets);
        Set<Path> made = new LinkedHashSet<>();
        for (Path p : binds) {
            parents(p, binds, made, cmd);
            cmd.addAll(Files.isSymbolicLink(p) && p.getParent() != null && p.getParent().equals(p.getRoot())
                    ? List.of("--symlink", readLink(p), p.toString()) : List.of("--ro-bind", p.toString(), p.toString()));
        }
        parents(dir, binds, made, cmd);
        if (diskBytes > 0) {
            cmd.addAll(List.of("--size", Long.toString(diskBytes), "--perms", "1777", "--tmpfs", dir.toString()));
        } else {
            cmd.addAll(List.of("--bind", dir.toString(), dir.toString()));
        }
        cmd.addAll(List.of("--perms", "1777", "--dir", dir.resolve("tmp").toString(), "--remount-ro", "/",
                "--chdir", dir.toString(), "--"));
        if (dropToUid) {
            cmd.addAll(List.of("setpriv", "--reuid=" + uid(), "--regid=" + uid(), "--clear-groups", "--inh-caps=-all",
                    "--bounding-set=-all", "--no-new-privs"));
        }
        cmd.addAll(List.of("prlimit", "--nproc=" + processes, "--nofile=" + openFiles, "--as=" + addressBytes));
        if (cpuSeconds > 0) {
            cmd.add("--cpu=" + cpuSeconds);
        }
        cmd.addAll(List.of("--", "sh", "-c", "unset PWD OLDPWD; socat \"$1\" \"$2\" & shift 2; exec \"$@\"", "sandbox",
                "UNIX-CONNECT:" + sockets.resolve("jdwp"), "TCP:127.0.0.1:" + JDWP_PORT + ",nodelay,retry=500,interval=0.01"));
        cmd.addAll(java);
        return cmd;
    }

    /**
     * Makes each folder above {@code p} (not inside a bound one) world-traversable: bwrap would copy the
     * host's mode, and {@code /root} is 0700, so a jar in {@code ~/.m2} could not be reached as {@link #uid()}.
     */
    private static void parents(Path p, Set<Path> binds, Set<Path> made, List<String> cmd) {
        List<Path> up = new ArrayList<>();
        for (Path a = p.getParent(); a != null && a.getParent() != null; a = a.getParent()) {
            up.add(0, a);
        }
        for (Path a : up) {
            boolean inBound = binds.stream().anyMatch(b -> !b.equals(a) && a.startsWith(b)) || a.equals(Path.of("/tmp"));
            if (!inBound && !binds.contains(a) && made.add(a)) {
                cmd.addAll(List.of("--perms", "0755", "--dir", a.toString()));
            }
        }
    }

    /** System folders, the JDK, and every class path entry, agent or class-data-sharing archive the java command names. */
    private static Set<Path> readOnly(List<String> java) {
        Set<Path> out = new LinkedHashSet<>();
        for (String sys : List.of("/usr", "/bin", "/sbin", "/lib", "/lib64", "/lib32", "/etc/alternatives",
                "/etc/passwd", "/etc/group", "/etc/nsswitch.conf", "/etc/localtime", "/etc/timezone",
                "/etc/ld.so.cache", "/etc/ld.so.conf", "/etc/ld.so.conf.d")) {
            out.add(Path.of(sys));
        }
        try (Stream<Path> etc = Files.list(Path.of("/etc"))) {
            etc.filter(p -> p.getFileName().toString().startsWith("java-")).forEach(out::add);
        } catch (IOException e) {
            // no /etc to list: the JDK brings its own configuration
        }
        out.add(realPath(Path.of(System.getProperty("java.home"))));
        out.add(realPath(Path.of(java.get(0))).getParent().getParent());
        for (int i = 0; i < java.size(); i++) {
            String w = java.get(i);
            if ((w.equals("--class-path") || w.equals("-cp") || w.equals("-classpath")) && i + 1 < java.size()) {
                for (String e : java.get(i + 1).split(File.pathSeparator)) {
                    out.add(Path.of(e).toAbsolutePath());
                }
            }
            if (w.startsWith("-XX:SharedArchiveFile=")) {      // the student JVM's class-data-sharing archive
                out.add(Path.of(w.substring(w.indexOf('=') + 1)).toAbsolutePath());
            }
        }
        out.removeIf(p -> !Files.exists(p, LinkOption.NOFOLLOW_LINKS));
        return out;
    }

    private static Path realPath(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath();
        }
    }

    private static String readLink(Path p) {
        try {
            return Files.readSymbolicLink(p).toString();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read the link " + p, e);
        }
    }

    /**
     * The uid a root grader's sandbox runs as: one per starting JVM (each starts one sandbox at a time), so the
     * process limit counts one sandbox's processes only.
     */
    static int uid() {
        return UID_BASE + (int) ProcessHandle.current().pid();
    }

    /** True when the sandbox runs as {@link #uid()}: started by root, with a scratch folder (the grader's). */
    boolean dropsToUid() {
        return diskBytes > 0 && root();
    }

    /** True when this JVM runs as root (the grader's sandbox then drops to {@link #uid()}). */
    static boolean root() {
        try {
            return ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).intValue() == 0;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }

    /** This sandbox as the {@code sandbox} field of a CellRunner request. */
    JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("diskBytes", diskBytes);
        o.addProperty("processes", processes);
        o.addProperty("openFiles", openFiles);
        o.addProperty("cpuSeconds", cpuSeconds);
        o.addProperty("addressBytes", addressBytes);
        return o;
    }

    /** The sandbox a request's {@code sandbox} object describes. */
    static Sandbox fromJson(JsonObject o) {
        return new Sandbox(o.get("diskBytes").getAsLong(), o.get("processes").getAsInt(), o.get("openFiles").getAsInt(),
                o.get("cpuSeconds").getAsInt(), o.get("addressBytes").getAsLong());
    }
}
