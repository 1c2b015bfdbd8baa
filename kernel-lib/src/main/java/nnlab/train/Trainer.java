package nnlab.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import nnlab.Rng;
import nnlab.data.Batches;
import nnlab.data.Dataset;
import nnlab.loss.Loss;
import nnlab.metrics.Metrics;
import nnlab.optim.Optimizer;
import nnlab.optim.Schedule;
import nnlab.tensor.Tensor;

/**
 * Mini-batch training of a {@link Model} (a {@code Net}, or any model): each epoch shuffles the training
 * set, and for every batch runs forward, loss, backward and {@code optimizer.step()}, then records the
 * epoch's metrics in a {@link History}.
 *
 * <pre>
 * for epoch t = 0 .. epochs-1:
 *     lr = schedule.at(t)                      (when a schedule is set)
 *     for each batch (xb, yb) of Batches(train, batchSize, rng) (a seeded permutation):
 *         optimizer.zeroGrad()                 (gradients accumulate)
 *         out = model.forward(xb);  L = loss(yb, out)      (stop if L is NaN or infinite)
 *         model.backward(dL/dout);  optimizer.step()      (a Net skips dL/dx for the data)
 *     train_loss, train_accuracy = averages over the epoch's batches (weights changing as they go)
 *     test_loss, test_accuracy   = on the whole test set after the epoch (model.predict, eval mode)
 * </pre>
 *
 * <p>Targets: {@code Dataset.y()} is [N]. For a model output [N, 1] (sigmoid) it is passed as [N, 1]; for
 * output [N] as [N]; for [N, C] in the form the loss declares ({@link Loss#target()}): integer labels [N]
 * (CrossEntropy), or one-hot [N, C] (MeanSquaredError, and any loss after
 * {@link #oneHotTargets(boolean) oneHotTargets(true)}). Accuracy ({@link Metrics#accuracy}) is recorded
 * when y holds labels that fit the output (0/1, or 0..C-1).
 *
 * <p>Settings: seed 12345 (same seed, same initial net → identical History), shuffle on, no schedule,
 * no early stopping, verbose: a {@link Progress} line that updates in place and a table of every tenth
 * epoch ({@code verbose(5)}: every fifth; {@code verbose(false)}: nothing). Early stopping ends training when
 * a metric has not improved for {@code patience} epochs; the net keeps its last weights (the best ones
 * are not restored). Each batch checks {@code Thread.interrupted()}, so the notebook's stop button ends
 * training with a {@link TrainingException} (the interrupt is consumed, so the next cell runs normally);
 * so does a NaN or infinite loss. Settings apply through {@link #run}; the static {@code fit} always uses
 * the defaults.
 *
 * <pre>{@code
 * History h = Trainer.fit(net, new BinaryCrossEntropy(), new SGD(net.params(), 0.01), train, test, 100, 10);
 * History h2 = new Trainer().seed(7).schedule(Schedule.exponential(0.1, 0.95)).earlyStopping("test_loss", 5)
 *         .verbose(false).run(net, loss, opt, train, test, 100, 10);
 * }</pre>
 */
public final class Trainer {

    /** Called after every epoch with the history so far and the epoch number (from 1). */
    @FunctionalInterface
    public interface Listener {
        void onEpoch(History h, int epoch);
    }

    private long seed = 12345;
    private boolean shuffle = true;
    private Schedule schedule;
    private Metric stopMetric;
    private int patience;
    private boolean verbose = true;
    private int every = -1;
    private boolean oneHot;
    private final List<Listener> listeners = new ArrayList<>();

    /** Trains with the default settings; see the class comment. */
    public static History fit(Model model, Loss loss, Optimizer opt, Dataset train, Dataset test, int epochs,
            int batchSize) {
        return new Trainer().run(model, loss, opt, train, test, epochs, batchSize);
    }

    /** Trains with the default settings, calling {@code listener} after every epoch. */
    public static History fit(Model model, Loss loss, Optimizer opt, Dataset train, Dataset test, int epochs,
            int batchSize, Listener listener) {
        return new Trainer().listener(listener).run(model, loss, opt, train, test, epochs, batchSize);
    }

    /** Seed of the shuffling (default 12345). */
    public Trainer seed(long seed) {
        this.seed = seed;
        return this;
    }

    /** Shuffle the training set every epoch (default true); false keeps the dataset's order. */
    public Trainer shuffle(boolean shuffle) {
        this.shuffle = shuffle;
        return this;
    }

    /** Learning rate per epoch, set on the optimizer before each epoch; null for none. */
    public Trainer schedule(Schedule schedule) {
        this.schedule = schedule;
        return this;
    }

    /**
     * Stop when {@code metric} has not improved for {@code patience} epochs in a row: losses must
     * decrease, accuracies increase. The net keeps its last weights.
     */
    public Trainer earlyStopping(String metric, int patience) {
        boolean known = Metric.keys(List.of(Metric.values())).contains(metric);
        return earlyStopping(known ? Metric.of(metric) : null, patience, metric);
    }

    /** {@link #earlyStopping(String, int)} with the metric as a {@link Metric}. */
    public Trainer earlyStopping(Metric metric, int patience) {
        return earlyStopping(metric, patience, String.valueOf(metric));
    }

