package nnlab.grad;

import java.util.function.DoubleUnaryOperator;
import java.util.function.ToDoubleFunction;
import nnlab.tensor.Tensor;

/**
 * Numerical derivatives: the slope of f measured by nudging its input a little.
 *
 * <p>Formulas: forward {@code f'(x) ≈ (f(x + h) - f(x)) / h} (error O(h)); central
 * {@code f'(x) ≈ (f(x + h) - f(x - h)) / (2h)} (error O(h²), the one to use for checks). For a
 * function of a tensor, each element is nudged in turn, giving the gradient tensor.
 *
 * <p>Shapes: the gradient has the shape of x.
 *
 * <p>Parameters: step h; defaults {@link #CENTRAL_EPS} = 1e-6 and {@link #FORWARD_EPS} = 1e-8
 * (about the cube root and the square root of the double precision, which balance truncation
 * against rounding). The tensor versions nudge a private copy of x in place, so f must not keep
 * the tensor it is given.
 *
 * <pre>{@code
 * double d = FiniteDifference.central(x -> x * x, 3.0);                       // ≈ 6
 * Tensor g = FiniteDifference.central(t -> t.pow(2).sum(), Tensor.of(1, 2));   // ≈ [2, 4]
 * Tensor f = FiniteDifference.forward(t -> t.pow(2).sum(), Tensor.of(1, 2));   // ≈ [2, 4], less exact
 * }</pre>
 */
public final class FiniteDifference {
    /** Default step for central differences. */
    public static final double CENTRAL_EPS = 1e-6;
    /** Default step for forward differences. */
    public static final double FORWARD_EPS = 1e-8;

    private FiniteDifference() {
    }

    /** {@code (f(x + h) - f(x)) / h} with h = {@link #FORWARD_EPS}. */
    public static double forward(DoubleUnaryOperator f, double x) {
        return forward(f, x, FORWARD_EPS);
    }

    /** {@code (f(x + h) - f(x)) / h}. */
    public static double forward(DoubleUnaryOperator f, double x, double h) {
        checkStep(h);
        return (f.applyAsDouble(x + h) - f.applyAsDouble(x)) / h;
    }

    /** {@code (f(x + h) - f(x - h)) / 2h} with h = {@link #CENTRAL_EPS}. */
    public static double central(DoubleUnaryOperator f, double x) {
        return central(f, x, CENTRAL_EPS);
    }

    /** {@code (f(x + h) - f(x - h)) / 2h}. */
    public static double central(DoubleUnaryOperator f, double x, double h) {
        checkStep(h);
        return (f.applyAsDouble(x + h) - f.applyAsDouble(x - h)) / (2 * h);
    }

    /** Forward-difference gradient of a scalar function of a tensor, h = {@link #FORWARD_EPS}. */
    public static Tensor forward(ToDoubleFunction<Tensor> f, Tensor x) {
        return forward(f, x, FORWARD_EPS);
    }

    /** Forward-difference gradient of a scalar function of a tensor. */
    public static Tensor forward(ToDoubleFunction<Tensor> f, Tensor x, double h) {
        checkStep(h);
        Tensor w = x.copy();
        double f0 = f.applyAsDouble(w);
        return gradient(w, i -> {
            double[] d = w.array();
            double old = d[i];
            d[i] = old + h;
            double up = f.applyAsDouble(w);
            d[i] = old;
            return (up - f0) / h;
        });
    }

    /** Central-difference gradient of a scalar function of a tensor, h = {@link #CENTRAL_EPS}. */
    public static Tensor central(ToDoubleFunction<Tensor> f, Tensor x) {
        return central(f, x, CENTRAL_EPS);
    }

    /** Central-difference gradient of a scalar function of a tensor. */
    public static Tensor central(ToDoubleFunction<Tensor> f, Tensor x, double h) {
        checkStep(h);
        Tensor w = x.copy();
        return gradient(w, i -> {
            double[] d = w.array();
            double old = d[i];
            d[i] = old + h;
            double up = f.applyAsDouble(w);
            d[i] = old - h;
            double down = f.applyAsDouble(w);
            d[i] = old;
            return (up - down) / (2 * h);
        });
    }

    /**
     * Central-difference gradient with respect to a tensor that {@code f} reads by itself (e.g. a
     * layer's weight): nudges {@code target} in place and restores every value afterwards.
     */
    public static Tensor centralInPlace(java.util.function.DoubleSupplier f, Tensor target, double h) {
        checkStep(h);
        return gradient(target, i -> {
            double[] d = target.array();
            double old = d[i];
            d[i] = old + h;
            double up = f.getAsDouble();
            d[i] = old - h;
            double down = f.getAsDouble();
            d[i] = old;
            return (up - down) / (2 * h);
        });
    }

    private static Tensor gradient(Tensor like, java.util.function.IntToDoubleFunction partial) {
        double[] gd = new double[like.size()];
        for (int i = 0; i < gd.length; i++) {
            gd[i] = partial.applyAsDouble(i);
        }
        return Tensor.fromArray(gd, like.shape());
    }

    private static void checkStep(double h) {
        if (!(h > 0) || !Double.isFinite(h)) {
            throw new IllegalArgumentException("FiniteDifference: step h must be finite and > 0, got h=" + h);
        }
    }
}
