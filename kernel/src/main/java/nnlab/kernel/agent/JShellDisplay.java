package nnlab.kernel.agent;

import java.awt.GraphicsEnvironment;
import java.awt.image.RenderedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.swing.JFrame;
import javax.swing.SwingUtilities;
import nnlab.display.Display;
import org.knowm.xchart.SwingWrapper;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Display for plain JShell ({@code bin/jshell}): a chart opens in a window when there is a screen,
 * otherwise it is written to a PNG file whose path is printed; other values print as text.
 *
 * <p>Installed as {@link Display}'s fallback, so {@code Display.inNotebook()} stays false.
 * {@code update} redraws the window of an earlier chart, or writes a new PNG.
 *
 * <pre>{@code
 * JShellDisplay.install();
 * display(chart);     // a window, or "chart saved to /tmp/nnlab-plots/chart-1.png"
 * }</pre>
 */
public final class JShellDisplay implements Display.Backend {
    private final boolean screen = !GraphicsEnvironment.isHeadless();
    private final Map<String, JFrame> windows = new ConcurrentHashMap<>();
    private final AtomicInteger next = new AtomicInteger(1);

    /** Makes this the fallback display of {@link Display}. */
    public static void install() {
        Display.setFallback(new JShellDisplay());
    }

    @Override
    public String display(Object value) {
        String id = "jshell-" + next.getAndIncrement();
        show(id, value);
        return id;
    }

    @Override
    public void update(String id, Object value) {
        JFrame frame = windows.get(id);
        if (frame != null && value instanceof Chart<?, ?>) {
            SwingUtilities.invokeLater(frame::repaint);
        } else {
            show(id, value);
        }
    }

    private void show(String id, Object value) {
        if (value instanceof Chart<?, ?> chart && screen) {
            windows.put(id, new SwingWrapper<>(chart).displayChart());
        } else if (value instanceof Chart<?, ?> || value instanceof RenderedImage) {
            String png = value instanceof Chart<?, ?> c ? Render.png(c) : Render.png((RenderedImage) value);
            System.out.println((value instanceof Chart<?, ?> ? "chart" : "image") + " saved to " + write(id, png));
        } else {
            System.out.println(Render.text(value));
        }
    }

    private Path write(String id, String base64) {
        try {
            Path dir = Path.of(System.getProperty("java.io.tmpdir"), "nnlab-plots");
            Files.createDirectories(dir);
            Path file = dir.resolve(id + "-" + System.nanoTime() % 100_000 + ".png");
            Files.write(file, Base64.getDecoder().decode(base64));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the chart PNG", e);
        }
    }
}
