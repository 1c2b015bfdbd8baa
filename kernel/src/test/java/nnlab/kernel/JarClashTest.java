package nnlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A jar that provides packages the kernel already loads is named, with which jar wins. */
class JarClashTest {
    @TempDir
    Path dir;

    private Path jar(String name, String... entries) throws IOException {
        Path p = dir.resolve(name);
        try (JarOutputStream j = new JarOutputStream(Files.newOutputStream(p))) {
            for (String e : entries) {
                j.putNextEntry(new ZipEntry(e));
                j.write(new byte[] {(byte) 0xCA, (byte) 0xFE});
            }
        }
        return p;
    }

    @Test
    void namesTheKernelJarThatWinsAndThePackages() throws IOException {
        Path kernel = jar("xchart-4.0.3.jar", "org/knowm/xchart/XYChart.class", "org/knowm/xchart/style/Styler.class",
                "org/knowm/xchart/internal/A.class", "org/knowm/xchart/demo/B.class");
        Path gson = jar("gson-2.11.0.jar", "com/google/gson/Gson.class");
        JarClash clash = new JarClash(List.of(kernel.toString(), gson.toString()));
        Path old = jar("xchart-3.5.2.jar", "org/knowm/xchart/XYChart.class", "org/knowm/xchart/style/Styler.class",
                "org/knowm/xchart/internal/A.class", "org/knowm/xchart/demo/B.class", "org/knowm/xchart/Old.class",
                "com/google/gson/Gson.class", "META-INF/versions/9/module-info.class");
        assertEquals("Warning: xchart-3.5.2.jar has packages the kernel already loads from gson-2.11.0.jar (com.google.gson),"
                + " xchart-4.0.3.jar (org.knowm.xchart, org.knowm.xchart.demo, org.knowm.xchart.internal and 1 more): the"
                + " kernel's classes win there (its jars come first on the class path); only classes the kernel's jars"
                + " lack come from xchart-3.5.2.jar.\n", clash.check(old));
        assertNull(clash.check(jar("commons-csv-1.11.0.jar", "org/apache/commons/csv/CSVFormat.class")));
        assertNull(clash.check(dir.resolve("missing.jar")), "an unreadable entry is no clash");
        assertNull(clash.check(kernel), "the kernel's own jar named again");
    }

    @Test
    void anSlf4jBackendIsToldThatTheKernelsNopWins() throws IOException {
        JarClash clash = new JarClash(List.of(jar("slf4j-nop-2.0.17.jar", "org/slf4j/nop/NOPServiceProvider.class").toString()));
        String w = clash.check(jar("slf4j-simple-2.0.17.jar", "org/slf4j/simple/SimpleLogger.class",
                "META-INF/services/org.slf4j.spi.SLF4JServiceProvider"));
        assertEquals("Warning: slf4j-simple-2.0.17.jar is an SLF4J logging backend, but SLF4J in the notebook keeps the"
                + " kernel's slf4j-nop (it is found first), so nothing logged through SLF4J is shown; java.util.logging is"
                + " shown (WARNING and above).\n", w);
    }
}
