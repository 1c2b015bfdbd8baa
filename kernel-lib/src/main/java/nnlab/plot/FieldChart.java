package nnlab.plot;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.XYStyler;

/**
 * An XYChart whose plot area is painted from a function of (x, y) underneath the series: the filled
 * bands of a contour map, or the class regions of a decision boundary; optionally a colour bar.
 *
 * <p>XChart has no such chart, so {@link #paint} lays the chart out once off-screen to learn where
 * the axes put [xmin, xmax] × [ymin, ymax], paints that rectangle pixel by pixel with the
 * {@link Shader}, then paints the ordinary chart over it with see-through backgrounds. It stays a
 * real {@link XYChart}: series, {@code getStyler()}, {@code BitmapEncoder} and Swing all work.
 *
 * <pre>{@code
 * FieldChart c = new FieldChart("sign of xy", -1, 1, -1, 1, (x, y) -> x * y > 0 ? 0xffa6cee3 : 0xfffdbf6f);
 * c.addSeries("diagonal", new double[] {-1, 1}, new double[] {-1, 1});
 * Plots.save(c, "quadrants.png");
 * }</pre>
 */
public class FieldChart extends XYPlot {

    /** The colour (0xAARRGGBB) of the point (x, y). */
    @FunctionalInterface
    public interface Shader {
        int argb(double x, double y);
    }

    private static final Color CLEAR = new Color(0, 0, 0, 0);
    private final double xmin;
    private final double xmax;
    private final double ymin;
    private final double ymax;
    private final Shader shader;
    private ColorBar colorBar;
    private BufferedImage raster;

    /** A 600×400 chart of {@code shader} over [xmin, xmax] × [ymin, ymax] with axes fixed to that range. */
    public FieldChart(String title, double xmin, double xmax, double ymin, double ymax, Shader shader) {
        super(Style.WIDTH, Style.HEIGHT);
        if (!(xmin < xmax) || !(ymin < ymax)) {
            throw new IllegalArgumentException("FieldChart: need xmin < xmax and ymin < ymax, got x in [" + xmin
                    + ", " + xmax + "], y in [" + ymin + ", " + ymax + "]");
        }
        this.xmin = xmin;
        this.xmax = xmax;
        this.ymin = ymin;
        this.ymax = ymax;
        this.shader = java.util.Objects.requireNonNull(shader, "shader");
        Style.init(this, title, "x", "y");
        XYStyler s = getStyler();
        s.setXAxisMin(xmin).setXAxisMax(xmax).setYAxisMin(ymin).setYAxisMax(ymax);
        s.setPlotContentSize(1.0);
        s.setPlotGridLinesVisible(false);
        s.setLegendVisible(false);
    }

    /** Shows {@code bar} to the right of the plot (null removes it). */
    public void setColorBar(ColorBar bar) {
        this.colorBar = bar;
    }

    /** The colour bar, or null. */
    public ColorBar getColorBar() {
        return colorBar;
    }

    @Override
    public void paint(Graphics2D g, int width, int height) {
        int barWidth = colorBar == null ? 0 : colorBar.width(getStyler());
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB);
        Graphics2D sg = scratch.createGraphics();
        super.paint(sg, width - barWidth, height);        // layout only: where do the axes go?
        sg.dispose();
        Rectangle area = plotArea();
        XYStyler s = getStyler();
        Color chartBackground = s.getChartBackgroundColor();
        Color plotBackground = s.getPlotBackgroundColor();
        g.setColor(chartBackground);
        g.fillRect(0, 0, width, height);
        g.drawImage(raster(area), area.x, area.y, null);
        s.setChartBackgroundColor(CLEAR);
        s.setPlotBackgroundColor(CLEAR);
        try {
            super.paint(g, width - barWidth, height);
        } finally {
            s.setChartBackgroundColor(chartBackground);
            s.setPlotBackgroundColor(plotBackground);
        }
        if (colorBar != null) {
            colorBar.paint(g, area.x + area.width, area.y, area.height, s);
        }
        setWidth(width);
    }

    /** The pixel rectangle of [xmin, xmax] × [ymin, ymax] after the last layout. */
    Rectangle plotArea() {
        int x0 = (int) Math.round(getScreenXFromChart(xmin));
        int x1 = (int) Math.round(getScreenXFromChart(xmax));
        int y0 = (int) Math.round(getScreenYFromChart(ymax));
        int y1 = (int) Math.round(getScreenYFromChart(ymin));
        return new Rectangle(x0, y0, Math.max(1, x1 - x0), Math.max(1, y1 - y0));
    }

    /** The field at pixel resolution, recomputed only when the plot area changes size. */
    private BufferedImage raster(Rectangle area) {
        if (raster != null && raster.getWidth() == area.width && raster.getHeight() == area.height) {
            return raster;
        }
        int w = area.width;
        int h = area.height;
        int[] pixels = new int[w * h];
        for (int py = 0; py < h; py++) {
            double y = ymax - (py + 0.5) / h * (ymax - ymin);
            for (int px = 0; px < w; px++) {
                pixels[py * w + px] = shader.argb(xmin + (px + 0.5) / w * (xmax - xmin), y);
            }
        }
        BufferedImage im = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        im.setRGB(0, 0, w, h, pixels, 0, w);
        raster = im;
        return im;
    }
}
