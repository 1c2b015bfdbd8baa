package nnlab.data;

import nnlab.tensor.Tensor;

/**
 * Standardization fitted on one set (train) and applied to others (test), so no test statistics leak in.
 *
 * <p>z = (x − μ) / σ with the population standard deviation (ddof = 0, as NumPy and scikit-learn's
 * {@code StandardScaler}). {@link #fit} takes μ and σ per feature (column); {@link #fitGlobal} takes one μ and
 * one σ over all values, the course's way. A σ of 0 (a constant column, e.g. the digits' always-blank corner
 * pixels) is replaced by 1, so that feature is only centred, never divided by zero.
 *
 * <p>Shapes: fit takes x [N, F]; a per-feature standardizer transforms [M, F]; a global one any shape.
 *
 * <pre>{@code
 * Standardizer s = Standardizer.fitGlobal(split.train().x());
 * Dataset train = s.transform(split.train());
 * Dataset test = s.transform(split.test());      // the train mean and std applied to test
 * }</pre>
 */
public final class Standardizer {
    private final Tensor mean;
    private final Tensor std;
    private final boolean global;

    private Standardizer(Tensor mean, Tensor std, boolean global) {
        this.mean = mean;
        this.std = std;
        this.global = global;
    }

    /** Per-feature: μ_j and σ_j of each column j of x [N, F] (σ_j = 0 becomes 1). */
    public static Standardizer fit(Tensor x) {
        check("Standardizer.fit", x);
        Tensor sd = x.std(0).map(s -> s == 0 ? 1 : s);
        return new Standardizer(x.mean(0), sd, false);
    }

    /** Global: one μ and one σ over every value of x [N, F] (σ = 0 becomes 1). */
    public static Standardizer fitGlobal(Tensor x) {
        check("Standardizer.fitGlobal", x);
        double sd = x.std();
        return new Standardizer(Tensor.scalar(x.mean()), Tensor.scalar(sd == 0 ? 1 : sd), true);
    }

    /** Per-feature fit on x, then x standardized; for a train/test pair use {@link #fit} and {@link #transform}. */
    public static Tensor fitTransform(Tensor x) {
        return fit(x).transform(x);
    }

    /** (x − μ) / σ with the fitted statistics. */
    public Tensor transform(Tensor x) {
        requireMatches("transform", x);
        return global ? x.sub(mean.item()).div(std.item()) : x.sub(mean).div(std);
    }

    /** The dataset with its x standardized; labels and class names unchanged. */
    public Dataset transform(Dataset ds) {
        return ds.withX(transform(ds.x()));
    }

    /** x · σ + μ: undoes {@link #transform}. */
    public Tensor inverse(Tensor z) {
        requireMatches("inverse", z);
        return global ? z.mul(std.item()).add(mean.item()) : z.mul(std).add(mean);
    }

    /** The fitted mean: [F] per feature, a scalar tensor when global. */
    public Tensor mean() {
        return mean.copy();
    }

    /** The fitted standard deviation (zeros replaced by 1): [F] per feature, a scalar tensor when global. */
    public Tensor std() {
        return std.copy();
    }

    /** True for a {@link #fitGlobal} standardizer. */
    public boolean isGlobal() {
        return global;
    }

    private static void check(String what, Tensor x) {
        x.requireShape(what + ": x", -1, -1).requireFinite(what + ": x");
        if (x.shape(0) == 0) {
            throw new IllegalArgumentException(what + ": x has no rows; expected at least one sample to fit on");
        }
    }

    private void requireMatches(String op, Tensor x) {
        if (!global) {
            x.requireShape("Standardizer." + op + " (fitted on " + mean.size() + " features): x", -1, mean.size());
        }
    }

    @Override
    public String toString() {
        return global ? String.format("Standardizer(global, mean=%.6f, std=%.6f)", mean.item(), std.item())
                : "Standardizer(per-feature, features=" + mean.size() + ")";
    }
}
