package nnlab.optim;

import java.util.List;
import nnlab.nn.Param;

/**
 * AdamW: Adam with decoupled weight decay, which shrinks every weight by the same factor whatever its gradient.
 *
 * <pre>
 * for each parameter p with gradient g:
 *     p = p - lr * weightDecay * p             (decay, outside the adaptive step)
 * then one Adam step on g (weightDecay 0 inside; see {@link Adam}):
 *     m = beta1 * m + (1 - beta1) * g;   v = beta2 * v + (1 - beta2) * g^2
 *     p = p - lr * (m / (1 - beta1^t)) / (sqrt(v / (1 - beta2^t)) + eps)
 * </pre>
 *
 * <p>Why it exists: Adam's own {@code weightDecay} (and an L2 penalty in the loss) adds
 * {@code weightDecay * p} to the gradient, and Adam then divides the gradient by {@code sqrt(v)}; a weight
 * whose gradients are large is barely decayed, one whose gradients are small is decayed hard. For plain
 * SGD the two forms are the same step; for Adam they are not (Loshchilov and Hutter, 2019), and the
 * decoupled one regularises as intended. Shapes: {@code m} and {@code v} have their parameter's shape.
 * Defaults: beta1 0.9, beta2 0.999, eps 1e-8, weightDecay 0.01 (PyTorch's).
 *
 * <pre>{@code
 * Optimizer opt = new AdamW(net.params(), 0.001);                      // weightDecay 0.01
 * Optimizer custom = new AdamW(net.params(), 0.001, 0.9, 0.999, 1e-8, 0.05);
 * opt.step();
 * }</pre>
 */
public final class AdamW extends Optimizer {
    private final double beta1;
    private final double beta2;
    private final double eps;
    private final double weightDecay;
    private final Adam adam;

    /** AdamW with beta1 0.9, beta2 0.999, eps 1e-8 and weightDecay 0.01. */
    public AdamW(List<Param> params, double lr) {
        this(params, lr, 0.9, 0.999, 1e-8, 0.01);
    }

    /** The full form: betas in [0, 1), {@code eps > 0}, {@code weightDecay >= 0}. */
    public AdamW(List<Param> params, double lr, double beta1, double beta2, double eps, double weightDecay) {
        super("AdamW", params, lr);
        this.beta1 = unitInterval("beta1", beta1);             // checked here so errors name AdamW
        this.beta2 = unitInterval("beta2", beta2);
        this.eps = positive("eps", eps);
        this.weightDecay = nonNegative("weightDecay", weightDecay);
        this.adam = new Adam(params, lr, beta1, beta2, eps, 0);
    }

    @Override
    public void step() {
        double lr = learningRate();
        for (Param p : params()) {
            p.value().mulInPlace(1 - lr * weightDecay);          // p -= lr * wd * p
        }
        adam.setLearningRate(lr);                                 // a Schedule may have changed it
        adam.step();
    }

    /** The number of steps taken so far (t in the pseudocode). */
    public int steps() {
        return adam.steps();
    }

    public double weightDecay() {
        return weightDecay;
    }

    @Override
    public String toString() {
        return "AdamW(lr=" + learningRate() + ", beta1=" + beta1 + ", beta2=" + beta2 + ", eps=" + eps
                + ", weightDecay=" + weightDecay + ")";
    }
}
