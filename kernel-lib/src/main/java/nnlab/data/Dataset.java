package nnlab.data;

import java.util.List;
import nnlab.tensor.Tensor;

/**
 * Samples and their labels: {@code x} is [N, features], {@code y} is [N] (class indices 0..C-1, or
 * targets for regression), with optional class names.
 *
 * <pre>{@code
 * Dataset ds = Datasets.digits();           // x [1797, 64], y [1797]
 * Dataset small = ds.subset(0, 100);         // the first 100 samples
 * System.out.println(ds);                    // size, features, classes
 * }</pre>
 */
public final class Dataset {
    private final Tensor x;
    private final Tensor y;
    private final List<String> classNames;

    /** A dataset of {@code x} [N, F] and {@code y} [N]; {@code classNames} may be null. */
    public Dataset(Tensor x, Tensor y, List<String> classNames) {
        if (x == null || y == null) {
            throw new IllegalArgumentException("Dataset: x and y must not be null");
        }
        if (x.rank() != 2) {
            throw new IllegalArgumentException("Dataset: x must be 2-d [N, features], got shape "
                    + java.util.Arrays.toString(x.shape()));
        }
        if (y.rank() != 1 && !(y.rank() == 2 && y.shape(1) == 1)) {
            throw new IllegalArgumentException("Dataset: y must be 1-d [N] (or [N, 1]), got shape "
                    + java.util.Arrays.toString(y.shape()));
        }
        if (x.shape(0) != y.shape(0)) {
            throw new IllegalArgumentException("Dataset: x has " + x.shape(0) + " rows but y has " + y.shape(0)
                    + " labels; expected one label per row");
        }
        this.x = x;
        this.y = y.rank() == 2 ? y.reshape(-1) : y;
        this.classNames = classNames == null ? null : List.copyOf(classNames);
    }

    /** A dataset without class names. */
    public Dataset(Tensor x, Tensor y) {
        this(x, y, null);
    }

    /** Samples, [N, features]. */
    public Tensor x() {
        return x;
    }

    /** Labels, [N]. */
    public Tensor y() {
        return y;
    }

    /** Class names in label order, or null. */
    public List<String> classNames() {
        return classNames;
    }

    /** N, the number of samples. */
    public int size() {
        return x.shape(0);
    }

    /** F, the number of features per sample. */
    public int features() {
        return x.shape(1);
    }

    /** C: the number of class names when given, else the largest label + 1. */
    public int numClasses() {
        if (classNames != null) {
            return classNames.size();
        }
        return y.size() == 0 ? 0 : (int) y.max() + 1;
    }

    /** Samples {@code [from, to)}. */
    public Dataset subset(int from, int to) {
        return new Dataset(x.rows(from, to), y.rows(from, to), classNames);
    }

    /** The samples at {@code indices}, in that order. */
    public Dataset take(int[] indices) {
        return new Dataset(x.take(indices), y.take(indices), classNames);
    }

    /** The same labels with new features (e.g. standardized). */
    public Dataset withX(Tensor newX) {
        return new Dataset(newX, y, classNames);
    }

    /** The same features with new labels (e.g. binary labels from digits). */
    public Dataset withY(Tensor newY) {
        return new Dataset(x, newY, null);
    }

    @Override
    public String toString() {
        return "Dataset(size=" + size() + ", features=" + features() + ", classes=" + numClasses() + ")";
    }
}
