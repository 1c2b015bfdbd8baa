package nnlab.kernel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReader;
import java.lang.module.ModuleReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The simple names of the top-level classes of a package, read from class path entries and the JDK's
 * modules (what {@code import pkg.*;} brings in, whether public or not).
 *
 * <pre>{@code
 * PackageNames.of("java.util.concurrent", List.of());          // [AbstractExecutorService, ...]
 * PackageNames.of("org.tribuo", List.of("/m2/tribuo-core-4.3.2.jar"));
 * }</pre>
 */
final class PackageNames {
    private static final ModuleFinder JDK = ModuleFinder.ofSystem();

    private PackageNames() {
    }

    /** Top-level class names of {@code pkg} in the JDK and in the jars and folders of {@code classpath}, sorted. */
    static TreeSet<String> of(String pkg, List<String> classpath) {
        String dir = pkg.replace('.', '/') + "/";
        TreeSet<String> names = new TreeSet<>();
        for (ModuleReference m : JDK.findAll()) {
            if (m.descriptor().packages().contains(pkg)) {
                try (ModuleReader r = m.open(); Stream<String> entries = r.list()) {
                    entries.forEach(e -> add(names, dir, e));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot list the JDK module " + m.descriptor().name(), e);
                }
            }
        }
        for (String entry : classpath) {
            Path p = Path.of(entry);
            try {
                if (Files.isDirectory(p.resolve(dir))) {
                    try (Stream<Path> files = Files.list(p.resolve(dir))) {
                        files.forEach(f -> add(names, dir, dir + f.getFileName()));
                    }
                } else if (Files.isRegularFile(p) && entry.endsWith(".jar")) {
                    try (JarFile jar = new JarFile(p.toFile())) {
                        jar.stream().forEach(e -> add(names, dir, e.getName()));
                    }
                }
            } catch (IOException e) {
                // an unreadable entry contributes no names; the compiler reports it if it matters
            }
        }
        return names;
    }

    private static void add(TreeSet<String> names, String dir, String entry) {
        if (entry.startsWith(dir) && entry.endsWith(".class") && entry.indexOf('/', dir.length()) < 0) {
            String name = entry.substring(dir.length(), entry.length() - ".class".length());
            if (!name.contains("$") && !name.contains("-")) {
                names.add(name);
            }
        }
    }
}
