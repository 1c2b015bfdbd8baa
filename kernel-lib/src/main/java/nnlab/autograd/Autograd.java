package nnlab.autograd;

/**
 * Switches for {@link Var}'s graph recording: {@link #noGrad()} turns it off inside a scope, and
 * {@link #detectAnomaly(boolean)} names the first operation that produces a NaN.
 *
 * <p>Both are settings of the whole JVM (a notebook runs its cells one after another), like
 * {@code torch.no_grad()} and {@code torch.autograd.set_detect_anomaly}. Scopes nest: recording resumes
 * when the outermost {@code noGrad} scope closes.
 *
 * <pre>{@code
 * try (var off = Autograd.noGrad()) {
 *     Tensor scores = model.apply(Var.of(xTest)).value();    // no graph kept: less memory, faster
 * }
 * Autograd.detectAnomaly(true);                               // a NaN now fails at the op that made it
 * }</pre>
 */
public final class Autograd {
    private static int noGradDepth;
    private static boolean anomaly;

    private Autograd() {
    }

    /** A scope in which operations on {@link Var}s record no graph; close it (try-with-resources) to resume. */
    public static synchronized NoGrad noGrad() {
        noGradDepth++;
        return new NoGrad();
    }

    /** True unless inside a {@link #noGrad()} scope. */
    public static synchronized boolean isGradEnabled() {
        return noGradDepth == 0;
    }

    /**
     * With {@code on}, every operation checks its result (forward) and the gradients it passes back
     * (backward) for NaN and throws an {@link ArithmeticException} naming itself, its shapes and the first
     * bad position; off by default, because the scans cost time.
     */
    public static synchronized void detectAnomaly(boolean on) {
        anomaly = on;
    }

    /** Whether {@link #detectAnomaly(boolean)} is on. */
    public static synchronized boolean isAnomalyDetectionEnabled() {
        return anomaly;
    }

    /** The scope returned by {@link #noGrad()}; closing it twice has no further effect. */
    public static final class NoGrad implements AutoCloseable {
        private boolean open = true;

        private NoGrad() {
        }

        @Override
        public void close() {
            synchronized (Autograd.class) {
                if (open) {
                    open = false;
                    noGradDepth--;
                }
            }
        }
    }
}
