package nnlab.tensor;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Matrix products through netlib's BLAS: native OpenBLAS when {@code libblas.so.3} is installed
 * (Debian's {@code libopenblas0}), netlib's pure-Java implementation otherwise.
 *
 * <p>netlib announces which implementation it picked as an INFO log line on stderr; graded cells
 * fail when they write to stderr, so that logger is set to WARNING before BLAS is first touched.
 */
public final class Blas {
    private static final Logger QUIET;

    static {
        QUIET = Logger.getLogger("dev.ludovic.netlib");
        QUIET.setLevel(Level.WARNING);
        for (String name : new String[] {"dev.ludovic.netlib.blas.InstanceBuilder",
            "dev.ludovic.netlib.blas.InstanceBuilder$NativeBLAS", "dev.ludovic.netlib.blas.InstanceBuilder$JavaBLAS"}) {
            Logger.getLogger(name).setLevel(Level.WARNING);
        }
    }

    private static final dev.ludovic.netlib.blas.BLAS BLAS = load();

    /**
     * netlib's native loader prints "dlopen(libblas.so.3) failed" straight to stderr (from C, past any
     * Java logger) when the library is missing, so native BLAS is only tried when the file exists.
     */
    private static dev.ludovic.netlib.blas.BLAS load() {
        String key = "dev.ludovic.netlib.blas.allowNative";
        if (System.getProperty(key) == null && nativeLibraryPath() == null) {
            System.setProperty(key, "false");
        }
        return dev.ludovic.netlib.blas.BLAS.getInstance();
    }

    /** Where the dynamic loader would find {@code libblas.so.3}, or null when it is nowhere we know. */
    static Path nativeLibraryPath() {
        List<String> dirs = new ArrayList<>();
        for (String var : new String[] {System.getenv("LD_LIBRARY_PATH"), System.getProperty("java.library.path")}) {
            if (var != null) {
                dirs.addAll(Arrays.asList(var.split(File.pathSeparator)));
            }
        }
        String arch = System.getProperty("os.arch", "").replace("amd64", "x86_64").replace("arm64", "aarch64");
        for (String root : new String[] {"/lib/", "/usr/lib/", "/usr/local/lib/"}) {
            dirs.add(root + arch + "-linux-gnu");
            dirs.add(root);
        }
        dirs.add("/usr/lib64");
        for (String d : dirs) {
            if (!d.isEmpty()) {
                Path p = Path.of(d, "libblas.so.3");
                if (Files.exists(p)) {
                    return p;
                }
            }
        }
        return null;
    }

    /** Below this many multiply-adds a plain Java loop beats the call overhead. */
    private static final long SMALL = 4096;

    private Blas() {
    }

    /** The implementation in use, e.g. {@code JNIBLAS} (native) or {@code Java11BLAS}. */
    public static String implementation() {
        return BLAS.getClass().getSimpleName();
    }

    /** True when the native library was found. */
    public static boolean isNative() {
        return dev.ludovic.netlib.blas.NativeBLAS.class.isInstance(BLAS);
    }

    /**
     * {@code c = op(a) · op(b)}, or with {@code accumulate} {@code c += op(a) · op(b)} (BLAS's beta = 1), for
     * row-major matrices, where op transposes when asked. {@code a} is m×k after op, {@code b} is k×n after op,
     * {@code c} is m×n. Both forms sum the k products in the same order, so accumulating into zeros gives
     * exactly the values the plain form writes.
     */
    static void gemm(boolean transA, boolean transB, int m, int n, int k,
                     double[] a, double[] b, double[] c, boolean accumulate) {
        if ((long) m * n * k < SMALL) {
            naive(transA, transB, m, n, k, a, b, c, accumulate);
            return;
        }
        // Row-major C = op(A)·op(B) is column-major Cᵀ = op(B)ᵀ·op(A)ᵀ: swap the operands.
        int lda = transA ? m : k;
        int ldb = transB ? k : n;
        BLAS.dgemm(transB ? "T" : "N", transA ? "T" : "N", n, m, k, 1.0, b, ldb, a, lda, accumulate ? 1.0 : 0.0, c, n);
    }

    private static void naive(boolean transA, boolean transB, int m, int n, int k,
                              double[] a, double[] b, double[] c, boolean accumulate) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    double av = transA ? a[p * m + i] : a[i * k + p];
                    double bv = transB ? b[j * k + p] : b[p * n + j];
                    s += av * bv;
                }
                c[i * n + j] = accumulate ? c[i * n + j] + s : s;
            }
        }
    }
}
