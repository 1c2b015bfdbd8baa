package nnlab.data;

import java.io.BufferedInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;
import nnlab.tensor.Tensor;

/**
 * Reads (and, for tests, writes) MNIST-format IDX files of unsigned bytes, raw or gzip-compressed.
 *
 * <p>Format (big-endian): magic {@code 0x00000803} (images: 0, 0, type 0x08 = unsigned byte, 3 dimensions)
 * or {@code 0x00000801} (labels: 1 dimension), then one int32 per dimension, then the bytes.
 * A file starting with 1f 8b is gunzipped first. The header must agree with the number of bytes that follow.
 *
 * <p>Shapes: images [N, rows·cols] with pixel values 0..255 (as doubles, unscaled); labels [N].
 *
 * <pre>{@code
 * Tensor x = Idx.readImages(Path.of("train-images-idx3-ubyte.gz"));   // [60000, 784], 0..255
 * Tensor y = Idx.readLabels(Path.of("train-labels-idx1-ubyte.gz"));   // [60000]
 * Dataset ds = Idx.read(images, labels);                              // x scaled to [0, 1]
 * }</pre>
 */
public final class Idx {
    /** Magic number of an IDX file of unsigned-byte images (3 dimensions). */
    public static final int IMAGES_MAGIC = 0x00000803;
    /** Magic number of an IDX file of unsigned-byte labels (1 dimension). */
    public static final int LABELS_MAGIC = 0x00000801;

    private static final int BUF = 1 << 16;

    private Idx() {
    }

    /** Images as [N, rows·cols], pixel values 0..255. */
    public static Tensor readImages(Path file) {
        return toTensor(readChecked(file, 3), 1.0);
    }

    /** Labels as [N]. */
    public static Tensor readLabels(Path file) {
        return toTensor(readChecked(file, 1), 1.0);
    }

    /**
     * An images file and its labels file as a dataset: x [N, rows·cols] scaled to [0, 1] (pixel / 255),
     * y [N]. The two files must hold the same number of samples.
     */
    public static Dataset read(Path images, Path labels, List<String> classNames) {
        return dataset(readChecked(images, 3), images.toString(), readChecked(labels, 1), labels.toString(),
                classNames);
    }

    /**
     * Like {@link #read(Path, Path, List)} from two open streams (raw or gzip), e.g. classpath resources; the
     * names stand for the files in messages. Closes both streams.
     */
    static Dataset read(InputStream images, String imagesName, InputStream labels, String labelsName,
                        List<String> classNames) {
        return dataset(readChecked(images, imagesName, 3), imagesName, readChecked(labels, labelsName, 1),
                labelsName, classNames);
    }

    private static Dataset dataset(Content img, String images, Content lab, String labels, List<String> classNames) {
        if (img.dims[0] != lab.dims[0]) {
            throw new IllegalArgumentException("Idx: " + images + " holds " + img.dims[0] + " images but "
                    + labels + " holds " + lab.dims[0] + " labels; expected one label per image");
        }
        return new Dataset(toTensor(img, 1.0 / 255.0), toTensor(lab, 1.0), classNames);
    }

    /** {@link #read(Path, Path, java.util.List)} without class names. */
    public static Dataset read(Path images, Path labels) {
        return read(images, labels, null);
    }

    /** The decoded header and bytes of one file. */
    private record Content(int[] dims, byte[] data) {
    }

