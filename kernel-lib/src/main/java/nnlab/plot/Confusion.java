package nnlab.plot;

import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.style.HeatMapStyler;

/**
 * A confusion matrix as a heat map: row = true class (first class on top), column = predicted
 * class, cell colour and the number written in it = how many samples fell there.
 *
 * <p>Shapes: {@code counts} [C][C] with {@code counts[t][p]} = samples of true class t predicted as
 * p; class names [C] (null gives "0", "1", ...). Colours run from white (0) to mid blue (max).
 *
 * <pre>{@code
 * int[][] counts = {{50, 2}, {5, 43}};
 * HeatMapChart cm = Confusion.of(counts, List.of("cat", "dog"));
 * Plots.save(cm, "confusion.png");
 * }</pre>
 */
final class Confusion {

    private Confusion() {
    }

    static HeatMapChart of(int[][] counts, List<String> classNames) {
        int c = counts == null ? 0 : counts.length;
        if (c == 0) {
            throw new IllegalArgumentException("confusion: counts must be a non-empty [C][C] array");
        }
        for (int t = 0; t < c; t++) {
            if (counts[t].length != c) {
                throw new IllegalArgumentException("confusion: counts must be square [" + c + "][" + c + "], row " + t
                        + " has " + counts[t].length + " entries");
            }
        }
        if (classNames != null && classNames.size() != c) {
            throw new IllegalArgumentException("confusion: " + classNames.size() + " class names for " + c + " classes");
        }
        List<String> names = new ArrayList<>();
        for (int k = 0; k < c; k++) {
            names.add(classNames == null ? Integer.toString(k) : classNames.get(k));
        }
        List<String> rowsBottomUp = new ArrayList<>(names);
        java.util.Collections.reverse(rowsBottomUp);
        List<Number[]> cells = new ArrayList<>();
        int max = 0;
        for (int t = 0; t < c; t++) {
            for (int p = 0; p < c; p++) {
                cells.add(new Number[] {p, c - 1 - t, counts[t][p]});
                max = Math.max(max, counts[t][p]);
            }
        }
        int side = Math.min(640, 300 + 34 * c);
        HeatMapChart chart = new HeatMapChartBuilder().width(side + 110).height(side).build();
        chart.setTitle("Confusion matrix");
        chart.setXAxisTitle("predicted");
        chart.setYAxisTitle("true");
        HeatMapStyler s = chart.getStyler();
        Style.apply(s);
        s.setPlotContentSize(1.0);
        s.setShowValue(true);
        s.setValueFont(new Font(Font.SANS_SERIF, Font.BOLD, c > 12 ? 10 : 13));
        s.setValueFontColor(Style.TEXT);
        s.setHeatMapDecimalValueFormatter(v -> Long.toString(Math.round(v)));
        s.setRangeColors(new Color[] {ColorMap.BLUES.color(0), ColorMap.BLUES.color(0.34),
                                      ColorMap.BLUES.color(0.67), ColorMap.BLUES.color(1)});
        s.setMin(0);
        s.setMax(Math.max(1, max));
        s.setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
        s.setPlotGridLinesVisible(false);
        s.setDrawBorder(true);
        s.setXAxisTickMarkSpacingHint(10);
        s.setYAxisTickMarkSpacingHint(10);
        s.setDecimalPattern("#,##0");
        s.setHeatMapValueDecimalPattern("#,##0");
        chart.addSeries("counts", names, rowsBottomUp, cells);
        return chart;
    }
}
