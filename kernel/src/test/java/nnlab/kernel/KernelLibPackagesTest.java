package nnlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The start-up imports follow kernel-lib: every package with a class in its sources is imported. */
class KernelLibPackagesTest {

    @Test
    void everyPackageOfKernelLibsSourcesIsImported() throws IOException {
        Path sources = Path.of("..", "kernel-lib", "src", "main", "java");
        TreeSet<String> expected = new TreeSet<>();
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(f -> f.toString().endsWith(".java") && !f.getFileName().toString().equals("package-info.java"))
                    .forEach(f -> expected.add(sources.relativize(f.getParent()).toString().replace('/', '.')));
        }
        assertTrue(expected.contains("nnlab.tensor"), "found kernel-lib's sources: " + expected);
        assertEquals(List.copyOf(expected), KernelLibPackages.find());
        assertTrue(Session.imports().containsAll(expected), "imported at start-up: " + Session.imports());
    }

    @Test
    void aJarsPackagesAreFoundToo(@TempDir Path tmp) throws IOException {
        Path jar = tmp.resolve("lib.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (String name : List.of("nnlab/Rng.class", "nnlab/widgets/FloatSlider.class", "nnlab/widgets/",
                    "nnlab/empty/", "META-INF/x.class", "other/A.class")) {
                out.putNextEntry(new JarEntry(name));
                out.closeEntry();
            }
        }
        assertEquals(List.of("nnlab", "nnlab.widgets"), KernelLibPackages.in(jar));
    }
}
