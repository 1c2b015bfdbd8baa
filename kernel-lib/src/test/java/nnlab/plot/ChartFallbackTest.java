package nnlab.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import nnlab.display.Display;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;

class ChartFallbackTest {

    static String captured(Runnable r) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            r.run();
        } finally {
            System.setOut(old);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    @Test
    void headlessChartsBecomePngFilesThatUpdatesRewrite(@TempDir Path dir) throws Exception {
        assertTrue(GraphicsEnvironment.isHeadless(), "tests run headless");
        String old = System.getProperty("nnlab.plot.dir");
        System.setProperty("nnlab.plot.dir", dir.toString());
        try {
            ChartFallback fallback = new ChartFallback();
            XYChart one = Plots.line(new double[] {0, 1}, new double[] {0, 1}, "one");
            String[] id = new String[1];
            String out = captured(() -> id[0] = fallback.display(one));
            Path file = dir.toAbsolutePath().normalize().resolve(id[0] + ".png");
            assertEquals("plot saved to " + file + System.lineSeparator(), out);
            BufferedImage first = ImageIO.read(file.toFile());
            assertEquals(600, first.getWidth());
            BufferedImage small = new BufferedImage(30, 20, BufferedImage.TYPE_INT_RGB);
            assertEquals("", captured(() -> fallback.update(id[0], small)), "updates are silent");
            assertEquals(30, ImageIO.read(file.toFile()).getWidth(), "the same file now holds the update");
            assertEquals("hello" + System.lineSeparator(), captured(() -> fallback.display("hello")), "text is printed");
        } finally {
            if (old == null) {
                System.clearProperty("nnlab.plot.dir");
            } else {
                System.setProperty("nnlab.plot.dir", old);
            }
        }
    }

    @Test
    void plotsInstallsTheFallbackAndShowRejectsNonPictures(@TempDir Path dir) throws Exception {
        System.setProperty("nnlab.plot.dir", dir.toString());
        try {
            Display.setBackend(null);
            String out = captured(() -> Plots.show(Plots.grid(1, 1, new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB))));
            assertTrue(out.startsWith("plot saved to " + dir.toAbsolutePath().normalize()), out);
            assertEquals(1, Files.list(dir).count());
        } finally {
            System.clearProperty("nnlab.plot.dir");
        }
        assertEquals("show: expected an XChart chart or a BufferedImage, got String",
                assertThrows(IllegalArgumentException.class, () -> Plots.show("x")).getMessage());
    }

    @Test
    void saveAddsPngAndWritesWhatWasDrawn(@TempDir Path dir) throws Exception {
        XYChart c = Plots.line(new double[] {0, 1}, new double[] {0, 1}, "one");
        Path file = Plots.save(c, dir.resolve("sub/line").toString());
        assertEquals(dir.resolve("sub/line.png"), file);
        BufferedImage back = ImageIO.read(file.toFile());
        BufferedImage direct = Render.png(c);
        assertEquals(direct.getRGB(300, 200), back.getRGB(300, 200));
        assertEquals(direct.getRGB(100, 300), back.getRGB(100, 300));
    }
}
