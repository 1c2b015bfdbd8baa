package nnlab.train;

import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import nnlab.data.Dataset;
import nnlab.loss.Loss;
import nnlab.optim.Optimizer;

/** The {@link Trainer}'s checks of its arguments and settings, each failing with a message naming what was wrong. */
final class TrainerChecks {
    private TrainerChecks() {
    }

    /** Null arguments, epochs or batchSize < 1, an empty training set, an optimizer of another model: errors. */
    static void arguments(Model model, Loss loss, Optimizer opt, Dataset train, Dataset test, int epochs,
            int batchSize) {
        if (model == null || loss == null || opt == null || train == null) {
            String which = model == null ? "net" : loss == null ? "loss" : opt == null ? "optimizer" : "train";
            throw new IllegalArgumentException("Trainer: " + which + " must not be null");
        }
        if (epochs < 1) {
            throw new IllegalArgumentException("Trainer: epochs must be >= 1, got " + epochs);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("Trainer: batchSize must be >= 1, got " + batchSize);
        }
        if (train.size() == 0) {
            throw new IllegalArgumentException("Trainer: the training set is empty");
        }
        Set<Object> netParams = Collections.newSetFromMap(new IdentityHashMap<>());
        netParams.addAll(model.params());
        if (opt.params().stream().noneMatch(netParams::contains)) {
            throw new IllegalArgumentException("Trainer: the optimizer updates none of this net's parameters; "
                    + "create it from this net, e.g. new SGD(net.params(), 0.01)");
        }
    }

    /** The metric called {@code name} if it is a loss, accuracy or penalty; else an error naming the setting. */
    static Metric scoreMetric(String setting, String name) {
        Metric m = Metric.keys(List.of(Metric.values())).contains(name) ? Metric.of(name) : null;
        if (m == null || !m.isScore()) {
            List<Metric> scores = Arrays.stream(Metric.values()).filter(Metric::isScore).toList();
            throw new IllegalArgumentException("Trainer: " + setting + " metric must be one of "
                    + String.join(", ", Metric.keys(scores)) + ", got \"" + name + "\"");
        }
        return m;
    }

    /** An error naming the setting and what the run records, unless {@code h} records {@code metric}. */
    static void recorded(History h, String setting, Metric metric) {
        if (!h.records(metric)) {
            throw new IllegalArgumentException("Trainer: " + setting + " on " + metric + ", which this run does not record ("
                    + History.why(metric) + "); it records " + String.join(", ", h.scores()));
        }
    }
}
