package nnlab.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nnlab.display.HtmlDisplayable;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * What happened while training: one row per epoch with train/test loss and accuracy and the learning rate.
 *
 * <p>Metric names: {@code "epoch"}, {@code "train_loss"}, {@code "train_accuracy"}, {@code "test_loss"},
 * {@code "test_accuracy"}, {@code "lr"}. Test metrics are empty when no test set was given; accuracy is
 * empty when the targets are not class labels (e.g. regression with MSE). Lists are read-only live views:
 * a {@link Trainer.Listener} sees them grow. Epochs are numbered from 1.
 *
 * <pre>{@code
 * History h = Trainer.fit(net, loss, opt, train, test, 100, 10);
 * System.out.println(h);                             // fixed-width table, one row per epoch
 * double acc = h.last("test_accuracy");
 * }</pre>
 */
public final class History implements HtmlDisplayable {
    /** Every metric name, in table order. */
    public static final List<String> METRICS =
            List.of("epoch", "train_loss", "train_accuracy", "test_loss", "test_accuracy", "lr");

    private final Map<String, List<Double>> columns = new LinkedHashMap<>();
    private final boolean hasTest;
    private final boolean hasAccuracy;
    private String stopReason = "not finished";

    /** An empty history; {@code hasTest} and {@code hasAccuracy} say which columns will be filled. */
    History(boolean hasTest, boolean hasAccuracy) {
        this.hasTest = hasTest;
        this.hasAccuracy = hasAccuracy;
        for (String m : METRICS) {
            columns.put(m, new ArrayList<>());
        }
    }

    /** Appends one epoch's row; pass NaN for metrics this history does not keep. */
    void add(int epoch, double trainLoss, double trainAcc, double testLoss, double testAcc, double lr) {
        columns.get("epoch").add((double) epoch);
        columns.get("train_loss").add(trainLoss);
        columns.get("lr").add(lr);
        if (hasAccuracy) {
            columns.get("train_accuracy").add(trainAcc);
        }
        if (hasTest) {
            columns.get("test_loss").add(testLoss);
        }
        if (hasTest && hasAccuracy) {
            columns.get("test_accuracy").add(testAcc);
        }
    }

    void stop(String reason) {
        stopReason = reason;
    }

    public List<Double> epochs() {
        return get("epoch");
    }

    public List<Double> trainLoss() {
        return get("train_loss");
    }

    public List<Double> testLoss() {
        return get("test_loss");
    }

    public List<Double> trainAccuracy() {
        return get("train_accuracy");
    }

    public List<Double> testAccuracy() {
        return get("test_accuracy");
    }

    /** The learning rate used in each epoch. */
    public List<Double> learningRates() {
        return get("lr");
    }

    /** The values of {@code metric} per epoch (one of {@link #METRICS}); empty if this run did not record it. */
    public List<Double> get(String metric) {
        List<Double> values = columns.get(metric);
        if (values == null) {
            throw new IllegalArgumentException("History: unknown metric \"" + metric + "\"; expected one of "
                    + String.join(", ", METRICS));
        }
        return Collections.unmodifiableList(values);
    }

    /** The latest value of {@code metric}. */
    public double last(String metric) {
        List<Double> values = get(metric);
        if (values.isEmpty()) {
            String why = size() == 0 ? "no epoch has finished" : metric.startsWith("test") && !hasTest
                    ? "no test set was given" : "the targets are not class labels";
            throw new IllegalStateException("History: no values for " + metric + " (" + why + ")");
        }
        return values.get(values.size() - 1);
    }

    /** The metric names that have values in this history, in table order. */
    public List<String> metrics() {
        List<String> names = new ArrayList<>();
        for (String m : METRICS) {
            boolean test = m.startsWith("test");
            boolean accuracy = m.endsWith("accuracy");
            if ((!test || hasTest) && (!accuracy || hasAccuracy)) {
                names.add(m);
            }
        }
        return names;
    }

    /** Number of epochs recorded. */
    public int size() {
        return columns.get("epoch").size();
    }

    /** Why training ended: "completed 100 epochs", early stopping, interruption, or a NaN loss. */
    public String stopReason() {
        return stopReason;
    }

    /** The history as a Tablesaw table named "history", one column per recorded metric. */
    public Table toTable() {
        Table t = Table.create("history");
        for (String m : metrics()) {
            t.addColumns(DoubleColumn.create(m, get(m).stream().mapToDouble(Double::doubleValue).toArray()));
        }
        return t;
    }

    /** Fixed-width table, one row per epoch (the middle elided past 30 rows), then the stop reason. */
    @Override
    public String toString() {
        List<String> ms = metrics();
        StringBuilder sb = new StringBuilder();
        for (String m : ms) {
            sb.append(String.format(Locale.ROOT, m.equals("epoch") ? "%5s" : "  %14s", m));
        }
        sb.append('\n');
        int n = size();
        for (int i = 0; i < n; i++) {
            if (n > 30 && i == 10) {
                sb.append(String.format(Locale.ROOT, "%5s%n", "..."));
                i = n - 10;
            }
            for (String m : ms) {
                double v = columns.get(m).get(i);
                sb.append(m.equals("epoch") ? String.format(Locale.ROOT, "%5d", (int) v)
                        : String.format(Locale.ROOT, "  %14s", cell(m, v)));
            }
            sb.append('\n');
        }
        return sb.append(stopReason).toString();
    }

    /** An HTML table of every epoch and the stop reason. */
    @Override
    public String toHtml() {
        List<String> ms = metrics();
        StringBuilder sb = new StringBuilder("<table class=\"nnlab-history\">\n<thead><tr>");
        ms.forEach(m -> sb.append("<th>").append(m).append("</th>"));
        sb.append("</tr></thead>\n<tbody>\n");
        for (int i = 0; i < size(); i++) {
            sb.append("<tr>");
            for (String m : ms) {
                double v = columns.get(m).get(i);
                sb.append("<td>").append(m.equals("epoch") ? String.valueOf((int) v) : cell(m, v)).append("</td>");
            }
            sb.append("</tr>\n");
        }
        sb.append("</tbody>\n</table>\n<p>").append(stopReason.replace("&", "&amp;").replace("<", "&lt;"));
        return sb.append("</p>").toString();
    }

    private static String cell(String metric, double v) {
        return String.format(Locale.ROOT, metric.equals("lr") ? "%.4g" : "%.4f", v);
    }
}
