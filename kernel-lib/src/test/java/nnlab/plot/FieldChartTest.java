package nnlab.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class FieldChartTest {

    @Test
    void theShaderPaintsThePlotAreaUnderTheSeriesAndNothingElse() {
        // quadrants: blue where x * y > 0, orange elsewhere
        FieldChart c = new FieldChart("quadrants", -1, 1, -2, 2, (x, y) -> x * y > 0 ? 0xff1f77b4 : 0xffff7f0e);
        c.addSeries("diagonal", new double[] {-1, 1}, new double[] {-2, 2}).setLineColor(Color.BLACK);
        BufferedImage im = Render.png(c);
        assertEquals(0xff7f0e, Render.rgb(im, c.getScreenXFromChart(0.5), c.getScreenYFromChart(-1.5)), "x > 0, y < 0");
        assertEquals(0x1f77b4, Render.rgb(im, c.getScreenXFromChart(0.3), c.getScreenYFromChart(1.5)), "x > 0, y > 0 off the diagonal");
        assertEquals(0x1f77b4, Render.rgb(im, c.getScreenXFromChart(-0.7), c.getScreenYFromChart(-0.4)));
        assertTrue(Render.near(im, c.getScreenXFromChart(0.25), c.getScreenYFromChart(0.5), 1, 0x000000, 60),
                "the series is drawn over the field");
        Rectangle area = c.plotArea();
        assertEquals(0xffffff, im.getRGB(area.x - 12, area.y + 5) & 0xffffff, "white outside the plot area");
        assertEquals(0xffffff, im.getRGB(area.x + area.width + 5, area.y + 5) & 0xffffff, "no colour bar unless set");
        assertEquals(Color.WHITE, c.getStyler().getChartBackgroundColor(), "styler colours are restored after painting");
        assertEquals(Color.WHITE, c.getStyler().getPlotBackgroundColor());
        assertEquals(600, c.getWidth(), "the chart keeps its full width");
    }
}
