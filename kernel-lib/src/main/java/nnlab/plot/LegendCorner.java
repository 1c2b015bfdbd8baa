package nnlab.plot;

import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler.LegendPosition;

/**
 * Puts a chart's legend in the inside corner that hides the fewest data points (matplotlib's
 * {@code loc="best"}, simplified).
 *
 * <p>Each point of a series shown in the legend is placed at (u, v) in [0, 1]² of the data's range;
 * a corner counts the points with u in its outer 40% and v in its outer 35%. Ties go in the order
 * NE, NW, SE, SW.
 *
 * <pre>{@code
 * XYChart c = Plots.line(x -> 1 / (1 + Math.exp(-x)), -5, 5, "sigmoid");
 * LegendCorner.place(c);                  // top left: the sigmoid is low there
 * c.getStyler().getLegendPosition();       // InsideNW
 * }</pre>
 */
final class LegendCorner {
    private static final LegendPosition[] CORNERS = {
        LegendPosition.InsideNE, LegendPosition.InsideNW, LegendPosition.InsideSE, LegendPosition.InsideSW
    };

    private LegendCorner() {
    }

    static void place(XYChart chart) {
        List<XYSeries> shown = chart.getSeriesCollection().stream().filter(XYSeries::isShowInLegend).toList();
        double[] r = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (XYSeries s : shown) {
            for (int i = 0; i < s.getXData().length; i++) {
                if (Double.isFinite(s.getXData()[i]) && Double.isFinite(s.getYData()[i])) {
                    r[0] = Math.min(r[0], s.getXData()[i]);
                    r[1] = Math.max(r[1], s.getXData()[i]);
                    r[2] = Math.min(r[2], s.getYData()[i]);
                    r[3] = Math.max(r[3], s.getYData()[i]);
                }
            }
        }
        int[] count = new int[4];
        for (XYSeries s : shown) {
            for (int i = 0; i < s.getXData().length; i++) {
                double u = (s.getXData()[i] - r[0]) / (r[1] - r[0]);
                double v = (s.getYData()[i] - r[2]) / (r[3] - r[2]);
                boolean top = v > 0.65;
                boolean bottom = v < 0.35;
                count[0] += u > 0.6 && top ? 1 : 0;
                count[1] += u < 0.4 && top ? 1 : 0;
                count[2] += u > 0.6 && bottom ? 1 : 0;
                count[3] += u < 0.4 && bottom ? 1 : 0;
            }
        }
        int best = 0;
        for (int k = 1; k < 4; k++) {
            best = count[k] < count[best] ? k : best;
        }
        chart.getStyler().setLegendPosition(CORNERS[best]);
    }
}
