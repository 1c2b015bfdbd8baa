package nnlab.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nnlab.display.HtmlDisplayable;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * What happened while training: one row per epoch with train/test loss and accuracy and the learning rate.
 *
 * <p>Metric names ({@link Metric}'s keys): {@code "epoch"}, {@code "train_loss"}, {@code "train_accuracy"},
 * {@code "test_loss"}, {@code "test_accuracy"}, {@code "lr"}. Test metrics are empty when no test set was given; accuracy is
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
    public static final List<String> METRICS = List.copyOf(Metric.keys(List.of(Metric.values())));

    private final Map<Metric, List<Double>> columns = new EnumMap<>(Metric.class);
    private final boolean hasTest;
    private final boolean hasAccuracy;
    private String stopReason = "not finished";

    /** An empty history; {@code hasTest} and {@code hasAccuracy} say which columns will be filled. */
    History(boolean hasTest, boolean hasAccuracy) {
        this.hasTest = hasTest;
        this.hasAccuracy = hasAccuracy;
        for (Metric m : Metric.values()) {
            columns.put(m, new ArrayList<>());
        }
    }

    /** Appends one epoch's row; pass NaN for metrics this history does not keep. */
    void add(int epoch, double trainLoss, double trainAcc, double testLoss, double testAcc, double lr) {
        double[] row = {epoch, trainLoss, trainAcc, testLoss, testAcc, lr};      // in Metric's order
        for (Metric m : Metric.values()) {
            if (records(m)) {
                columns.get(m).add(row[m.ordinal()]);
            }
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
        return get(Metric.of(metric));
    }

    /** The values of {@code metric} per epoch; empty if this run did not record it. */
    public List<Double> get(Metric metric) {
        return Collections.unmodifiableList(columns.get(metric));
    }

    /** The latest value of {@code metric}. */
    public double last(String metric) {
        return last(Metric.of(metric));
    }

    /** The latest value of {@code metric}. */
    public double last(Metric metric) {
        List<Double> values = columns.get(metric);
        if (values.isEmpty()) {
            String why = size() == 0 ? "no epoch has finished" : metric.needsTestSet() && !hasTest
                    ? "no test set was given" : "the targets are not class labels";
            throw new IllegalStateException("History: no values for " + metric + " (" + why + ")");
        }
        return values.get(values.size() - 1);
    }

    /** True when this history keeps {@code metric}: test metrics need a test set, accuracies class labels. */
    public boolean records(Metric metric) {
        return (!metric.needsTestSet() || hasTest) && (!metric.isAccuracy() || hasAccuracy);
    }

    /** The metric names that have values in this history, in table order. */
    public List<String> metrics() {
        return Metric.keys(recorded());
    }

    /** The metrics this history keeps, in table order. */
    List<Metric> recorded() {
        List<Metric> kept = new ArrayList<>();
        for (Metric m : Metric.values()) {
            if (records(m)) {
                kept.add(m);
            }
        }
        return kept;
    }

    /** Number of epochs recorded. */
    public int size() {
        return columns.get(Metric.EPOCH).size();
    }

    /** Why training ended: "completed 100 epochs", early stopping, interruption, or a NaN loss. */
    public String stopReason() {
        return stopReason;
    }

    /** The history as a Tablesaw table named "history", one column per recorded metric. */
    public Table toTable() {
        Table t = Table.create("history");
        for (Metric m : recorded()) {
            t.addColumns(DoubleColumn.create(m.key(), get(m).stream().mapToDouble(Double::doubleValue).toArray()));
        }
        return t;
    }

    /** Fixed-width table, one row per epoch (the middle elided past 30 rows), then the stop reason. */
    @Override
    public String toString() {
        List<Metric> ms = recorded();
        StringBuilder sb = new StringBuilder();
        for (Metric m : ms) {
            sb.append(String.format(Locale.ROOT, m == Metric.EPOCH ? "%5s" : "  %14s", m.key()));
        }
        sb.append('\n');
        int n = size();
        for (int i = 0; i < n; i++) {
            if (n > 30 && i == 10) {
                sb.append(String.format(Locale.ROOT, "%5s%n", "..."));
                i = n - 10;
            }
            for (Metric m : ms) {
                double v = columns.get(m).get(i);
                sb.append(m == Metric.EPOCH ? String.format(Locale.ROOT, "%5d", (int) v)
                        : String.format(Locale.ROOT, "  %14s", cell(m, v)));
            }
            sb.append('\n');
        }
        return sb.append(stopReason).toString();
    }

    /** An HTML table of every epoch and the stop reason. */
    @Override
    public String toHtml() {
        List<Metric> ms = recorded();
        StringBuilder sb = new StringBuilder("<table class=\"nnlab-history\">\n<thead><tr>");
        ms.forEach(m -> sb.append("<th>").append(m.key()).append("</th>"));
        sb.append("</tr></thead>\n<tbody>\n");
        for (int i = 0; i < size(); i++) {
            sb.append("<tr>");
            for (Metric m : ms) {
                double v = columns.get(m).get(i);
                sb.append("<td>").append(m == Metric.EPOCH ? String.valueOf((int) v) : cell(m, v)).append("</td>");
            }
            sb.append("</tr>\n");
        }
        sb.append("</tbody>\n</table>\n<p>").append(stopReason.replace("&", "&amp;").replace("<", "&lt;"));
        return sb.append("</p>").toString();
    }

    /** A value as tables and progress lines show it: learning rates to 4 significant digits, the rest to 4 decimals. */
    static String cell(Metric metric, double v) {
        return String.format(Locale.ROOT, metric == Metric.LR ? "%.4g" : "%.4f", v);
    }
}
