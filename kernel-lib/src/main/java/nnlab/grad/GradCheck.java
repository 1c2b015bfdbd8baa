package nnlab.grad;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.function.UnaryOperator;
import nnlab.Rng;
import nnlab.autograd.Var;
import nnlab.loss.Loss;
import nnlab.nn.Layer;
import nnlab.nn.Param;
import nnlab.tensor.Tensor;

/**
 * Gradient checks: compare an analytic gradient with a central finite difference.
 *
 * <p>Formula: {@link #checkGrad} returns {@code ||grad(x0) - numeric(x0)||₂}, as
 * {@code scipy.optimize.check_grad} does (scipy uses a forward difference; this uses the more exact
 * central one, h = 1e-6). {@link #layer} checks a layer with the loss {@code L = Σ forward(x) * R},
 * R a fixed seeded normal tensor, so dy = R; each row of its report has the relative error
 * {@code ||a - n||₂ / max(||a||₂, ||n||₂)}, ok when below {@link #TOLERANCE}.
 *
 * <p>Shapes: grad(x0) has the shape of x0.
 *
 * <p>Parameters: the layer is evaluated many times (two forwards per input and parameter value), so
 * check small layers and batches. Dropout draws a new mask per forward: check it in evaluation mode
 * or after {@code dropout.freezeMask(true)}.
 *
 * <pre>{@code
 * double err = GradCheck.checkGrad(x -> x.pow(2).sum(), x -> x.mul(2), Tensor.of(1, 2));  // ≈ 1e-10
 * GradCheck.Report r = GradCheck.layer(new Linear(3, 2, new Rng(1)), new Rng(2).normal(0, 1, 4, 3));
 * System.out.println(r);                                                                 // a table; r.ok()
 * GradCheck.var(v -> v.tanh(), Tensor.of(-1, 0, 2)).ok();                                // autograd vs numbers
 * }</pre>
 */
public final class GradCheck {
    /** A row is ok when its relative error is below this. */
    public static final double TOLERANCE = 1e-6;
    private static final long SEED = 20240601L;

    private GradCheck() {
    }

    /** {@code ||grad(x0) - numeric(x0)||₂} with a central difference. */
    public static double checkGrad(ToDoubleFunction<Tensor> f, Function<Tensor, Tensor> grad, Tensor x0) {
        Tensor numeric = FiniteDifference.central(f, x0);
        Tensor analytic = grad.apply(x0.copy());
        if (analytic == null || !java.util.Arrays.equals(analytic.shape(), x0.shape())) {
            throw new IllegalArgumentException("GradCheck.checkGrad: grad returned shape "
                    + (analytic == null ? "null" : java.util.Arrays.toString(analytic.shape()))
                    + "; expected the shape of x0, " + java.util.Arrays.toString(x0.shape()));
        }
        return analytic.sub(numeric).norm();
    }

    /** {@code |df(x0) - numeric(x0)|} for a function of one number. */
    public static double checkGrad(DoubleUnaryOperator f, DoubleUnaryOperator df, double x0) {
        return Math.abs(df.applyAsDouble(x0) - FiniteDifference.central(f, x0));
    }

    /**
     * Checks dx and every parameter gradient of {@code layer} at input {@code x}. Gradients accumulate, so
     * the check runs its backward from zero gradients and puts the layer's own gradients back afterwards.
     */
    public static Report layer(Layer layer, Tensor x) {
        Tensor y = layer.forward(x);
        Tensor r = new Rng(SEED).normal(0, 1, y.shape());
        ToDoubleFunction<Tensor> lossOfX = xi -> layer.forward(xi).mul(r).sum();
        List<Tensor> before = new ArrayList<>();
        for (Param p : layer.params()) {
            before.add(p.grad().copy());
        }
        layer.zeroGrad();
        Tensor dx = layer.backward(x, r);
        List<Tensor> grads = new ArrayList<>();
        for (int i = 0; i < layer.params().size(); i++) {
            Param p = layer.params().get(i);
            grads.add(p.grad().copy());
            p.grad().copyFromInPlace(before.get(i));
        }
        Report report = new Report(layer.toString());
        report.add("x", dx, FiniteDifference.central(lossOfX, x));
        List<Param> params = layer.params();
        for (int i = 0; i < params.size(); i++) {
            Tensor numeric = FiniteDifference.centralInPlace(() -> layer.forward(x).mul(r).sum(),
                    params.get(i).value(), FiniteDifference.CENTRAL_EPS);
            report.add(params.get(i).name(), grads.get(i), numeric);
        }
        return report;
    }

