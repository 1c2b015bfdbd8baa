package nnlab.data;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nnlab.tensor.Tensor;

/** Finds and reads MNIST-format IDX files: the bundled 10,000 digits and the four files of the full set. */
final class MnistFiles {
    /** Where the full MNIST can be had, said in every error about its files. */
    static final String WHERE = "get the four MNIST files (train-images-idx3-ubyte, train-labels-idx1-ubyte, "
            + "t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte, .gz or not) from Y. LeCun and C. Cortes' MNIST "
            + "page (yann.lecun.com/exdb/mnist) or one of its mirrors; Datasets.mnist10k() needs no files";

    private MnistFiles() {
    }

    /** The bundled digits from the classpath resources {@code images} and {@code labels}. */
    static Dataset resource(String images, String labels, List<String> classNames) {
        ClassLoader loader = MnistFiles.class.getClassLoader();
        InputStream img = loader.getResourceAsStream(images);
        InputStream lab = loader.getResourceAsStream(labels);
        if (img == null || lab == null) {
            throw new IllegalStateException("Datasets.mnist10k: resource " + (img == null ? images : labels)
                    + " is missing from the classpath; expected it inside the kernel-lib jar (built from "
                    + "datasets/, see datasets/README.md)");
        }
        return Idx.read(img, images, lab, labels, classNames);
    }

    /** The train (60,000) or test (10,000) part of MNIST in {@code dir}, with errors that say where to get it. */
    static Dataset read(Path dir, boolean train, List<String> classNames) {
        String prefix = train ? "train" : "t10k";
        Path images = find("Datasets.mnist", dir, prefix + "-images-idx3-ubyte", WHERE);
        Path labels = find("Datasets.mnist", dir, prefix + "-labels-idx1-ubyte", WHERE);
        try {
            return Idx.read(images, labels, classNames);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Datasets.mnist: " + e.getMessage().replaceFirst("^Idx: ", "")
                    + "; " + WHERE, e);
        }
    }

    /** Both parts of MNIST in {@code dir} as one dataset: the 60,000 train rows, then the 10,000 test rows. */
    static Dataset readAll(Path dir, List<String> classNames) {
        Dataset train = read(dir, true, classNames);
        Dataset test = read(dir, false, classNames);
        if (train.features() != test.features()) {
            throw new IllegalArgumentException("Datasets.mnist: the train images in " + dir + " have "
                    + train.features() + " pixels but the t10k images " + test.features()
                    + "; expected the same image size in both");
        }
        Tensor x = Tensor.zeros(train.size() + test.size(), train.features());
        Tensor y = Tensor.zeros(train.size() + test.size());
        System.arraycopy(train.x().array(), 0, x.array(), 0, train.x().size());
        System.arraycopy(test.x().array(), 0, x.array(), train.x().size(), test.x().size());
        System.arraycopy(train.y().array(), 0, y.array(), 0, train.size());
        System.arraycopy(test.y().array(), 0, y.array(), train.size(), test.size());
        return new Dataset(x, y, classNames);
    }

    /**
     * {@code dir/base.gz}, else {@code dir/base}; when neither is a file, an error from {@code who} naming both
     * and ending with {@code hint}.
     */
    static Path find(String who, Path dir, String base, String hint) {
        Path gz = dir.resolve(base + ".gz");
        Path raw = dir.resolve(base);
        if (Files.isRegularFile(gz)) {
            return gz;
        }
        if (Files.isRegularFile(raw)) {
            return raw;
        }
        throw new IllegalStateException(who + ": neither " + gz + " nor " + raw + " exists; " + hint);
    }
}
