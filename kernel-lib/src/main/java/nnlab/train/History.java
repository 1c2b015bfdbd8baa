package nnlab.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import nnlab.display.HtmlDisplayable;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * What happened while training: one row per epoch with the losses, accuracies, penalty and learning rate.
 *
 * <p>Metric names ({@link Metric}'s keys), in table order: {@code "epoch"}, {@code "train_loss"},
 * {@code "train_accuracy"}, {@code "penalty"}, {@code "val_loss"}, {@code "val_accuracy"}, {@code "test_loss"},
 * {@code "test_accuracy"}, {@code "lr"}. A run keeps only what it measures: test metrics need a test set, val
 * metrics a {@link Trainer#validationSplit}, the penalty a {@link Trainer#regularizer} (train_loss is then
 * still the data loss, comparable with val_loss and test_loss), accuracies class labels (not regression with
 * MSE); {@link #metrics()} lists them. Lists are read-only live views: a {@link Trainer.Listener} sees them
 * grow. Epochs are numbered from 1.
 *
 * <pre>{@code
 * History h = new Trainer().validationSplit(0.2).run(net, loss, opt, train, test, 100, 10);
 * System.out.println(h);                             // fixed-width table, one row per epoch
 * int best = h.bestEpoch("val_loss");  double acc = h.last("test_accuracy");
 * }</pre>
 */
public final class History implements HtmlDisplayable {
    /** Every metric name, in table order. */
    public static final List<String> METRICS = List.copyOf(Metric.keys(List.of(Metric.values())));

    private final Map<Metric, List<Double>> columns = new EnumMap<>(Metric.class);
    private final Set<Metric> kept;
    private String stopReason = "not finished";

    /** An empty history keeping the metrics in {@code kept} (epoch, train_loss and lr always). */
    History(Set<Metric> kept) {
        this.kept = EnumSet.of(Metric.EPOCH, Metric.TRAIN_LOSS, Metric.LR);
        this.kept.addAll(kept);
        for (Metric m : Metric.values()) {
            columns.put(m, new ArrayList<>());
        }
    }

    /** Appends one epoch's row: a value for every metric this history keeps (others are ignored). */
    void add(Map<Metric, Double> row) {
        for (Metric m : kept) {
            Double v = row.get(m);
            if (v == null) {
                throw new IllegalStateException("History: the row for epoch " + row.get(Metric.EPOCH) + " has no " + m);
            }
            columns.get(m).add(v);
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

    /** Loss on the validation part ({@link Trainer#validationSplit}) after each epoch. */
    public List<Double> valLoss() {
        return get("val_loss");
    }

    public List<Double> valAccuracy() {
        return get("val_accuracy");
    }

    /** The mean regularization penalty of each epoch's steps ({@link Trainer#regularizer}). */
    public List<Double> penalty() {
        return get("penalty");
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
        List<Double> v = values("last", metric);
        return v.get(v.size() - 1);
    }

    /** The epoch (from 1) with the best value of {@code metric}: its smallest loss or penalty, its largest accuracy. */
    public int bestEpoch(String metric) {
        return bestEpoch(Metric.of(metric));
    }

    /** {@link #bestEpoch(String)} with the metric as a {@link Metric}; the first such epoch on a tie. */
    public int bestEpoch(Metric metric) {
        if (!metric.isScore()) {
            throw new IllegalArgumentException("History.bestEpoch: " + metric + " is not a loss or accuracy; expected one of "
                    + String.join(", ", scores()));
        }
        List<Double> v = values("bestEpoch", metric);
        int best = 0;
        for (int i = 1; i < v.size(); i++) {
            if (metric.minimized() ? v.get(i) < v.get(best) : v.get(i) > v.get(best)) {
                best = i;
            }
        }
        return best + 1;
    }

    /** The values of a metric with at least one value, or an error saying why there are none. */
    private List<Double> values(String method, Metric metric) {
        List<Double> values = columns.get(metric);
        if (!values.isEmpty()) {
            return values;
        }
        String why = size() == 0 ? "no epoch has finished" : why(metric);
        throw new IllegalStateException("History." + method + ": no values for " + metric + " (" + why + ")"
                + (size() == 0 ? "" : "; this run records " + String.join(", ", metrics())));
    }

    /** Why a run may not record {@code metric} (not epoch, train_loss or lr, which every run records). */
    static String why(Metric metric) {
        return metric.needsTestSet() ? "no test set was given"
                : metric.needsValidation() ? "no validation split was set, e.g. new Trainer().validationSplit(0.2)"
                : metric == Metric.PENALTY ? "no regularizer was set, e.g. new Trainer().regularizer(Regularizer.l2(1e-4))"
                : "the targets are not class labels that fit the output";
    }

    /** True when this history keeps {@code metric}: test metrics need a test set, accuracies class labels, ... */
    public boolean records(Metric metric) {
        return kept.contains(metric);
    }

    /** The recorded metrics that are losses, penalties or accuracies (what early stopping can watch). */
    List<String> scores() {
        return Metric.keys(recorded().stream().filter(Metric::isScore).toList());
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

    /**
     * Why training ended: "completed 100 epochs", early stopping, interruption, or a NaN loss; with
     * {@link Trainer#restoreBest}, also which epoch's weights the model was given back.
     */
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
