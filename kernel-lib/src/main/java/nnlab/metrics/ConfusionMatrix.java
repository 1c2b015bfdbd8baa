package nnlab.metrics;

import java.util.ArrayList;
import java.util.List;
import nnlab.display.HtmlDisplayable;
import nnlab.tensor.Tensor;

/**
 * Counts of (true class, predicted class) pairs, with per-class precision and recall.
 *
 * <pre>
 * counts[i][j] = #{ samples with true class i predicted as j }
 * precision(c) = counts[c][c] / Σ_i counts[i][c]     (NaN when nothing was predicted as c)
 * recall(c)    = counts[c][c] / Σ_j counts[c][j]     (NaN when no sample is of class c)
 * f1(c)        = 2 · precision · recall / (precision + recall)
 * </pre>
 *
 * <p>Shapes: {@code yTrue} and {@code yPred} are [N] integer labels in 0..C-1 ({@code fromScores} takes
 * [N, C] scores, or [N] / [N, 1] binary scores, instead of {@code yPred}). Rows are true classes, columns
 * predicted ones.
 *
 * <pre>{@code
 * ConfusionMatrix cm = ConfusionMatrix.fromScores(test.y(), net.predict(test.x()), test.classNames());
 * System.out.println(cm);                  // table with recall per row, precision per column
 * double r3 = cm.recall(3);
 * }</pre>
 */
public final class ConfusionMatrix implements HtmlDisplayable {
    private final int[][] counts;
    private final List<String> names;

    private ConfusionMatrix(int[][] counts, List<String> names) {
        this.counts = counts;
        this.names = names;
    }

    /** The matrix of integer labels {@code yTrue} and {@code yPred} ([N] each) over classes 0..numClasses-1. */
    public static ConfusionMatrix of(Tensor yTrue, Tensor yPred, int numClasses) {
        return of(yTrue, yPred, numClasses, null);
    }

    /** As {@link #of(Tensor, Tensor, int)} with class names for the table (null for 0, 1, 2, ...). */
    public static ConfusionMatrix of(Tensor yTrue, Tensor yPred, int numClasses, List<String> classNames) {
        int[] t = Metrics.labels("ConfusionMatrix", "yTrue", yTrue);
        int[] p = Metrics.labels("ConfusionMatrix", "yPred", yPred);
        return build(t, p, numClasses, classNames);
    }

    /** The matrix of labels {@code yTrue} against the argmax of [N, C] scores (threshold 0.5 for binary scores). */
    public static ConfusionMatrix fromScores(Tensor yTrue, Tensor scores, List<String> classNames) {
        int[] t = Metrics.labels("ConfusionMatrix", "yTrue", yTrue);
        int[] p = Metrics.predictions("ConfusionMatrix", scores, 0.5);
        int c = scores.rank() == 2 && scores.shape(1) > 1 ? scores.shape(1) : 2;
        return build(t, p, c, classNames);
    }

    /** As {@link #fromScores(Tensor, Tensor, List)} without class names. */
    public static ConfusionMatrix fromScores(Tensor yTrue, Tensor scores) {
        return fromScores(yTrue, scores, null);
    }

    private static ConfusionMatrix build(int[] t, int[] p, int numClasses, List<String> classNames) {
        if (numClasses < 1) {
            throw new IllegalArgumentException("ConfusionMatrix: numClasses must be >= 1, got " + numClasses);
        }
        if (t.length != p.length) {
            throw new IllegalArgumentException("ConfusionMatrix: yTrue has " + t.length + " labels but yPred has "
                    + p.length + "; expected one prediction per label");
        }
        if (classNames != null && classNames.size() != numClasses) {
            throw new IllegalArgumentException("ConfusionMatrix: " + classNames.size() + " class names for "
                    + numClasses + " classes; expected one name per class");
        }
        int[][] counts = new int[numClasses][numClasses];
        for (int i = 0; i < t.length; i++) {
            check("yTrue", i, t[i], numClasses);
            check("yPred", i, p[i], numClasses);
            counts[t[i]][p[i]]++;
        }
        List<String> names = new ArrayList<>();
        for (int c = 0; c < numClasses; c++) {
            names.add(classNames == null ? String.valueOf(c) : String.valueOf(classNames.get(c)));
        }
        return new ConfusionMatrix(counts, List.copyOf(names));
    }

    private static void check(String name, int i, int label, int numClasses) {
        if (label >= numClasses) {
            throw new IllegalArgumentException("ConfusionMatrix: " + name + "[" + i + "] = " + label
                    + " is not a class; expected 0.." + (numClasses - 1));
        }
    }

    /** A copy of the counts: rows are true classes, columns predicted classes. */
    public int[][] counts() {
        int[][] copy = new int[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            copy[i] = counts[i].clone();
        }
        return copy;
    }

    /** Number of classes C. */
    public int numClasses() {
        return counts.length;
    }

    /** Class names used in the table, in label order. */
    public List<String> classNames() {
        return names;
    }

    /** Number of samples N. */
    public int total() {
        int n = 0;
        for (int[] row : counts) {
            for (int v : row) {
                n += v;
            }
        }
        return n;
    }

    /** Fraction on the diagonal. */
    public double accuracy() {
        int diag = 0;
        for (int c = 0; c < counts.length; c++) {
            diag += counts[c][c];
        }
        return (double) diag / total();
    }

    /** Of the samples predicted as {@code c}, the fraction that are {@code c}; NaN if none was predicted c. */
    public double precision(int c) {
        checkClass(c);
        int col = 0;
        for (int[] row : counts) {
            col += row[c];
        }
        return (double) counts[c][c] / col;
    }

    /** Of the samples of class {@code c}, the fraction predicted as {@code c}; NaN if there are none. */
    public double recall(int c) {
        checkClass(c);
        int row = 0;
        for (int v : counts[c]) {
            row += v;
        }
        return (double) counts[c][c] / row;
    }

    /** Harmonic mean of precision and recall; 0 when both are 0, NaN when either is undefined. */
    public double f1(int c) {
        double p = precision(c);
        double r = recall(c);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    private void checkClass(int c) {
        if (c < 0 || c >= counts.length) {
            throw new IndexOutOfBoundsException("ConfusionMatrix: class " + c + " is outside 0.." + (counts.length - 1));
        }
    }

    /** Fixed-width table: counts with recall at the end of each row and precision under each column. */
    @Override
    public String toString() {
        return ConfusionTable.text(this, counts);
    }

    /** The same table as HTML. */
    @Override
    public String toHtml() {
        return ConfusionTable.html(this, counts);
    }
}
