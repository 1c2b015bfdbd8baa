package nnlab.classical;

import java.util.ArrayList;
import java.util.List;
import nnlab.data.Dataset;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A comparison of models: one row per model with its train and test accuracy and training time, as a Tablesaw table.
 *
 * <pre>
 * | model | train accuracy | test accuracy | fit seconds |
 * </pre>
 *
 * <pre>{@code
 * Results results = new Results("baselines");
 * results.add(Classifier.tree(5).fit(train), train, test);
 * results.table()                                  // renders as an HTML table in a notebook
 * }</pre>
 */
public final class Results {
    private final String title;
    private final List<String> models = new ArrayList<>();
    private final List<Double> train = new ArrayList<>();
    private final List<Double> test = new ArrayList<>();
    private final List<Double> seconds = new ArrayList<>();

    /** An empty comparison named title. */
    public Results(String title) {
        this.title = title;
    }

    /** Adds a row; accuracies in [0, 1] (NaN when not measured), seconds ≥ 0. */
    public Results add(String model, double trainAccuracy, double testAccuracy, double fitSeconds) {
        checkAccuracy("trainAccuracy", trainAccuracy);
        checkAccuracy("testAccuracy", testAccuracy);
        if (!(fitSeconds >= 0) || Double.isInfinite(fitSeconds)) {
            throw new IllegalArgumentException("Results.add: fitSeconds must be a finite number >= 0, got " + fitSeconds);
        }
        models.add(model);
        train.add(trainAccuracy);
        test.add(testAccuracy);
        seconds.add(fitSeconds);
        return this;
    }

    /** Adds a fitted classifier's row: its accuracy on train and test and its fit time. */
    public Results add(Classifier c, Dataset trainSet, Dataset testSet) {
        return add(c.name(), c.accuracy(trainSet), c.accuracy(testSet), c.fitSeconds());
    }

    /** The number of rows. */
    public int size() {
        return models.size();
    }

    /** The rows as a table: model, train accuracy, test accuracy, fit seconds (rounded to 0.01 s). */
    public Table table() {
        return Table.create(title,
                StringColumn.create("model", models),
                DoubleColumn.create("train accuracy", train),
                DoubleColumn.create("test accuracy", test),
                DoubleColumn.create("fit seconds", seconds.stream().mapToDouble(Results::centiseconds).toArray()));
    }

    /** s rounded to two decimals: timings are not more precise than that. */
    static double centiseconds(double s) {
        return Math.round(s * 100) / 100.0;
    }

    private static void checkAccuracy(String name, double a) {
        if (!Double.isNaN(a) && (a < 0 || a > 1)) {
            throw new IllegalArgumentException("Results.add: " + name + " must be in [0, 1] (or NaN), got " + a);
        }
    }

    @Override
    public String toString() {
        return table().print();
    }
}
