package nnlab.optim;

import java.util.Objects;
import java.util.function.IntToDoubleFunction;

/**
 * A learning rate per epoch, {@code η_t} for t = 0, 1, 2, ...; the Trainer sets it before each epoch.
 *
 * <pre>
 * constant:     η_t = η
 * exponential:  η_t = η0 · d^t                       (the course's decay, 0 &lt; d ≤ 1)
 * step:         η_t = η0 · γ^floor(t / stepSize)     (0 &lt; γ ≤ 1, stepSize ≥ 1)
 * </pre>
 *
 * <p>Epoch t = 0 is the first epoch, so it always trains with η0.
 *
 * <pre>{@code
 * Schedule s = Schedule.exponential(0.1, 0.95);   // 0.1, 0.095, 0.09025, ...
 * double lr = s.at(10);                           // 0.1 * 0.95^10
 * new Trainer().schedule(s).run(net, loss, opt, train, test, 50, 10);
 * }</pre>
 */
public final class Schedule {
    private final String description;
    private final IntToDoubleFunction rate;

    private Schedule(String description, IntToDoubleFunction rate) {
        this.description = description;
        this.rate = rate;
    }

    /** The same rate every epoch. */
    public static Schedule constant(double eta) {
        positive("constant", "eta", eta);
        return new Schedule("Schedule.constant(" + eta + ")", t -> eta);
    }

    /** {@code η_t = eta0 · d^t}. */
    public static Schedule exponential(double eta0, double d) {
        positive("exponential", "eta0", eta0);
        factor("exponential", "d", d);
        return new Schedule("Schedule.exponential(eta0=" + eta0 + ", d=" + d + ")", t -> eta0 * Math.pow(d, t));
    }

    /** {@code η_t = eta0 · gamma^floor(t / stepSize)}: multiply by gamma every stepSize epochs. */
    public static Schedule step(double eta0, double gamma, int stepSize) {
        positive("step", "eta0", eta0);
        factor("step", "gamma", gamma);
        if (stepSize < 1) {
            throw new IllegalArgumentException("Schedule.step: stepSize must be >= 1, got " + stepSize);
        }
        return new Schedule("Schedule.step(eta0=" + eta0 + ", gamma=" + gamma + ", stepSize=" + stepSize + ")",
                t -> eta0 * Math.pow(gamma, t / stepSize));
    }

    /** Any rule, e.g. {@code Schedule.of("1/(1+t)", t -> 0.1 / (1 + t))}; its values must be positive. */
    public static Schedule of(String description, IntToDoubleFunction rate) {
        return new Schedule(Objects.requireNonNull(description, "description"), Objects.requireNonNull(rate, "rate"));
    }

    /** The learning rate for epoch {@code t >= 0}. */
    public double at(int t) {
        if (t < 0) {
            throw new IllegalArgumentException(description + ": epoch t must be >= 0, got " + t);
        }
        double eta = rate.applyAsDouble(t);
        if (!(eta > 0) || Double.isInfinite(eta)) {
            throw new IllegalStateException(description + ": learning rate at t=" + t + " is " + eta
                    + "; expected a finite value > 0");
        }
        return eta;
    }

    @Override
    public String toString() {
        return description;
    }

    private static void positive(String factory, String arg, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException("Schedule." + factory + ": " + arg + " must be > 0, got " + v);
        }
    }

    private static void factor(String factory, String arg, double v) {
        if (!(v > 0 && v <= 1)) {
            throw new IllegalArgumentException("Schedule." + factory + ": " + arg + " must be in (0, 1], got " + v);
        }
    }
}
