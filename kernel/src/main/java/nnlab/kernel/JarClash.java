package nnlab.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Names the clash when a notebook adds a jar ({@code %jars}, {@code %classpath}, {@code %maven}) that
 * provides packages the kernel already loads from its own jars (XChart, Tablesaw, Guava, Gson,
 * commons-math3, SLF4J, ...).
 *
 * <p>The rule, as in any JVM with one class path: the kernel's jars come first, so for every class both
 * jars have, the kernel's copy wins; a class only the added jar has comes from it. Two versions of one
 * library mixed class by class break in odd ways, so the notebook is told which jar wins, once per added
 * jar, in one line. The kernel's packages are read once, at the first added jar.
 *
 * <pre>{@code
 * JarClash clash = new JarClash(List.of("/lib/xchart-4.0.3.jar"));
 * clash.check(Path.of("xchart-3.5.2.jar"));  // "Warning: xchart-3.5.2.jar has packages the kernel already loads ..."
 * }</pre>
 */
final class JarClash {
    private final List<String> kernelEntries;
    private Map<String, String> kernelPackages;

    /** Clashes with the jars and folders of {@code kernelEntries} (the kernel's own class path). */
    JarClash(List<String> kernelEntries) {
        this.kernelEntries = List.copyOf(kernelEntries);
    }

    /** The warning for {@code added}, one line ending in a newline, or null when it shares no package with the kernel. */
    String check(Path added) {
        if (kernelEntries.stream().anyMatch(e -> Path.of(e).toAbsolutePath().normalize().equals(added.toAbsolutePath().normalize()))) {
            return null;        // the kernel's own jar, named again
        }
        Map<String, TreeSet<String>> byKernelJar = new LinkedHashMap<>();
        Map<String, String> mine = kernelPackages();
        for (String pkg : packages(added)) {
            String owner = mine.get(pkg);
            if (owner != null) {
                byKernelJar.computeIfAbsent(owner, k -> new TreeSet<>()).add(pkg);
            }
        }
        String name = added.getFileName() == null ? added.toString() : added.getFileName().toString();
        if (byKernelJar.isEmpty()) {
            return hasSlf4jProvider(added) ? "Warning: " + name + " is an SLF4J logging backend, but SLF4J in the notebook"
                    + " keeps the kernel's slf4j-nop (it is found first), so nothing logged through SLF4J is shown;"
                    + " java.util.logging is shown (WARNING and above).\n" : null;
        }
        List<String> parts = new ArrayList<>();
        byKernelJar.forEach((jar, pkgs) -> parts.add(jar + " (" + list(pkgs) + ")"));
        return "Warning: " + name + " has packages the kernel already loads from " + String.join(", ", parts)
                + ": the kernel's classes win there (its jars come first on the class path); only classes the kernel's"
                + " jars lack come from " + name + ".\n";
    }

    private static boolean hasSlf4jProvider(Path jar) {
        if (!Files.isRegularFile(jar)) {
            return false;
        }
        try (JarFile j = new JarFile(jar.toFile())) {
            return j.getEntry("META-INF/services/org.slf4j.spi.SLF4JServiceProvider") != null;
        } catch (IOException e) {
            return false;
        }
    }

    private static String list(TreeSet<String> pkgs) {
        List<String> shown = new ArrayList<>(pkgs).subList(0, Math.min(3, pkgs.size()));
        return String.join(", ", shown) + (pkgs.size() > 3 ? " and " + (pkgs.size() - 3) + " more" : "");
    }

    private synchronized Map<String, String> kernelPackages() {
        if (kernelPackages == null) {
            Map<String, String> m = new LinkedHashMap<>();
            for (String entry : kernelEntries) {
                Path p = Path.of(entry);
                String name = p.getFileName() == null ? entry : p.getFileName().toString();
                for (String pkg : packages(p)) {
                    m.putIfAbsent(pkg, name);
                }
            }
            kernelPackages = m;
        }
        return kernelPackages;
    }

    /** Packages with at least one class in a jar or class folder (none for anything unreadable). */
    static TreeSet<String> packages(Path entry) {
        TreeSet<String> pkgs = new TreeSet<>();
        try {
            if (Files.isRegularFile(entry)) {
                try (JarFile jar = new JarFile(entry.toFile())) {
                    jar.stream().forEach(e -> addPackage(pkgs, e.getName()));
                }
            } else if (Files.isDirectory(entry)) {
                try (Stream<Path> files = Files.walk(entry)) {
                    files.forEach(f -> addPackage(pkgs, entry.relativize(f).toString().replace('\\', '/')));
                }
            }
        } catch (IOException | RuntimeException e) {
            // not a jar: the compiler names it if it matters
        }
        return pkgs;
    }

    private static void addPackage(TreeSet<String> pkgs, String name) {
        int slash = name.lastIndexOf('/');
        if (slash > 0 && name.endsWith(".class") && !name.startsWith("META-INF/")) {
            pkgs.add(name.substring(0, slash).replace('/', '.'));
        }
    }
}
