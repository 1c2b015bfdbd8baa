package nnlab.train;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
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
 * (train, val) = split of train                 (with validationSplit: once, seeded, stratified by class)
 * for epoch t = 0 .. epochs-1:
 *     lr = schedule.at(t)                      (when a schedule is set)
 *     for each batch (xb, yb) of Batches(train, batchSize, rng) (a seeded permutation):
 *         optimizer.zeroGrad()                 (gradients accumulate)
 *         out = model.forward(xb);  L = loss(yb, out)      (stop if L is NaN or infinite)
 *         model.backward(dL/dout)                          (a Net skips dL/dx for the data)
 *         grad += dpenalty/dw                  (with a regularizer; penalty recorded apart from L)
 *         optimizer.step()
 *     train_loss, train_accuracy, penalty = averages over the epoch's batches (weights changing as they go)
 *     val_loss, val_accuracy, test_loss, test_accuracy = on the whole part after the epoch
 *                                           (model.predict, eval mode, in batches of max(batchSize, 256) rows)
 *     early stopping / reduceOnPlateau look at their metric
 * restoreBest: the weights of the best epoch are put back
 * </pre>
 *
 * <p>Targets: {@code Dataset.y()} is [N]. For a model output [N, 1] (sigmoid) it is passed as [N, 1]; for
 * output [N] as [N]; for [N, C] in the form the loss declares ({@link Loss#target()}): integer labels [N]
 * (CrossEntropy), or one-hot [N, C] (MeanSquaredError, and any loss after
 * {@link #oneHotTargets(boolean) oneHotTargets(true)}). Accuracy ({@link Metrics#accuracy}) is recorded
 * when y holds labels that fit the output (0/1, or 0..C-1).
 *
 * <p>Settings: seed 12345 (same seed, same initial net → identical History), shuffle on, no validation split,
 * no regularizer, no schedule, no early stopping, verbose: a {@link Progress} line that updates in place and a
 * table of every tenth epoch ({@code verbose(5)}: every fifth; {@code verbose(false)}: nothing). Early
 * stopping ends training when a metric has not improved for {@code patience} epochs; the net keeps its last
 * weights unless {@code restoreBest(true)}. Each batch checks {@code Thread.interrupted()}, so the notebook's
 * stop button ends training with a {@link TrainingException} (the interrupt is consumed, so the next cell runs
 * normally); so does a NaN or infinite loss. Settings apply through {@link #run}; the static {@code fit}
 * always uses the defaults.
 *
 * <pre>{@code
 * History h = Trainer.fit(net, new BinaryCrossEntropy(), new SGD(net.params(), 0.01), train, test, 100, 10);
 * History h2 = new Trainer().validationSplit(0.2).regularizer(Regularizer.l2(1e-4)).earlyStopping("val_loss", 5)
 *         .restoreBest(true).verbose(false).run(net, loss, opt, train, test, 100, 10);
 * }</pre>
 */
public final class Trainer {

    /** Called after every epoch with the history so far and the epoch number (from 1). */
    @FunctionalInterface
    public interface Listener {
        void onEpoch(History h, int epoch);
    }

    /** Held-out sets are evaluated in batches of at least this many rows (the training batch size if larger). */
    static final int EVAL_BATCH = 256;

    private long seed = 12345;
    private boolean shuffle = true;
    private double validation;
    private Regularizer regularizer;
    private Schedule schedule;
    private Plateau plateau;
    private Metric stopMetric;
    private int patience;
    private boolean restoreBest;
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

    /** Seed of the shuffling and of the validation split (default 12345). */
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
     * Hold out {@code fraction} of the training set, in (0, 1), as a validation set: once, before the first epoch,
     * seeded by {@link #seed}, stratified when y holds class labels (each class keeps its share, and must have a
     * sample in both parts). The History gains val_loss and val_accuracy, measured like the test metrics.
     */
    public Trainer validationSplit(double fraction) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("Trainer: validationSplit must be in (0, 1), the fraction of the training "
                    + "set to hold out (e.g. 0.2), got " + fraction);
        }
        this.validation = fraction;
        return this;
    }

    /** Add {@code r}'s penalty to the objective ({@link Regularizer}); the History records it as "penalty". Null for none. */
    public Trainer regularizer(Regularizer r) {
        this.regularizer = r;
        return this;
    }

    /**
     * Stop when {@code metric} (any recorded loss, accuracy or penalty, e.g. "val_loss") has not improved for
     * {@code patience} epochs in a row: losses must decrease, accuracies increase. The net keeps its last
     * weights unless {@link #restoreBest(boolean) restoreBest(true)}.
     */
    public Trainer earlyStopping(String metric, int patience) {
        return earlyStopping(TrainerChecks.scoreMetric("early stopping", metric), patience);
    }

    /** {@link #earlyStopping(String, int)} with the metric as a {@link Metric}. */
    public Trainer earlyStopping(Metric metric, int patience) {
        TrainerChecks.scoreMetric("early stopping", String.valueOf(metric));
        if (patience < 1) {
            throw new IllegalArgumentException("Trainer: patience must be >= 1, got " + patience);
        }
        this.stopMetric = metric;
        this.patience = patience;
        return this;
    }

    /**
     * With early stopping: put back the weights of the epoch where its metric was best when training ends, also
     * when every epoch ran (Keras' {@code restore_best_weights=True}); the stop reason names that epoch.
     */
    public Trainer restoreBest(boolean restore) {
        this.restoreBest = restore;
        return this;
    }

    /**
     * Multiply the learning rate by {@code factor} in (0, 1) when {@code metric} has not improved for
     * {@code patience} epochs ({@link Plateau}); the History's lr column shows each change.
     */
    public Trainer reduceOnPlateau(String metric, double factor, int patience) {
        return reduceOnPlateau(metric, factor, patience, 0);
    }

    /** {@link #reduceOnPlateau(String, double, int)}, never going below {@code minLr >= 0}. */
    public Trainer reduceOnPlateau(String metric, double factor, int patience, double minLr) {
        this.plateau = new Plateau(TrainerChecks.scoreMetric("reduceOnPlateau", metric), factor, patience, minLr);
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
        TrainerChecks.arguments(model, loss, opt, train, test, epochs, batchSize);
        Tensor probe = model.predict(train.x().rows(0, Math.min(batchSize, train.size())));
        boolean labels = Targets.areLabels(train.y(), probe);
        Rng rng = new Rng(seed);
        Dataset[] parts = validation > 0 ? ValidationSplit.split(train, validation, labels, rng) : new Dataset[] {train, null};
        History h = new History(kept(labels && (test == null || Targets.areLabels(test.y(), probe)), parts[1], test));
        EarlyStop early = earlyStop(h, model);
        Plateau onPlateau = plateau(h);
        Loop loop = new Loop(model, loss, opt, new Targets(oneHot ? Loss.Target.ONE_HOT : loss.target()), h, regularizer,
                Math.max(batchSize, EVAL_BATCH));
        Batches batches = shuffle ? new Batches(parts[0], batchSize, rng) : new Batches(parts[0], batchSize);
        Progress progress = verbose ? progress(h, epochs) : null;
        boolean finished = false;
        for (int epoch = 1; epoch <= epochs && !finished; epoch++) {
            if (schedule != null) {
                opt.setLearningRate(schedule.at(epoch - 1));
            }
            Map<Metric, Double> row = loop.epoch(epoch, batches, parts[1], test);
            row.put(Metric.LR, opt.learningRate());
            h.add(row);
            if (onPlateau != null) {
                onPlateau.update(h, epoch, opt);
            }
            finished = endEpoch(h, epoch, epochs, early, progress);
        }
        if (early != null) {
            early.restore();                                  // with restoreBest, after the last listener saw the last epoch
        }
        return h;
    }

    /** The metrics a run records: accuracies with class labels, val_ with a split, test_ with a test set, ... */
    private Set<Metric> kept(boolean accuracy, Dataset val, Dataset test) {
        Set<Metric> kept = EnumSet.noneOf(Metric.class);
        for (Metric m : Metric.values()) {
            if ((!m.isAccuracy() || accuracy) && (!m.needsValidation() || val != null) && (!m.needsTestSet() || test != null)
                    && (m != Metric.PENALTY || regularizer != null)) {
                kept.add(m);
            }
        }
        return kept;
    }

    /** The run's early stopping (null without), after checking its metric is recorded and restoreBest has one. */
    private EarlyStop earlyStop(History h, Model model) {
        if (stopMetric == null) {
            if (restoreBest) {
                throw new IllegalArgumentException("Trainer: restoreBest(true) restores the epoch where the early-stopping "
                        + "metric was best; set one, e.g. earlyStopping(\"val_loss\", 5) (a patience of the number of "
                        + "epochs trains them all)");
            }
            return null;
        }
        TrainerChecks.recorded(h, "early stopping", stopMetric);
        return new EarlyStop(stopMetric, patience, restoreBest ? new BestWeights(model.params()) : null);
    }

    /** The run's learning-rate reduction on a plateau (null without), after checking it can work. */
    private Plateau plateau(History h) {
        if (plateau == null) {
            return null;
        }
        if (schedule != null) {
            throw new IllegalArgumentException("Trainer: a schedule and reduceOnPlateau would both set the learning rate; "
                    + "use one of them (schedule(null) removes the schedule)");
        }
        TrainerChecks.recorded(h, "reduceOnPlateau", plateau.metric);
        return plateau.fresh();
    }

    /** Stop reason, progress line and listeners after an epoch; true when training should end. */
    private boolean endEpoch(History h, int epoch, int epochs, EarlyStop early, Progress progress) {
        String stop = early == null ? null : early.update(h, epoch);
        boolean stoppedEarly = stop != null;
        if (stop == null && epoch == epochs) {
            stop = "completed " + epochs + " epoch" + (epochs == 1 ? "" : "s");
        }
        if (stop != null) {
            h.stop(early == null ? stop : early.reason(stop, epoch, stoppedEarly));
        }
        if (progress != null) {
            progress.update(epoch, columns(h).stream().mapToDouble(h::last).toArray());
            if (stoppedEarly) {
                progress.stop(stop);
            }
        }
        for (Listener l : listeners) {
            l.onEpoch(h, epoch);
        }
        return stop != null;
    }

    /** The progress display for this run: every metric but the epoch, the learning rate only when it changes. */
    private Progress progress(History h, int epochs) {
        String[] names = columns(h).toArray(new String[0]);
        return every < 0 ? new Progress(epochs, names) : new Progress(epochs, every, names);
    }

    private List<String> columns(History h) {
        boolean lrChanges = schedule != null || plateau != null;
        return h.metrics().stream().filter(m -> !m.equals("epoch") && (lrChanges || !m.equals("lr"))).toList();
    }
}
