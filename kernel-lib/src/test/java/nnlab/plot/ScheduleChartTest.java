package nnlab.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import nnlab.optim.Schedule;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

class ScheduleChartTest {

    @Test
    void etaAgainstEpochByHand() {
        Schedule s = Schedule.step(0.1, 0.5, 2);
        XYChart c = Plots.schedule(s, 5);
        var series = c.getSeries("step(eta0=0.1, gamma=0.5, stepSize=2)");
        assertArrayEquals(new double[] {1, 2, 3, 4, 5}, series.getXData(), 0);
        // epoch e uses at(e - 1): 0.1, 0.1, 0.05, 0.05, 0.025
        assertArrayEquals(new double[] {0.1, 0.1, 0.05, 0.05, 0.025}, series.getYData(), 1e-15);
        assertEquals("epoch", c.getXAxisTitle());
        assertEquals("learning rate η", c.getYAxisTitle());
        BufferedImage im = Render.png(c);
        double x = c.getScreenXFromChart(3);
        double y = c.getScreenYFromChart(0.05);
        assertTrue(Render.near(im, x, y, 2, Palette.color(0).getRGB() & 0xffffff, 40), "the line passes (3, 0.05)");
    }

    @Test
    void secondScheduleGoesOnTheSameChartInTheNextColour() {
        XYChart c = Plots.schedule(Schedule.exponential(0.1, 0.9), 30);
        Plots.schedule(c, Schedule.constant(0.05), 30);
        assertEquals(2, c.getSeriesCollection().size());
        assertEquals(Palette.color(1), c.getSeries("constant(0.05)").getLineColor());
        assertEquals(0.1 * Math.pow(0.9, 29), c.getSeries("exponential(eta0=0.1, d=0.9)").getYData()[29], 1e-15);
    }

    @Test
    void badArguments() {
        var e = assertThrows(IllegalArgumentException.class, () -> Plots.schedule(Schedule.constant(0.1), 0));
        assertEquals("schedule: epochs must be >= 1, got 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Plots.schedule(null, 10));
        assertEquals("schedule: the schedule is null; expected e.g. Schedule.exponential(0.1, 0.9)", e.getMessage());
    }
}
