package nnlab.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

class XYPlotTest {

    @Test
    void automaticAxesSpanTheDataPlusFivePercentAndFollowNewSeries() {
        XYChart c = Plots.line(Contour.linspace(-5, 5, 101), Contour.linspace(0, 2, 101), "y");
        assertNull(c.getStyler().getXAxisMin(), "nothing fixed before the first paint");
        Render.png(c);
        assertEquals(1, c.getSeriesCollection().size(), "the hidden tick helper is gone after painting");
        assertEquals(-5.5, c.getStyler().getXAxisMin(), 1e-12);
        assertEquals(5.5, c.getStyler().getXAxisMax(), 1e-12);
        assertEquals(-0.1, c.getStyler().getYAxisMin(), 1e-12);
        Plots.line(c, new double[] {0, 15}, new double[] {0, 4}, "longer");
        Render.png(c);
        assertEquals(16.0, c.getStyler().getXAxisMax(), 1e-12, "the range follows the data at the next paint");
        assertEquals(4.2, c.getStyler().getYAxisMax(), 1e-12);
    }

    @Test
    void aRangeTheStudentFixedIsKept() {
        XYChart c = Plots.line(new double[] {0, 1, 2}, new double[] {0, 1, 4}, "y");
        Render.png(c);
        c.getStyler().setYAxisMin(-1.0).setYAxisMax(10.0);
        Render.png(c);
        assertEquals(-1.0, c.getStyler().getYAxisMin());
        assertEquals(10.0, c.getStyler().getYAxisMax());
        assertEquals(2.1, c.getStyler().getXAxisMax(), 1e-12, "x stays automatic");
        double top = c.getScreenYFromChart(10.0);
        double bottom = c.getScreenYFromChart(-1.0);
        assertEquals(11.0 / (bottom - top), 1.0 / (c.getScreenYFromChart(0) - c.getScreenYFromChart(1)), 1e-3,
                "the fixed range fills the plot");
    }

    @Test
    void logAxesGetMarginsInDecadesAndKeepZerosOffTheAxis() {
        double[] eps = {1e-12, 1e-9, 1e-6, 1e-3, 0.1};
        double[] err = {1e-13, 0, 1e-12, 1e-7, 1e-3};           // a 0 cannot sit on a log axis: skipped
        XYChart c = Plots.line(eps, err, "error");
        c.getStyler().setXAxisLogarithmic(true).setYAxisLogarithmic(true);
        Render.png(c);                                            // XChart throws on a range that reaches 0
        double decadesX = 11 * XYPlot.MARGIN;
        assertEquals(-12 - decadesX, Math.log10(c.getStyler().getXAxisMin()), 1e-9);
        assertEquals(-1 + decadesX, Math.log10(c.getStyler().getXAxisMax()), 1e-9);
        assertEquals(-13 - 10 * XYPlot.MARGIN, Math.log10(c.getStyler().getYAxisMin()), 1e-9);
    }

    @Test
    void tickLabelsGetJustTheDecimalsTheirSpacingNeeds() {
        assertEquals("0.###", XYPlot.roundLabels(null, null, 0.25, false));
        assertEquals("0.#", XYPlot.roundLabels(null, null, 10, false));
        assertEquals("0", XYPlot.roundLabels(null, null, 1000, false));
        assertEquals("0.00", XYPlot.roundLabels("0.00", "0.#", 10, false), "a pattern the student set is kept");
        assertNull(XYPlot.roundLabels(null, null, 10, true), "log axes keep XChart's labels");
        XYChart c = Plots.line(new double[] {0, 1, 2}, new double[] {0, 0.1, 0.25}, "y");
        Render.png(c);
        assertEquals("0.###", c.getStyler().getYAxisDecimalPattern());
        assertEquals("0.8", new java.text.DecimalFormat("0.###").format(0.8000000000000002));
    }

    @Test
    void onlySparseSeriesGetMarkersUnlessTheStudentChoseOne() {
        XYChart c = Plots.line(Contour.linspace(1, 100, 100), Contour.linspace(0, 1, 100), "dense");
        c.addSeries("also dense", Contour.linspace(1, 100, 100), Contour.linspace(1, 0, 100));
        c.addSeries("sparse", new double[] {1, 50, 100}, new double[] {0.5, 0.6, 0.7});
        c.addSeries("chosen", Contour.linspace(1, 100, 100), Contour.linspace(0, 0.5, 100))
                .setMarker(org.knowm.xchart.style.markers.SeriesMarkers.DIAMOND);
        Render.png(c);
        assertEquals(org.knowm.xchart.style.markers.SeriesMarkers.NONE, c.getSeries("dense").getMarker());
        assertEquals(org.knowm.xchart.style.markers.SeriesMarkers.NONE, c.getSeries("also dense").getMarker(),
                "100 points added with plain addSeries: no dot on each");
        assertEquals(org.knowm.xchart.style.markers.SeriesMarkers.CIRCLE, c.getSeries("sparse").getMarker());
        assertEquals(org.knowm.xchart.style.markers.SeriesMarkers.DIAMOND, c.getSeries("chosen").getMarker());
    }

    @Test
    void aLogAxisLabelsEveryTickOneWay() {
        assertEquals("0.###", XYPlot.logPattern(1e-3, 10.0), "0.001, 0.01, 0.1, 1, 10");
        assertEquals("0E0", XYPlot.logPattern(1e-5, 10.0), "not 0.001 beside 1E-4");
        assertEquals("0E0", XYPlot.logPattern(1.0, 1e6));
        XYChart c = Plots.line(new double[] {1, 2, 3}, new double[] {1e-6, 1e-3, 1}, "norm");
        c.getStyler().setYAxisLogarithmic(true);
        Render.png(c);
        assertEquals("0E0", c.getStyler().getYAxisDecimalPattern());
        c.getStyler().setYAxisDecimalPattern("0.0E0");
        Render.png(c);
        assertEquals("0.0E0", c.getStyler().getYAxisDecimalPattern(), "a pattern the student set is kept");
        XYChart d = Plots.line(new double[] {0, 1, 2}, new double[] {0, 0.1, 0.25}, "y");
        d.getStyler().setYAxisDecimalPattern("0.00");
        Render.png(d);
        Render.png(d);
        assertEquals("0.00", d.getStyler().getYAxisDecimalPattern(), "kept on later paints too");
    }

    @Test
    void toStringSaysWhatTheChartHoldsAndHowToSeeIt() {
        XYChart c = Plots.line(new double[] {0, 1, 2}, new double[] {0, 1, 4}, "y = x^2");
        c.setTitle("squares");
        assertEquals("XYPlot \"squares\", 600x400 px, 1 series: y = x^2 (3 points); "
                + "see it with Plots.show(chart) or Plots.save(chart, \"chart.png\")", c.toString());
    }
}
