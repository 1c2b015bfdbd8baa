package nnlab.plot;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.style.Styler;

/**
 * A bar chart of one value per category, such as the number of samples in each class.
 *
 * <p>Shapes: {@code categories} [K] distinct names, {@code values} [K] finite numbers; bar k has height
 * {@code values[k]}. The bars take the first {@link Palette} colour; more series (e.g. test beside train)
 * are added with XChart's own {@code chart.addSeries(name, categories, values)} and take the next colours,
 * side by side, with the legend to the right of the plot. The y axis starts at 0, every bar is labelled, and
 * the chart is a plain XChart {@link CategoryChart} in the house {@link Style}.
 *
 * <pre>{@code
 * CategoryChart c = Bars.of(List.of("0", "1", "2"), new double[] {98, 112, 101}, "train");
 * c.addSeries("test", List.of("0", "1", "2"), List.of(24, 28, 25));
 * Plots.show(c);
 * }</pre>
 */
final class Bars {

    private Bars() {
    }

    static CategoryChart of(List<String> categories, double[] values, String name) {
        check(categories, values);
        CategoryChart chart = new CategoryChart(Style.WIDTH, Style.HEIGHT);
        Style.apply(chart.getStyler());
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);   // inside, it would hide a bar
        chart.getStyler().setXAxisTickMarkSpacingHint(10);                       // a label under every bar
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setAvailableSpaceFill(0.8);
        chart.getStyler().setOverlapped(false);
        chart.getStyler().setYAxisDecimalPattern("#,##0.##");
        List<Double> ys = new ArrayList<>();
        for (double v : values) {
            ys.add(v);
        }
        chart.addSeries(name == null || name.isEmpty() ? "value" : name, new ArrayList<>(categories), ys);
        return chart;
    }

    private static void check(List<String> categories, double[] values) {
        if (categories == null || values == null || categories.isEmpty()) {
            throw new IllegalArgumentException("bar: need at least one category and its value, got categories "
                    + categories + " and " + (values == null ? "null" : values.length + " values"));
        }
        if (categories.size() != values.length) {
            throw new IllegalArgumentException("bar: " + categories.size() + " categories but " + values.length
                    + " values; expected one value per category");
        }
        if (new HashSet<>(categories).size() != categories.size() || categories.stream().anyMatch(c -> c == null)) {
            throw new IllegalArgumentException("bar: categories must be distinct and not null, got " + categories);
        }
        for (int k = 0; k < values.length; k++) {
            if (!Double.isFinite(values[k])) {
                throw new IllegalArgumentException("bar: value " + values[k] + " for category \"" + categories.get(k)
                        + "\" is not a finite number");
            }
        }
    }
}
