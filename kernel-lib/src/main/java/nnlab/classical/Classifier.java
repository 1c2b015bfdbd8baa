package nnlab.classical;

import java.util.Arrays;
import nnlab.data.Dataset;
import nnlab.metrics.Metrics;
import nnlab.tensor.Tensor;
import org.tribuo.Model;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.dtree.impurity.GiniIndex;
import org.tribuo.classification.ensemble.VotingCombiner;
import org.tribuo.classification.liblinear.LibLinearClassificationTrainer;
import org.tribuo.classification.liblinear.LinearClassificationType;
import org.tribuo.classification.libsvm.LibSVMClassificationTrainer;
import org.tribuo.classification.libsvm.SVMClassificationType;
import org.tribuo.common.libsvm.KernelType;
import org.tribuo.common.libsvm.LibSVMModel;
import org.tribuo.common.libsvm.SVMParameters;
import org.tribuo.common.nearest.KNNModel;
import org.tribuo.common.nearest.KNNTrainer;
import org.tribuo.common.tree.Node;
import org.tribuo.common.tree.SplitNode;
import org.tribuo.common.tree.TreeModel;
import org.tribuo.math.distance.L2Distance;
import org.tribuo.math.neighbour.NeighboursQueryFactoryType;

/**
 * A classical classifier trained by Tribuo on an nnlab {@link Dataset}, predicting class scores as a Tensor.
 *
 * <pre>
 * tree(depth)        CART with Gini impurity, leaves down to one sample
 * logistic(pen, C)   LibLinear logistic regression, one-vs-rest, L1 or L2 penalty, cost C
 * svm(kernel, C)     LibSVM C-SVC, one-vs-one, cost C
 * knn(k)             majority vote of the k nearest training points (Euclidean)
 * predict(x)         [N, C] scores: class probabilities (tree, logistic, k-NN) or one-hot votes (SVM)
 * </pre>
 *
 * <p>Because {@code predict} returns [N, C] scores, {@code Metrics.accuracy}, {@code ConfusionMatrix.fromScores}
 * and {@code Plots.decisionBoundary(c::predict, ds)} take it as they take a network's output. Training is
 * deterministic (Tribuo's seed 12345).
 *
 * <pre>{@code
 * Classifier tree = Classifier.tree(5).fit(train);
 * double acc = Metrics.accuracy(test.y(), tree.predict(test.x()));
 * System.out.println(tree + ": " + tree.leaves() + " leaves, fitted in " + tree.fitSeconds() + " s");
 * }</pre>
 */
public final class Classifier {
    static final long SEED = 12345;

    static {
        Tribuo.quiet();   // before any Tribuo trainer is built, not only when the first dataset is converted
    }

    private final String name;
    private final Trainer<Label> trainer;
    private Model<Label> model;
    private int classes;
    private int features;
    private double fitSeconds;

    private Classifier(String name, Trainer<Label> trainer) {
        this.name = name;
        this.trainer = trainer;
    }

    /** A CART decision tree of depth at most maxDepth (≥ 1). */
    public static Classifier tree(int maxDepth) {
        if (maxDepth < 1) {
            throw new IllegalArgumentException("Classifier.tree: maxDepth must be >= 1 (or use tree() for no limit), got " + maxDepth);
        }
        return new Classifier("tree(maxDepth=" + maxDepth + ")", cart(maxDepth));
    }

    /** A CART decision tree grown until every leaf is pure (or holds one sample). */
    public static Classifier tree() {
        return new Classifier("tree(unlimited)", cart(Integer.MAX_VALUE));
    }

    private static Trainer<Label> cart(int maxDepth) {
        return new CARTClassificationTrainer(maxDepth, 1f, 0f, 1f, false, new GiniIndex(), SEED);
    }

    /** Logistic regression with the given penalty and cost C (&gt; 0; larger C = weaker penalty). */
    public static Classifier logistic(Penalty penalty, double c) {
        checkC("logistic", c);
        var type = penalty == Penalty.L1 ? LinearClassificationType.LinearType.L1R_LR : LinearClassificationType.LinearType.L2R_LR;
        return new Classifier("logistic(" + penalty + ", C=" + c + ")",
                new LibLinearClassificationTrainer(new LinearClassificationType(type), c, 1000, 0.01));
    }

