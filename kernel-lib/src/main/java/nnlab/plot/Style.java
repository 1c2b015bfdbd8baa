package nnlab.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;

/**
 * The house look of every nnlab chart: 600×400, white background, readable sans-serif fonts, the
 * {@link Palette} colours, a thin frame, faint grid lines, no tool tips or buttons.
 *
 * <p>Everything here only sets values on the chart's XChart {@code Styler}, so a student can change
 * any of it afterwards with {@code chart.getStyler()}.
 *
 * <pre>{@code
 * XYChart c = Style.xyChart("Loss", "epoch", "loss");
 * c.addSeries("train", epochs, loss);
 * c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);   // still plain XChart
 * }</pre>
 */
public final class Style {

    /** Default chart width in pixels. */
    public static final int WIDTH = 600;
    /** Default chart height in pixels. */
    public static final int HEIGHT = 400;
    /**
     * The widest picture nnlab draws, in pixels: JupyterLab's notebook column at a common window width
     * (about 950 px), so a picture is shown at 100 % and its text keeps the size it was drawn at.
     */
    public static final int COLUMN_WIDTH = 940;
    /** Text colour of titles, labels and ticks. */
    public static final Color TEXT = new Color(0x262626);
    static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 14);

    static {
        ChartFallback.install();
    }

    private Style() {
    }

    /** A 600×400 line chart in the house style. */
    public static XYChart xyChart(String title, String xTitle, String yTitle) {
        XYChart chart = new XYPlot(WIDTH, HEIGHT);
        init(chart, title, xTitle, yTitle);
        return chart;
    }

    /** Applies titles and the house style to an XY chart made elsewhere (e.g. a subclass). */
    static void init(XYChart chart, String title, String xTitle, String yTitle) {
        chart.setTitle(title == null ? "" : title);
        chart.setXAxisTitle(xTitle == null ? "" : xTitle);
        chart.setYAxisTitle(yTitle == null ? "" : yTitle);
        XYStyler s = chart.getStyler();
        apply(s);
        s.setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setLegendPosition(Styler.LegendPosition.InsideNE);
        s.setXAxisTitleVisible(xTitle != null && !xTitle.isEmpty());
        s.setYAxisTitleVisible(yTitle != null && !yTitle.isEmpty());
    }

    /** The house look for any chart with axes (XY, heat map). */
    public static void apply(AxesChartStyler s) {
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderVisible(true);
        s.setPlotBorderColor(new Color(0x4d4d4d));
        s.setPlotGridLinesColor(new Color(0xebebeb));
        s.setPlotGridLinesStroke(new BasicStroke(1f));
        s.setPlotTicksMarksVisible(false);
        s.setAxisTicksLineVisible(false);
        s.setAxisTickMarksColor(new Color(0x4d4d4d));
        s.setChartFontColor(TEXT);
        s.setAxisTickLabelsColor(TEXT);
        s.setAxisTickLabelsFont(TICK_FONT);
        s.setYAxisLabelAlignment(AxesChartStyler.TextAlignment.Right);
        s.setAxisTitleFont(LABEL_FONT);
        s.setChartTitleFont(TITLE_FONT);
        s.setChartTitleBoxVisible(false);
        s.setChartTitleVisible(true);
        s.setLegendFont(TICK_FONT);
        s.setLegendBorderColor(new Color(0xcccccc));
        s.setLegendBackgroundColor(new Color(255, 255, 255, 220));
        s.setSeriesColors(Palette.COLORS);
        s.setMarkerSize(6);
        s.setChartPadding(8);
        s.setPlotMargin(0);
        s.setAntiAlias(true);
        s.setTextAntiAlias(true);
        s.setLocale(java.util.Locale.ROOT);
    }
}