    private Trainer earlyStopping(Metric metric, int patience, String asGiven) {
        if (metric == null || !metric.isScore()) {
            throw new IllegalArgumentException("Trainer: early stopping metric must be one of train_loss, test_loss, "
                    + "train_accuracy, test_accuracy, got \"" + asGiven + "\"");
        }
        if (patience < 1) {
            throw new IllegalArgumentException("Trainer: patience must be >= 1, got " + patience);
        }
        this.stopMetric = metric;
        this.patience = patience;
        return this;
    }

    /** Show progress (default true): a line updated in place and a table of about ten epochs ({@link Progress}). */
    public Trainer verbose(boolean verbose) {
        this.verbose = verbose;
        return this;
    }

    /** Show progress with a table row every {@code every} epochs: 1 for each epoch, 0 for only the last. */
    public Trainer verbose(int every) {
        if (every < 0) {
            throw new IllegalArgumentException("Trainer: verbose(every) needs every >= 0 (0: only the last epoch), got " + every);
        }
        this.verbose = true;
        this.every = every;
        return this;
    }

    /** For a net with C outputs: pass one-hot [N, C] targets instead of labels [N] (automatic for MSE). */
    public Trainer oneHotTargets(boolean oneHot) {
        this.oneHot = oneHot;
        return this;
    }

    /** Adds a listener called after every epoch (live plots, progress). */
    public Trainer listener(Listener listener) {
        if (listener == null) {
            throw new IllegalArgumentException("Trainer: listener must not be null");
        }
        listeners.add(listener);
        return this;
    }

    /** Trains {@code model} (e.g. a {@code Net}) for up to {@code epochs} epochs; {@code test} may be null. */
    public History run(Model model, Loss loss, Optimizer opt, Dataset train, Dataset test, int epochs, int batchSize) {
        check(model, loss, opt, train, test, epochs, batchSize);
        Tensor probe = model.predict(train.x().rows(0, Math.min(batchSize, train.size())));
        History h = new History(test != null, recordsAccuracy(probe, train, test));
        Loop loop = new Loop(model, loss, opt, new Targets(oneHot ? Loss.Target.ONE_HOT : loss.target()), h);
        Batches batches = shuffle ? new Batches(train, batchSize, new Rng(seed)) : new Batches(train, batchSize);
        EarlyStop early = stopMetric == null ? null : new EarlyStop(stopMetric, patience);
        boolean finished = false;
        Progress progress = verbose ? progress(h, epochs) : null;
        for (int epoch = 1; epoch <= epochs && !finished; epoch++) {
            if (schedule != null) {
                opt.setLearningRate(schedule.at(epoch - 1));
            }
            double[] tr = loop.epoch(epoch, batches);
            double[] te = test == null ? new double[] {Double.NaN, Double.NaN} : loop.evaluate(epoch, test);
            h.add(epoch, tr[0], tr[1], te[0], te[1], opt.learningRate());
            finished = endEpoch(h, epoch, epochs, early, progress);
        }
        return h;
    }

    /** Whether accuracy applies (labels fit the output); checks the early-stopping metric can be computed. */
    private boolean recordsAccuracy(Tensor probe, Dataset train, Dataset test) {
        boolean accuracy = Targets.areLabels(train.y(), probe) && (test == null || Targets.areLabels(test.y(), probe));
        if (stopMetric != null && stopMetric.needsTestSet() && test == null) {
            throw new IllegalArgumentException("Trainer: early stopping on " + stopMetric + " needs a test set, got test = null");
        }
        if (stopMetric != null && stopMetric.isAccuracy() && !accuracy) {
            throw new IllegalArgumentException("Trainer: early stopping on " + stopMetric
                    + " needs class labels in y that fit the net's output " + java.util.Arrays.toString(probe.shape()));
        }
        return accuracy;
    }

    /** Stop reason, progress line and listeners after an epoch; true when training should end. */
    private boolean endEpoch(History h, int epoch, int epochs, EarlyStop early, Progress progress) {
        String stop = early == null ? null : early.update(h, epoch);
        if (stop == null && epoch == epochs) {
            stop = "completed " + epochs + " epoch" + (epochs == 1 ? "" : "s");
        }
        if (stop != null) {
            h.stop(stop);
        }
        if (progress != null) {
            progress.update(epoch, columns(h).stream().mapToDouble(h::last).toArray());
            if (stop != null && !stop.startsWith("completed")) {
                progress.stop(stop);
            }
        }
        for (Listener l : listeners) {
            l.onEpoch(h, epoch);
        }
        return stop != null;
    }

    private static void check(Model model, Loss loss, Optimizer opt, Dataset train, Dataset test, int epochs,
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

    /** The progress display for this run: every metric but the epoch, the learning rate only with a schedule. */
    private Progress progress(History h, int epochs) {
        String[] names = columns(h).toArray(new String[0]);
        return every < 0 ? new Progress(epochs, names) : new Progress(epochs, every, names);
    }

    private List<String> columns(History h) {
        return h.metrics().stream().filter(m -> !m.equals("epoch") && (schedule != null || !m.equals("lr"))).toList();
    }
}
