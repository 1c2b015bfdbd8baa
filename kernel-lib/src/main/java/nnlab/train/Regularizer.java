package nnlab.train;

import java.util.List;
import java.util.Locale;
import nnlab.nn.Param;

/**
 * A penalty on the weights that the {@link Trainer} adds to the training objective: L2 or L1 regularization.
 *
 * <pre>
 * l2(λ):  penalty = (λ/2) Σ w²       dpenalty/dw = λ w
 * l1(λ):  penalty = λ Σ |w|          dpenalty/dw = λ sign(w)      (0 at w = 0)
 * each step:  backward (data loss);  grad += dpenalty/dw;  optimizer.step()
 * </pre>
 *
 * <p>It applies to weights only: every {@link Param} except those named {@code "b"} or {@code "bias"} (the
 * biases of {@code Linear} and {@code Conv2d}), since shrinking a bias does not make a model simpler; with the
 * tensor autograd, name a bias so: {@code Var.param("b", Tensor.zeros(100))} ({@code Var.param(t)} is "param"). The
 * History keeps the two parts apart: {@code train_loss} is the data loss (comparable with val_loss and
 * test_loss) and {@code penalty} the epoch's mean penalty, so the objective is their sum. With plain SGD,
 * {@code l2(λ)} is the same step as {@code new SGD(params, lr, 0, false, λ)} on the weights; with Adam or
 * RMSprop it is not, because they divide the penalty's gradient λw by sqrt(v) like any other: weights with
 * large gradients are barely decayed. {@link nnlab.optim.AdamW} decays them all alike.
 *
 * <pre>{@code
 * History h = new Trainer().regularizer(Regularizer.l2(1e-3)).run(net, loss, opt, train, test, 50, 32);
 * h.penalty();                              // (λ/2) Σ w² per epoch, next to h.trainLoss()
 * new Trainer().regularizer(Regularizer.l1(1e-4));   // drives many weights to exactly 0
 * }</pre>
 */
public final class Regularizer {
    private final boolean l1;
    private final double lambda;

    private Regularizer(boolean l1, double lambda) {
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("Regularizer." + (l1 ? "l1" : "l2") + ": lambda must be >= 0 (and finite), got "
                    + lambda);
        }
        this.l1 = l1;
        this.lambda = lambda;
    }

    /** L2 (ridge, weight decay): penalty (λ/2) Σ w², gradient λ w; {@code lambda >= 0}. */
    public static Regularizer l2(double lambda) {
        return new Regularizer(false, lambda);
    }

    /** L1 (lasso): penalty λ Σ |w|, gradient λ sign(w); {@code lambda >= 0}. */
    public static Regularizer l1(double lambda) {
        return new Regularizer(true, lambda);
    }

    public double lambda() {
        return lambda;
    }

    /** True for the Params it penalises: all but those named "b" or "bias". */
    public static boolean appliesTo(Param p) {
        return !p.name().equals("b") && !p.name().equals("bias");
    }

    /** The penalty of the weights among {@code params}: (λ/2) Σ w² or λ Σ |w|. */
    public double penalty(List<Param> params) {
        double sum = 0;
        for (Param p : params) {
            if (appliesTo(p)) {
                for (double w : p.value().array()) {
                    sum += l1 ? Math.abs(w) : w * w;
                }
            }
        }
        return l1 ? lambda * sum : 0.5 * lambda * sum;
    }

    /** Adds the penalty's gradient to every weight's gradient, in place: {@code grad += λ w} or {@code λ sign(w)}. */
    public void addGrad(List<Param> params) {
        for (Param p : params) {
            if (!appliesTo(p)) {
                continue;
            }
            if (!l1) {
                p.grad().addScaledInPlace(lambda, p.value());             // d/dw (λ/2) w² = λ w
                continue;
            }
            double[] w = p.value().array();
            double[] g = p.grad().array();
            for (int k = 0; k < w.length; k++) {
                g[k] += lambda * Math.signum(w[k]);                       // d/dw λ |w| = λ sign(w)
            }
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Regularizer.%s(%s)", l1 ? "l1" : "l2", lambda);
    }
}
