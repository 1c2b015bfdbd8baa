package nnlab.kernel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The packages of kernel-lib ({@code nnlab}, {@code nnlab.tensor}, ...), read from its jar or classes folder.
 *
 * <p>Every session imports them at start-up, so a package added to kernel-lib ({@code nnlab.autograd},
 * {@code nnlab.widgets}, ...) is imported without a list to keep up to date. A package counts when it
 * holds at least one class file.
 *
 * <pre>{@code
 * KernelLibPackages.find();   // [nnlab, nnlab.data, nnlab.display, ..., nnlab.train]
 * }</pre>
 */
final class KernelLibPackages {

    private KernelLibPackages() {
    }

    /** kernel-lib's packages, sorted; where this kernel loads {@code nnlab.display.Display} from. */
    static List<String> find() {
        return in(location());
    }

    /** kernel-lib's jar or classes folder: where this kernel loads {@code nnlab.display.Display} from. */
    static Path location() {
        try {
            return Path.of(nnlab.display.Display.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            throw new IllegalStateException("cannot tell where kernel-lib (nnlab.display.Display) was loaded from", e);
        }
    }

    /** The {@code nnlab} packages with class files in a jar or a classes folder. */
    static List<String> in(Path jarOrFolder) {
        TreeSet<String> packages = new TreeSet<>();
        try {
            if (Files.isDirectory(jarOrFolder)) {
                try (Stream<Path> files = Files.walk(jarOrFolder.resolve("nnlab"))) {
                    files.filter(f -> f.toString().endsWith(".class"))
                            .map(f -> jarOrFolder.relativize(f.getParent()).toString())
                            .forEach(dir -> packages.add(dir.replace(java.io.File.separatorChar, '.')));
                }
            } else {
                try (JarFile jar = new JarFile(jarOrFolder.toFile())) {
                    jar.stream().map(JarEntry::getName).filter(n -> n.startsWith("nnlab/") && n.endsWith(".class"))
                            .forEach(n -> packages.add(n.substring(0, n.lastIndexOf('/')).replace('/', '.')));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list kernel-lib's packages in " + jarOrFolder, e);
        }
        return List.copyOf(packages);
    }
}
