package nnlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import nnlab.Rng;
import nnlab.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxTest {
    @TempDir
    Path dir;

    /** Three 2x3 images with known pixels, and their labels. */
    private static final Tensor IMAGES = Tensor.fromArray(new double[] {
        0, 1, 2, 3, 4, 5,
        255, 128, 64, 32, 16, 8,
        9, 8, 7, 6, 5, 254}, 3, 2, 3);
    private static final Tensor LABELS = Tensor.of(7, 0, 3);

    @Test
    void readsRawFilesItWrote() {
        Path img = dir.resolve("img-idx3-ubyte");
        Path lab = dir.resolve("lab-idx1-ubyte");
        Idx.writeImages(img, IMAGES, false);
        Idx.writeLabels(lab, LABELS, false);
        Tensor x = Idx.readImages(img);
        assertArrayEquals(new int[] {3, 6}, x.shape());
        assertArrayEquals(IMAGES.toArray(), x.toArray());
        assertArrayEquals(LABELS.toArray(), Idx.readLabels(lab).toArray());
    }

    @Test
    void rawFileHasTheHeaderByHand() throws IOException {
        Path lab = dir.resolve("lab");
        Idx.writeLabels(lab, LABELS, false);
        byte[] b = Files.readAllBytes(lab);
        assertArrayEquals(new byte[] {0, 0, 8, 1, 0, 0, 0, 3, 7, 0, 3}, b);
    }

    @Test
    void readsGzipFilesDetectedByMagicBytesNotByName() throws IOException {
        Path img = dir.resolve("images.bin");        // no .gz in the name: detection is by the bytes 1f 8b
        Path lab = dir.resolve("labels.bin");
        Idx.writeImages(img, IMAGES, true);
        Idx.writeLabels(lab, LABELS, true);
        byte[] head = Arrays.copyOf(Files.readAllBytes(img), 2);
        assertArrayEquals(new byte[] {0x1f, (byte) 0x8b}, head);
        Dataset ds = Idx.read(img, lab, List.of("a", "b", "c", "d", "e", "f", "g", "h"));
        assertEquals(IMAGES.reshape(3, 6).div(255.0).maxAbsDiff(ds.x()), 0.0, 1e-15);
        assertArrayEquals(LABELS.toArray(), ds.y().toArray());
        assertEquals(8, ds.numClasses());
    }

    @Test
    void datasetsMnistIdxScalesToUnitInterval() {
        Path img = dir.resolve("i.gz");
        Path lab = dir.resolve("l.gz");
        Tensor pixels = new Rng(3).integers(0, 256, 50, 28, 28);
        Idx.writeImages(img, pixels, true);
        Idx.writeLabels(lab, new Rng(4).integers(0, 10, 50), true);
        Dataset ds = Datasets.mnistIdx(img, lab);
        assertArrayEquals(new int[] {50, 784}, ds.x().shape());
        assertEquals(0.0, ds.x().sub(pixels.reshape(50, 784).div(255)).abs().max(), 1e-15);
    }

    @Test
    void badMagicNamesFileFoundAndExpected() throws IOException {
        Path lab = dir.resolve("lab");
        Idx.writeLabels(lab, LABELS, false);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Idx.readImages(lab));
        assertEquals("Idx: " + lab + " has magic number 0x00000801 (1 dimension(s), expected 3); "
                + "expected 0x00000803 for IDX images", e.getMessage());

        Path junk = dir.resolve("junk.txt");
        Files.writeString(junk, "hello, world; not an IDX file");
        e = assertThrows(IllegalArgumentException.class, () -> Idx.readLabels(junk));
        assertEquals("Idx: " + junk + " has magic number 0x68656C6C (not an IDX file); "
                + "expected 0x00000801 for IDX labels", e.getMessage());

        Path floats = dir.resolve("floats");
        Files.write(floats, ByteBuffer.allocate(12).putInt(0x00000D01).putInt(1).putFloat(1f).array());
        e = assertThrows(IllegalArgumentException.class, () -> Idx.readLabels(floats));
        assertEquals("Idx: " + floats + " has magic number 0x00000D01 (data type 0x0D, expected 0x08 "
                + "(unsigned byte)); expected 0x00000801 for IDX labels", e.getMessage());
    }

    @Test
    void truncatedFileSaysExpectedAndGotBytes() throws IOException {
        for (boolean gzip : new boolean[] {false, true}) {
            Path full = dir.resolve("full" + gzip);
            Idx.writeImages(full, IMAGES, false);
            byte[] b = Files.readAllBytes(full);        // 16 header + 18 pixel bytes
            Path cut = dir.resolve("cut" + gzip);
            Files.write(cut, Arrays.copyOf(b, 30));
            if (gzip) {
                gzipInPlace(cut);
            }
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Idx.readImages(cut));
            assertEquals("Idx: " + cut + " is truncated: header 3 images of 2x3 needs 34 bytes"
                    + (gzip ? " (after gunzip)" : "") + ", got 30", e.getMessage());
        }
    }

    @Test
    void cutOffGzipStreamIsReportedAsIncomplete() throws IOException {
        Path gz = dir.resolve("img.gz");
        Idx.writeImages(gz, IMAGES, true);
        byte[] b = Files.readAllBytes(gz);
        Files.write(gz, Arrays.copyOf(b, b.length - 12));     // loses the end of the deflate data and the trailer
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Idx.readImages(gz));
        assertEquals("Idx: " + gz + " is not a complete gzip file (Unexpected end of ZLIB input stream); "
                + "expected a gzip-compressed IDX images file", e.getMessage());
    }

    @Test
    void tooShortForHeaderAndTooLong() throws IOException {
        Path shortFile = dir.resolve("short");
        Files.write(shortFile, new byte[] {0, 0, 8, 3, 0, 0});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Idx.readImages(shortFile));
        assertEquals("Idx: " + shortFile + " is too short for an IDX images header: expected 16 bytes, got 6",
                e.getMessage());

        Path longFile = dir.resolve("long");
        Idx.writeLabels(longFile, LABELS, false);
        Files.write(longFile, new byte[] {1, 2}, java.nio.file.StandardOpenOption.APPEND);
        e = assertThrows(IllegalArgumentException.class, () -> Idx.readLabels(longFile));
        assertEquals("Idx: " + longFile + " is longer than its header says: header 3 labels needs 11 bytes, got 13",
                e.getMessage());
    }

    @Test
    void imageAndLabelCountsMustAgree() {
        Path img = dir.resolve("img");
        Path lab = dir.resolve("lab");
        Idx.writeImages(img, IMAGES, true);
        Idx.writeLabels(lab, Tensor.of(1, 2), true);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Idx.read(img, lab));
        assertEquals("Idx: " + img + " holds 3 images but " + lab + " holds 2 labels; expected one label per image",
                e.getMessage());
    }

    @Test
    void missingFileNamed() {
        Path none = dir.resolve("nope.gz");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Idx.readLabels(none));
        assertEquals("Idx: " + none + " does not exist or is not a file; expected an IDX labels file", e.getMessage());
    }

    @Test
    void writerRejectsValuesOutsideAByte() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Idx.writeLabels(dir.resolve("x"), Tensor.of(1, 256), false));
        assertEquals("Idx.write: value 256.0 at flat index 1 does not fit an unsigned byte; expected 0..255",
                e.getMessage());
    }

    private static void gzipInPlace(Path p) throws IOException {
        byte[] raw = Files.readAllBytes(p);
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(p))) {
            out.write(raw);
        }
    }
}
