package nnlab.classical;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import nnlab.data.Dataset;
import nnlab.tensor.Tensor;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * The bridge between nnlab and Tribuo: a {@link Dataset} becomes Tribuo examples, Tribuo's predictions become a Tensor.
 *
 * <pre>
 * row i of x [N, F]  →  Example(label "y_i", features "x0".."x{F-1}" with their values)
 * predictions        →  scores [N, C]: probabilities when the model gives them, else one-hot rows
 * </pre>
 *
 * <p>Features are named by column with zero padding ({@code x007} for F = 784) so Tribuo's name order is
 * the column order. Zeros are left out, as Tribuo reads a missing feature as 0 (pixels are mostly
 * zero), except column 0, which every example carries so that none is empty. Class {@code c} is the
 * label named {@code "c"}. Loading this class sends Tribuo's java.util.logging below WARNING nowhere and
 * its warnings to stdout (graded cells must not write to stderr), and silences LibSVM's progress lines.
 *
 * <pre>{@code
 * MutableDataset<Label> data = Tribuo.dataset(train);           // for any Tribuo trainer
 * Model<Label> model = new CARTClassificationTrainer(5).train(data);
 * Tensor scores = Tribuo.scores(model, test.x(), train.numClasses());   // [N, C], for Metrics.accuracy
 * }</pre>
 */
public final class Tribuo {
    private static final List<Logger> QUIET = new ArrayList<>();   // strong references: JUL forgets unreferenced loggers

    static {
        warningsToStdout("org.tribuo");
        warningsToStdout("com.oracle.labs.mlrg.olcut");
        libsvm.svm.svm_set_print_string_function(s -> { });
    }

    private Tribuo() {
    }

    /** Makes sure the class is loaded, so that its static block has quietened Tribuo's logging and LibSVM. */
    static void quiet() {
        // the work happens once, in the static block
    }

    /** Tribuo's labelled examples of ds: one per row of x, labelled with y's class index. */
    public static MutableDataset<Label> dataset(Dataset ds) {
        if (ds == null || ds.size() == 0) {
            throw new IllegalArgumentException("Tribuo.dataset: the dataset is empty; expected at least one sample");
        }
        ds.x().requireFinite("Tribuo.dataset: x");
        int[] y = labels(ds.y());
        String[] names = names(ds.features());
        MutableDataset<Label> out = new MutableDataset<>(
                new SimpleDataSourceProvenance("nnlab " + ds, new LabelFactory()), new LabelFactory());
        for (int i = 0; i < y.length; i++) {
            out.add(example(new Label(Integer.toString(y[i])), ds.x(), i, names));
        }
        return out;
    }

    /** Unlabelled examples of the rows of x [N, F], for a model's {@code predict}. */
    public static List<Example<Label>> examples(Tensor x) {
        requireMatrix("examples", x);
        String[] names = names(x.shape(1));
        List<Example<Label>> out = new ArrayList<>(x.shape(0));
        for (int i = 0; i < x.shape(0); i++) {
            out.add(example(LabelFactory.UNKNOWN_LABEL, x, i, names));
        }
        return out;
    }

    /** Back from Tribuo: x [N, features] from the examples' features, y [N] from their labels. */
    public static Dataset toDataset(org.tribuo.Dataset<Label> data, int features) {
        double[] x = new double[data.size() * features];
        double[] y = new double[data.size()];
        int i = 0;
        for (Example<Label> e : data) {
            for (Feature f : e) {
                x[i * features + column(f.getName(), features)] = f.getValue();
            }
            y[i++] = classIndex(e.getOutput());
        }
        return new Dataset(Tensor.fromArray(x, data.size(), features), Tensor.fromArray(y, data.size()));
    }

    /** The model's scores for the rows of x [N, F]: [N, numClasses], probabilities or one-hot rows. */
    public static Tensor scores(Model<Label> model, Tensor x, int numClasses) {
        int largest = model.getOutputIDInfo().getDomain().stream().mapToInt(Tribuo::classIndex).max().orElse(0);
        if (largest >= numClasses) {
            throw new IllegalArgumentException("Tribuo.scores: the model knows class " + largest
                    + ", outside 0.." + (numClasses - 1) + "; pass the training set's numClasses()");
        }
        List<Prediction<Label>> predictions = model.predict(examples(x));
        double[] s = new double[predictions.size() * numClasses];
        for (int i = 0; i < predictions.size(); i++) {
            Prediction<Label> p = predictions.get(i);
            if (model.generatesProbabilities()) {
                for (Label l : p.getOutputScores().values()) {
                    s[i * numClasses + classIndex(l)] = l.getScore();
                }
            } else {
                s[i * numClasses + classIndex(p.getOutput())] = 1;
            }
        }
        return Tensor.fromArray(s, predictions.size(), numClasses);
    }

    private static Example<Label> example(Label label, Tensor x, int row, String[] names) {
        int f = names.length;
        double[] a = x.array();
        List<Feature> features = new ArrayList<>();
        for (int j = 0; j < f; j++) {
            double v = a[row * f + j];
            if (v != 0 || j == 0) {
                features.add(new Feature(names[j], v));
            }
        }
        return new ArrayExample<>(label, features);
    }

    /** Feature names x0..x{F-1}, zero-padded to one width so that sorting by name keeps the column order. */
    static String[] names(int features) {
        int width = Integer.toString(Math.max(0, features - 1)).length();
        String[] names = new String[features];
        for (int j = 0; j < features; j++) {
            names[j] = "x" + String.format("%0" + width + "d", j);
        }
        return names;
    }

    private static int column(String name, int features) {
        int j = name.startsWith("x") ? Integer.parseInt(name.substring(1)) : -1;
        if (j < 0 || j >= features) {
            throw new IllegalArgumentException("Tribuo.toDataset: feature '" + name + "' is not one of x0..x" + (features - 1));
        }
        return j;
    }

    private static int classIndex(Label label) {
        try {
            return Integer.parseInt(label.getLabel());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Tribuo: label '" + label.getLabel()
                    + "' is not a class index; nnlab's labels are named 0, 1, 2, ...", e);
        }
    }

    private static int[] labels(Tensor y) {
        int[] out = new int[y.size()];
        double[] v = y.array();
        for (int i = 0; i < out.length; i++) {
            if (v[i] < 0 || v[i] != Math.rint(v[i])) {
                throw new IllegalArgumentException("Tribuo.dataset: y[" + i + "] is " + v[i]
                        + "; expected class indices 0, 1, 2, ...");
            }
            out[i] = (int) v[i];
        }
        return out;
    }

    static void requireMatrix(String who, Tensor x) {
        if (x == null || x.rank() != 2 || x.shape(0) == 0) {
            throw new IllegalArgumentException("Tribuo." + who + ": x must be non-empty 2-d data [N, features], got "
                    + (x == null ? "null" : "shape " + Arrays.toString(x.shape())));
        }
        x.requireFinite("Tribuo." + who + ": x");
    }

    private static void warningsToStdout(String name) {
        Logger logger = Logger.getLogger(name);
        logger.setUseParentHandlers(false);
        logger.setLevel(Level.WARNING);
        logger.addHandler(new Handler() {
            @Override
            public void publish(LogRecord r) {
                System.out.println("Tribuo " + r.getLevel().getName().toLowerCase() + ": " + new SimpleFormatter().formatMessage(r));
            }

            @Override
            public void flush() {
                System.out.flush();
            }

            @Override
            public void close() {
            }
        });
        QUIET.add(logger);
    }
}
