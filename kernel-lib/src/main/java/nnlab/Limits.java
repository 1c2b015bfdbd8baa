package nnlab;

import java.util.function.UnaryOperator;

/**
 * Caps on epochs and dataset sizes, read from the environment, so CI can run every notebook quickly
 * while a student's run uses the full numbers.
 *
 * <p>{@code epochs(full) = min(full, NNLAB_MAX_EPOCH)} and
 * {@code samples(full) = min(full, NNLAB_DATASET_LIMIT)}; an unset (or empty) variable means no cap.
 *
 * <p>Shapes: plain counts. Parameters: {@code full} is what the notebook would use without limits
 * (must be &gt;= 0); the variables must hold integers &gt;= 1, otherwise the call fails naming the
 * variable and its value.
 *
 * <pre>{@code
 * int epochs = Limits.epochs(100);                 // 100 locally, 2 with NNLAB_MAX_EPOCH=2
 * Dataset ds = Datasets.digits();
 * ds = ds.subset(0, Limits.samples(ds.size()));   // everything, or the first NNLAB_DATASET_LIMIT
 * }</pre>
 */
public final class Limits {
    /** Environment variable capping the number of epochs. */
    public static final String MAX_EPOCH = "NNLAB_MAX_EPOCH";
    /** Environment variable capping the number of samples. */
    public static final String DATASET_LIMIT = "NNLAB_DATASET_LIMIT";

    private Limits() {
    }

    /** {@code full}, or NNLAB_MAX_EPOCH when that is set and smaller. */
    public static int epochs(int full) {
        return cap(full, MAX_EPOCH, System::getenv);
    }

    /** {@code full}, or NNLAB_DATASET_LIMIT when that is set and smaller. */
    public static int samples(int full) {
        return cap(full, DATASET_LIMIT, System::getenv);
    }

    /** min(full, value of {@code variable} looked up in {@code env}); no cap when unset or blank. */
    static int cap(int full, String variable, UnaryOperator<String> env) {
        if (full < 0) {
            throw new IllegalArgumentException("Limits: full count must be >= 0, got " + full);
        }
        String raw = env.apply(variable);
        if (raw == null || raw.isBlank()) {
            return full;
        }
        int limit;
        try {
            limit = Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Limits: environment variable " + variable
                    + " must be a positive integer, got \"" + raw + "\"");
        }
        if (limit < 1) {
            throw new IllegalArgumentException("Limits: environment variable " + variable
                    + " must be a positive integer, got " + limit);
        }
        return Math.min(full, limit);
    }
}
