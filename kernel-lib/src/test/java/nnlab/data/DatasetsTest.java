package nnlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import nnlab.Rng;
import nnlab.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetsTest {
    @TempDir
    Path dir;

    /** The single committed copy, datasets/digits.csv.gz, seen from kernel-lib (Maven's working directory). */
    private static Path digitsFile() {
        Path p = Path.of("../datasets/digits.csv.gz");
        return Files.exists(p) ? p : Path.of("datasets/digits.csv.gz");
    }

    @Test
    void digitsHasShapeRangeAndClassNames() {
        Dataset ds = Datasets.digits();
        assertArrayEquals(new int[] {1797, 64}, ds.x().shape());
        assertArrayEquals(new int[] {1797}, ds.y().shape());
        assertEquals(0.0, ds.x().min());
        assertEquals(16.0, ds.x().max());
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), ds.classNames());
        assertEquals(10, ds.numClasses());
    }

    @Test
    void digitsClassCountsMatchTheBundledFile() throws IOException {
        int[] expected = new int[10];
        int lines = 0;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(digitsFile()))) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                String[] f = line.split(",");
                expected[Integer.parseInt(f[f.length - 1].trim())]++;
                lines++;
            }
        }
        int[] counts = Datasets.classCounts(Datasets.digits().y());
        assertArrayEquals(expected, counts);
        assertEquals(lines, java.util.Arrays.stream(counts).sum());
        assertEquals(1797, lines);
    }

    @Test
    void digitsComeFromTheClasspathResourceWhichIsTheBundledFile() throws IOException {
        try (InputStream in = Datasets.class.getClassLoader().getResourceAsStream(Datasets.DIGITS_RESOURCE)) {
            assertNotNull(in, "resource " + Datasets.DIGITS_RESOURCE);
            assertArrayEquals(Files.readAllBytes(digitsFile()), in.readAllBytes());
        }
        Dataset fromResource = DigitsCsv.parse(Files.newInputStream(digitsFile()), "file", null);
        assertEquals(fromResource.x(), Datasets.digits().x());
    }

    @Test
    void digitsCallsDoNotShareTensors() {
        Dataset a = Datasets.digits();
        a.x().array()[0] = 99;
        assertEquals(0.0, Datasets.digits().x().get(0, 0));
    }

    @Test
    void corruptDigitsResourceIsNamed() throws IOException {
        InputStream text = new ByteArrayInputStream("plain text".getBytes(StandardCharsets.US_ASCII));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> DigitsCsv.parse(text, "nnlab/data/x.csv.gz", null));
        assertEquals("Datasets.digits: resource nnlab/data/x.csv.gz is corrupt (Not in GZIP format); expected the "
                + "gzipped CSV of scikit-learn's digits, see datasets/README.md", e.getMessage());

        e = assertThrows(IllegalStateException.class, () -> DigitsCsv.parse(gzip("1,2,3\n"), "r", null));
        assertEquals("Datasets.digits: resource r is corrupt: line 1 has 3 fields; expected 65 (64 pixels, then the "
                + "label)", e.getMessage());

        String row = "0,".repeat(63) + "17,3\n";
        e = assertThrows(IllegalStateException.class, () -> DigitsCsv.parse(gzip(row), "r", null));
        assertEquals("Datasets.digits: resource r is corrupt: line 1 field 64 is '17'; expected an integer 0..16",
                e.getMessage());
    }

    private static InputStream gzip(String text) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(b)) {
            out.write(text.getBytes(StandardCharsets.US_ASCII));
        }
        return new ByteArrayInputStream(b.toByteArray());
    }

    @Test
    void fashionMnistFromADirectoryWithClassNames() throws IOException {
        Path fm = Files.createDirectories(dir.resolve("data/fashion-mnist"));
        Tensor pixels = new Rng(1).integers(0, 256, 4, 28, 28);
        Idx.writeImages(fm.resolve("t10k-images-idx3-ubyte.gz"), pixels, true);
        Idx.writeLabels(fm.resolve("t10k-labels-idx1-ubyte"), Tensor.of(9, 0, 3, 3), false);   // raw works too
        Idx.writeImages(fm.resolve("train-images-idx3-ubyte.gz"), pixels, true);
        assertEquals(fm, Datasets.locateFashionMnist(dir.resolve("data").toString(), dir.resolve("none")));
        Dataset test = Datasets.fashionMnist(fm, false);
        assertArrayEquals(new int[] {4, 784}, test.x().shape());
        assertEquals(pixels.max() / 255, test.x().max(), 1e-15);
        assertEquals("Ankle boot", test.classNames().get((int) test.y().get(0)));

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Datasets.fashionMnist(fm, true));
        assertEquals("Datasets.fashionMnist: neither " + fm.resolve("train-labels-idx1-ubyte.gz") + " nor "
                + fm.resolve("train-labels-idx1-ubyte") + " exists; install Fashion-MNIST with datasets/fetch "
                + "(apt-get install dataset-fashion-mnist)", e.getMessage());
    }

    @Test
    void missingFashionMnistSaysHowToInstall() {
        Path debian = dir.resolve("debian");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Datasets.locateFashionMnist(null, debian));
        assertEquals("Datasets.fashionMnist: Fashion-MNIST not found; looked for train-images-idx3-ubyte(.gz) in ["
                + debian + "] (NNLAB_DATA is not set). Install it with datasets/fetch (apt-get install "
                + "dataset-fashion-mnist, as root) or set NNLAB_DATA to a directory holding the IDX files",
                e.getMessage());
    }

    @Test
    void oneHotByHand() {
        Tensor oh = Datasets.oneHot(Tensor.of(2, 0, 1), 3);
        assertEquals(Tensor.of(new double[][] {{0, 0, 1}, {1, 0, 0}, {0, 1, 0}}), oh);
        assertEquals(Tensor.of(new double[][] {{0, 1}}), Datasets.oneHot(Tensor.of(new double[][] {{1}}), 2));
    }

    @Test
    void oneHotRejectsBadLabels() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Datasets.oneHot(Tensor.of(0, 3), 3));
        assertEquals("oneHot: label 3 at index 1 is out of range; expected class indices 0..2 for 3 classes",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Datasets.oneHot(Tensor.of(0, 1.5), 3));
        assertEquals("oneHot: label 1.5 at index 1 is not an integer; expected class indices 0..2 for 3 classes",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Datasets.oneHot(Tensor.of(-1), 3));
        assertEquals("oneHot: label -1 at index 0 is out of range; expected class indices 0..2 for 3 classes",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Datasets.oneHot(Tensor.zeros(2, 2), 3));
        assertEquals("oneHot: expected labels of shape [N] (or [N, 1]), got [2, 2]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Datasets.oneHot(Tensor.of(0), 0));
        assertEquals("oneHot: classes must be >= 1, got 0", e.getMessage());
    }

    @Test
    void classCountsByHand() {
        assertArrayEquals(new int[] {1, 0, 3}, Datasets.classCounts(Tensor.of(2, 2, 0, 2)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Datasets.classCounts(Tensor.of(0.5)));
        assertEquals("classCounts: label 0.5 at index 0 is not an integer; expected class indices >= 0",
                e.getMessage());
        assertTrue(Datasets.classCounts(Tensor.zeros(0)).length == 0);
    }
}