    /** A support vector machine with the kernel and cost C (&gt; 0; larger C = fewer margin violations). */
    public static Classifier svm(Kernel kernel, double c) {
        checkC("svm", c);
        KernelType type = KernelType.valueOf(kernel.type().name());
        SVMParameters<Label> p = new SVMParameters<>(new SVMClassificationType(SVMClassificationType.SVMMode.C_SVC), type);
        p.setCost(c);
        p.setGamma(kernel.gamma());
        p.setDegree(kernel.degree());
        p.setCoeff(kernel.coef0());
        return new Classifier("svm(" + kernel + ", C=" + c + ")", new LibSVMClassificationTrainer(p, SEED));
    }

    /** k-nearest neighbours (k ≥ 1) with Euclidean distance and a majority vote. */
    public static Classifier knn(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("Classifier.knn: k must be >= 1, got " + k);
        }
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        return new Classifier("knn(k=" + k + ")", new KNNTrainer<>(k, new L2Distance(), threads, new VotingCombiner(),
                KNNModel.Backend.THREADPOOL, NeighboursQueryFactoryType.BRUTE_FORCE));
    }

    /** Trains on train (replacing an earlier fit) and returns this classifier. */
    public Classifier fit(Dataset train) {
        if (train == null || train.size() == 0) {
            throw new IllegalArgumentException(name + ".fit: the training set is empty; expected at least one sample");
        }
        var data = Tribuo.dataset(train);
        long start = System.nanoTime();
        model = trainer.train(data);
        fitSeconds = (System.nanoTime() - start) / 1e9;
        classes = train.numClasses();
        features = train.features();
        return this;
    }

    /** Class scores for x [N, F]: [N, C] with C the training set's number of classes. */
    public Tensor predict(Tensor x) {
        requireFitted("predict");
        Tribuo.requireMatrix("predict", x);
        if (x.shape(1) != features) {
            throw new IllegalArgumentException(name + ".predict: expected x [N, " + features + "] (the training set's features), got "
                    + Arrays.toString(x.shape()));
        }
        return Tribuo.scores(model, x, classes);
    }

    /** The predicted class of each row of x [N, F], [N]. */
    public Tensor predictLabels(Tensor x) {
        return predict(x).argmax(1);
    }

    /** The fraction of ds's samples classified correctly. */
    public double accuracy(Dataset ds) {
        return Metrics.accuracy(ds.y(), predict(ds.x()));
    }

    /** The leaves of a fitted tree. */
    public int leaves() {
        return leaves(tree("leaves").getRoot());
    }

    /** The depth of a fitted tree (a single leaf has depth 0). */
    public int depth() {
        return tree("depth").getDepth();
    }

    /** The support vectors of a fitted SVM (counted once, though one-vs-one shares them between pairs). */
    public int supportVectors() {
        requireFitted("supportVectors");
        if (!(model instanceof LibSVMModel<Label> svm)) {
            throw new IllegalStateException(name + ".supportVectors: only an SVM has support vectors; this is " + name);
        }
        return svm.getInnerModels().get(0).l;
    }

    private static int leaves(Node<Label> node) {
        if (node.isLeaf()) {
            return 1;
        }
        SplitNode<Label> split = (SplitNode<Label>) node;
        return leaves(split.getLessThanOrEqual()) + leaves(split.getGreaterThan());
    }

    private TreeModel<Label> tree(String what) {
        requireFitted(what);
        if (!(model instanceof TreeModel<Label> t)) {
            throw new IllegalStateException(name + "." + what + ": only a tree has " + what + "; this is " + name);
        }
        return t;
    }

    /** Seconds the last {@code fit} spent training (without converting the data). */
    public double fitSeconds() {
        requireFitted("fitSeconds");
        return fitSeconds;
    }

    /** The Tribuo model behind this classifier, for Tribuo's own API. */
    public Model<Label> model() {
        requireFitted("model");
        return model;
    }

    /** The name with its settings, e.g. {@code tree(maxDepth=5)}. */
    public String name() {
        return name;
    }

    private void requireFitted(String what) {
        if (model == null) {
            throw new IllegalStateException(name + "." + what + ": not fitted yet; call fit(train) first");
        }
    }

    private static void checkC(String who, double c) {
        if (!(c > 0) || Double.isInfinite(c)) {
            throw new IllegalArgumentException("Classifier." + who + ": C must be a finite number > 0, got " + c);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
