package nnlab.kernel;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Class path helpers: what the student JVM gets, and glob expansion for {@code %classpath}/{@code %jars}.
 *
 * <p>The student JVM gets this JVM's class path (kernel agent, kernel-lib and its libraries)
 * minus the kernel's protocol libraries (JJava, ZeroMQ) and Maven Resolver (behind {@code %maven}), which
 * notebook code has no use for; a notebook that wants one of them adds it with {@code %maven}.
 *
 * <pre>{@code
 * Classpath.userClasspath();              // [.../kernel.jar, .../kernel-lib.jar, .../xchart.jar, ...]
 * Classpath.expand("lib/*.jar");          // every jar in lib, sorted
 * }</pre>
 */
public final class Classpath {
    private static final List<String> KERNEL_ONLY = List.of("jjava-jupyter", "jeromq", "jnacl",
            // Maven Resolver (%maven) and what it brings
            "maven-", "plexus-", "httpclient-", "httpcore-", "commons-codec-", "jcl-over-slf4j-");

    private Classpath() {
    }

    /** This JVM's class path without the kernel's protocol libraries and Maven Resolver. */
    public static List<String> userClasspath() {
        List<String> out = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String name = Path.of(entry).getFileName() == null ? entry : Path.of(entry).getFileName().toString();
            if (!entry.isEmpty() && KERNEL_ONLY.stream().noneMatch(name::startsWith)) {
                out.add(entry);
            }
        }
        return out;
    }

    /**
     * Files matching {@code pattern} (a path, or a glob with {@code *}, {@code ?}, {@code **}),
     * sorted; a plain path is returned as it is if it exists.
     *
     * @throws IllegalArgumentException when nothing matches
     */
    public static List<Path> expand(String pattern) {
        String p = pattern.startsWith("~/") ? System.getProperty("user.home") + pattern.substring(1) : pattern;
        int glob = indexOfGlob(p);
        if (glob < 0) {
            Path path = Path.of(p);
            if (!Files.exists(path)) {
                throw new IllegalArgumentException("no such file or directory: " + pattern);
            }
            return List.of(path.toAbsolutePath());
        }
        int slash = p.lastIndexOf('/', glob);
        Path base = slash < 0 ? Path.of(".") : Path.of(p.substring(0, slash + 1));
        String rel = p.substring(slash + 1);
        PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + rel);
        int depth = rel.contains("**") ? Integer.MAX_VALUE : rel.split("/").length;
        List<Path> out = new ArrayList<>();
        if (Files.isDirectory(base)) {
            try (Stream<Path> s = Files.walk(base, depth)) {
                s.filter(x -> !x.equals(base) && m.matches(base.relativize(x))).sorted().forEach(x -> out.add(x.toAbsolutePath()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + base, e);
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no file matches " + pattern);
        }
        return out;
    }

    private static int indexOfGlob(String p) {
        for (int i = 0; i < p.length(); i++) {
            if ("*?[{".indexOf(p.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
