package nnlab.tensor;

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

    private static final dev.ludovic.netlib.blas.BLAS BLAS = dev.ludovic.netlib.blas.BLAS.getInstance();

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
     * {@code c = op(a) · op(b)} for row-major matrices, where op transposes when asked.
     * {@code a} is m×k after op, {@code b} is k×n after op, {@code c} is m×n and is overwritten.
     */
    static void gemm(boolean transA, boolean transB, int m, int n, int k,
                     double[] a, double[] b, double[] c) {
        if ((long) m * n * k < SMALL) {
            naive(transA, transB, m, n, k, a, b, c);
            return;
        }
        // Row-major C = op(A)·op(B) is column-major Cᵀ = op(B)ᵀ·op(A)ᵀ: swap the operands.
        int lda = transA ? m : k;
        int ldb = transB ? k : n;
        BLAS.dgemm(transB ? "T" : "N", transA ? "T" : "N", n, m, k, 1.0, b, ldb, a, lda, 0.0, c, n);
    }

    private static void naive(boolean transA, boolean transB, int m, int n, int k,
                              double[] a, double[] b, double[] c) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    double av = transA ? a[p * m + i] : a[i * k + p];
                    double bv = transB ? b[j * k + p] : b[p * n + j];
                    s += av * bv;
                }
                c[i * n + j] = s;
            }
        }
    }
}