    /** Checks {@code loss.grad(y, yHat)} against a central difference of {@code loss.value}. */
    public static Report loss(Loss loss, Tensor y, Tensor yHat) {
        Report report = new Report(loss.toString());
        report.add("yHat", loss.grad(y, yHat), FiniteDifference.central(t -> loss.value(y, t), yHat));
        return report;
    }

    /**
     * Checks the gradient autograd gives {@code f} at x, with the loss {@code L = Σ f(x) * R} as in
     * {@link #layer}: backward of L against a central difference of L. One row, "x".
     */
    public static Report var(UnaryOperator<Var> f, Tensor x) {
        return vars(in -> f.apply(in[0]), new Tensor[] {x}, new String[] {"x"});
    }

    /** As {@link #var} for a function of several Vars: one row per input, called x0, x1, ... */
    public static Report vars(Function<Var[], Var> f, Tensor... xs) {
        String[] names = new String[xs.length];
        for (int i = 0; i < xs.length; i++) {
            names[i] = "x" + i;
        }
        return vars(f, xs, names);
    }

    private static Report vars(Function<Var[], Var> f, Tensor[] xs, String[] names) {
        Var[] in = new Var[xs.length];
        for (int i = 0; i < xs.length; i++) {
            in[i] = Var.param(names[i], xs[i].copy());
        }
        Var y = f.apply(in);
        Tensor r = new Rng(SEED).normal(0, 1, y.shape());
        y.mul(Var.of(r)).sum().backward();
        Report report = new Report(y.op().isEmpty() ? "a Var function" : y.op());
        for (int i = 0; i < xs.length; i++) {
            int k = i;
            Tensor numeric = FiniteDifference.central(t -> {
                Var[] at = new Var[xs.length];
                for (int j = 0; j < xs.length; j++) {
                    at[j] = Var.of(j == k ? t : xs[j]);
                }
                return f.apply(at).value().mul(r).sum();
            }, xs[i]);
            report.add(names[i], in[i].grad(), numeric);
        }
        return report;
    }

    /** One row per checked tensor: name, max abs error, relative error, ok. */
    public static final class Report {
        private final String subject;
        private final List<String> names = new ArrayList<>();
        private final List<double[]> errors = new ArrayList<>();

        Report(String subject) {
            this.subject = subject;
        }

        void add(String name, Tensor analytic, Tensor numeric) {
            double abs = analytic.maxAbsDiff(numeric);
            double scale = Math.max(analytic.norm(), numeric.norm());
            double rel = scale == 0 ? 0 : analytic.sub(numeric).norm() / scale;
            names.add(name);
            errors.add(new double[] {abs, Double.isNaN(abs) ? Double.NaN : rel});
        }

        /** True when every row's relative error is below {@link #TOLERANCE}. */
        public boolean ok() {
            for (double[] e : errors) {
                if (!(e[1] < TOLERANCE)) {
                    return false;
                }
            }
            return true;
        }

        /** The largest relative error over all rows (NaN if any row is NaN). */
        public double maxRelativeError() {
            double m = 0;
            for (double[] e : errors) {
                if (Double.isNaN(e[1])) {
                    return Double.NaN;
                }
                m = Math.max(m, e[1]);
            }
            return m;
        }

        /** The checked names in order: "x" (or "yHat") then the parameters. */
        public List<String> names() {
            return List.copyOf(names);
        }

        /** Relative error of the row named {@code name}. */
        public double relativeError(String name) {
            int i = names.indexOf(name);
            if (i < 0) {
                throw new IllegalArgumentException("GradCheck.Report: no row named '" + name + "'; rows are " + names);
            }
            return errors.get(i)[1];
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder("Gradient check of " + subject + "\n");
            sb.append(String.format(Locale.ROOT, "%-10s %14s %14s  %s%n", "parameter", "max abs error", "relative error", "ok"));
            for (int i = 0; i < names.size(); i++) {
                double[] e = errors.get(i);
                sb.append(String.format(Locale.ROOT, "%-10s %14.3e %14.3e  %s%n", names.get(i), e[0], e[1],
                        e[1] < TOLERANCE ? "yes" : "NO"));
            }
            return sb.toString().stripTrailing();
        }
    }
}
