package nnlab.plot;

import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javax.swing.ImageIcon;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.SwingUtilities;
import javax.swing.WindowConstants;
import nnlab.display.Display;
import org.knowm.xchart.SwingWrapper;
import org.knowm.xchart.XChartPanel;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Where charts and images go when no notebook is attached (plain JShell, scripts, tests).
 *
 * <p>With a screen, each {@code Display.display} opens a window (XChart's {@code SwingWrapper}; closing
 * it closes only the window) and {@code Display.update} redraws that window. Headless, the picture is
 * written as {@code plot-N.png} to the directory named by the system property {@code nnlab.plot.dir},
 * else {@code target/plots} when {@code target/} exists, else {@code <tmp>/nnlab-plots}, and the path is
 * printed; an update rewrites the same file silently. Anything else is printed with {@code toString()}.
 * nnlab.plot installs it with {@code Display.setFallback} as soon as it makes its first chart.
 *
 * <pre>{@code
 * Display.setFallback(new ChartFallback());
 * String id = Display.display(chart);        // window, or "plot saved to target/plots/plot-0.png"
 * Display.update(id, chart);                 // same window / same file
 * }</pre>
 */
public final class ChartFallback implements Display.Backend {
    private static boolean installed;
    private final Map<String, Object> outputs = new HashMap<>();   // id -> JFrame or Path
    private int next;

    /** Makes this the {@link Display} fallback once per JVM (every chart factory in nnlab.plot calls it). */
    static synchronized void install() {
        if (!installed) {
            Display.setFallback(new ChartFallback());
            installed = true;
        }
    }

    @Override
    public synchronized String display(Object value) {
        String id = "plot-" + next++;
        if (!(value instanceof Chart<?, ?>) && !(value instanceof BufferedImage)) {
            System.out.println(value);
            return id;
        }
        if (GraphicsEnvironment.isHeadless()) {
            Path file = directory().resolve(id + ".png");
            write(value, file);
            outputs.put(id, file);
            System.out.println("plot saved to " + file);
        } else {
            outputs.put(id, window(value));
        }
        return id;
    }

    @Override
    public synchronized void update(String id, Object value) {
        Object out = outputs.get(id);
        if (out instanceof Path file) {
            write(value, file);
        } else if (out instanceof JFrame frame) {
            SwingUtilities.invokeLater(() -> {
                frame.getContentPane().removeAll();
                frame.getContentPane().add(component(value));
                frame.revalidate();
                frame.repaint();
            });
        } else {
            System.out.println(value);
        }
    }

    /** The directory headless plots are written to (created when missing). */
    public static Path directory() {
        String configured = System.getProperty("nnlab.plot.dir");
        Path dir = configured != null ? Path.of(configured)
                : Files.isDirectory(Path.of("target")) ? Path.of("target", "plots")
                : Path.of(System.getProperty("java.io.tmpdir"), "nnlab-plots");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the plot directory " + dir, e);
        }
        return dir.toAbsolutePath().normalize();
    }

    private static void write(Object value, Path file) {
        if (value instanceof Chart<?, ?> chart) {
            Plots.save(chart, file.toString());
        } else {
            Plots.save((BufferedImage) value, file.toString());
        }
    }

    private static JFrame window(Object value) {
        if (value instanceof Chart<?, ?> chart) {
            JFrame frame = new SwingWrapper<>(chart).setTitle("nnlab").displayChart();
            SwingUtilities.invokeLater(() -> frame.setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE));
            return frame;
        }
        JFrame frame = new JFrame("nnlab");
        SwingUtilities.invokeLater(() -> {
            frame.setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
            frame.getContentPane().add(component(value));
            frame.pack();
            frame.setVisible(true);
        });
        return frame;
    }

    private static java.awt.Component component(Object value) {
        if (value instanceof Chart<?, ?> chart) {
            return new XChartPanel<>(chart);
        }
        if (value instanceof BufferedImage im) {
            return new JLabel(new ImageIcon(im));
        }
        return new JLabel(String.valueOf(value));
    }
}