    private static Content readChecked(Path file, int expectedDims) {
        String kind = expectedDims == 3 ? "images" : "labels";
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("Idx: " + file + " does not exist or is not a file; expected an IDX "
                    + kind + " file");
        }
        try {
            return readChecked(Files.newInputStream(file), file.toString(), expectedDims);
        } catch (IOException e) {
            throw new UncheckedIOException("Idx: cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads one IDX file from {@code stream} (gunzipped when it starts with 1f 8b) and closes it. */
    private static Content readChecked(InputStream stream, String file, int expectedDims) {
        String kind = expectedDims == 3 ? "images" : "labels";
        try (InputStream raw = new BufferedInputStream(stream, BUF)) {
            boolean gzip = isGzip(raw);
            InputStream in = gzip ? new BufferedInputStream(new GZIPInputStream(raw, BUF), BUF) : raw;
            int[] dims = readHeader(in, file, kind, expectedDims);
            return new Content(dims, readBody(in, file, dims, gzip));
        } catch (EOFException | ZipException e) {
            throw new IllegalArgumentException("Idx: " + file + " is not a complete gzip file (" + e.getMessage()
                    + "); expected a gzip-compressed IDX " + kind + " file", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Idx: cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Checks the magic number and returns the dimensions. */
    private static int[] readHeader(InputStream in, String file, String kind, int expectedDims) throws IOException {
        int headerBytes = 4 + 4 * expectedDims;
        byte[] header = new byte[headerBytes];
        int got = in.readNBytes(header, 0, 4);
        if (got == 4) {
            checkMagic(file, bigEndian(header, 0), expectedDims == 3 ? IMAGES_MAGIC : LABELS_MAGIC, kind, expectedDims);
            got += in.readNBytes(header, 4, headerBytes - 4);
        }
        if (got < headerBytes) {
            throw new IllegalArgumentException("Idx: " + file + " is too short for an IDX " + kind
                    + " header: expected " + headerBytes + " bytes, got " + got);
        }
        int[] dims = new int[expectedDims];
        for (int i = 0; i < expectedDims; i++) {
            dims[i] = bigEndian(header, 4 + 4 * i);
            if (dims[i] < 0) {
                throw new IllegalArgumentException("Idx: " + file + " has a negative size " + dims[i]
                        + " in dimension " + i + "; expected sizes >= 0");
            }
        }
        return dims;
    }

    /** Reads exactly the bytes the header promises; fewer or more is an error. */
    private static byte[] readBody(InputStream in, String file, int[] dims, boolean gzip) throws IOException {
        long count = 1;
        for (int d : dims) {
            count *= d;
        }
        if (count > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("Idx: " + file + " header " + describe(dims) + " promises " + count
                    + " bytes, more than one Java array holds");
        }
        long headerBytes = 4 + 4L * dims.length;
        String unit = gzip ? " bytes (after gunzip)" : " bytes";
        byte[] data = in.readNBytes((int) count);
        if (data.length < count) {
            throw new IllegalArgumentException("Idx: " + file + " is truncated: header " + describe(dims)
                    + " needs " + (headerBytes + count) + unit + ", got " + (headerBytes + data.length));
        }
        long extra = in.transferTo(OutputStream.nullOutputStream());
        if (extra > 0) {
            throw new IllegalArgumentException("Idx: " + file + " is longer than its header says: header "
                    + describe(dims) + " needs " + (headerBytes + count) + unit + ", got "
                    + (headerBytes + count + extra));
        }
        return data;
    }

    private static void checkMagic(String file, int magic, int expected, String kind, int dims) {
        if (magic == expected) {
            return;
        }
        String hex = String.format("0x%08X", magic);
        String want = String.format("0x%08X", expected);
        String why;
        if ((magic >>> 16) == 0 && ((magic >>> 8) & 0xFF) != 0x08) {
            why = String.format("data type 0x%02X, expected 0x08 (unsigned byte)", (magic >>> 8) & 0xFF);
        } else if ((magic >>> 16) == 0 && ((magic >>> 8) & 0xFF) == 0x08) {
            why = (magic & 0xFF) + " dimension(s), expected " + dims;
        } else {
            why = "not an IDX file";
        }
        throw new IllegalArgumentException("Idx: " + file + " has magic number " + hex + " (" + why
                + "); expected " + want + " for IDX " + kind);
    }

    private static String describe(int[] dims) {
        return dims.length == 1 ? dims[0] + " labels"
                : dims[0] + " images of " + dims[1] + "x" + dims[2];
    }

    /** True when the stream starts with the gzip magic bytes 1f 8b; leaves the stream where it was. */
    private static boolean isGzip(InputStream in) throws IOException {
        in.mark(2);
        boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
        in.reset();
        return gzip;
    }

    private static int bigEndian(byte[] b, int at) {
        return ((b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
    }

    private static Tensor toTensor(Content c, double scale) {
        int n = c.dims[0];
        Tensor t = c.dims.length == 1 ? Tensor.zeros(n) : Tensor.zeros(n, c.dims[1] * c.dims[2]);
        double[] d = t.array();
        byte[] src = c.data;
        for (int i = 0; i < src.length; i++) {
            d[i] = (src[i] & 0xFF) * scale;
        }
        return t;
    }

    /**
     * Writes images [N, rows, cols] (values 0..255, rounded) as an IDX file, gzipped when {@code gzip}.
     * Used by tests and for exporting small sets.
     */
    public static void writeImages(Path file, Tensor images, boolean gzip) {
        images.requireShape("Idx.writeImages: images", -1, -1, -1);
        write(file, IMAGES_MAGIC, images.shape(), images, gzip);
    }

    /** Writes labels [N] (values 0..255) as an IDX file, gzipped when {@code gzip}. */
    public static void writeLabels(Path file, Tensor labels, boolean gzip) {
        labels.requireShape("Idx.writeLabels: labels", -1);
        write(file, LABELS_MAGIC, labels.shape(), labels, gzip);
    }

    private static void write(Path file, int magic, int[] dims, Tensor values, boolean gzip) {
        double[] v = values.toArray();
        byte[] bytes = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            long r = Math.round(v[i]);
            if (r < 0 || r > 255) {
                throw new IllegalArgumentException("Idx.write: value " + v[i] + " at flat index " + i
                        + " does not fit an unsigned byte; expected 0..255");
            }
            bytes[i] = (byte) r;
        }
        try (OutputStream raw = Files.newOutputStream(file);
             DataOutputStream out = new DataOutputStream(gzip ? new GZIPOutputStream(raw) : raw)) {
            out.writeInt(magic);
            for (int d : dims) {
                out.writeInt(d);
            }
            out.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("Idx: cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
