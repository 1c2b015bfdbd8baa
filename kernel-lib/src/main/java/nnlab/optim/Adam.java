package nnlab.optim;

import java.util.List;
import nnlab.nn.Param;
import nnlab.tensor.Tensor;

/**
 * Adam: momentum on the gradient and RMSprop-style scaling, both bias-corrected for their zero start.
 *
 * <pre>
 * t = t + 1                                    (t starts at 0)
 * for each parameter p with gradient g:
 *     g = g + weightDecay * p                  (L2 penalty as in PyTorch's Adam, not AdamW)
 *     m = beta1 * m + (1 - beta1) * g          (m, v start at 0, element-wise)
 *     v = beta2 * v + (1 - beta2) * g^2
 *     mHat = m / (1 - beta1^t)
 *     vHat = v / (1 - beta2^t)
 *     p = p - lr * mHat / (sqrt(vHat) + eps)
 * </pre>
 *
 * <p>Shapes: {@code m} and {@code v} have their parameter's shape. Defaults: beta1 0.9, beta2 0.999,
 * eps 1e-8, weightDecay 0 (Kingma and Ba, 2015).
 *
 * <pre>{@code
 * Optimizer opt = new Adam(net.params(), 0.001);
 * Optimizer custom = new Adam(net.params(), 0.001, 0.9, 0.999, 1e-8, 1e-4);
 * opt.step();
 * }</pre>
 */
public final class Adam extends Optimizer {
    private final double beta1;
    private final double beta2;
    private final double eps;
    private final double weightDecay;
    private final List<Tensor> m;
    private final List<Tensor> v;
    private int t;

    /** Adam with beta1 0.9, beta2 0.999, eps 1e-8. */
    public Adam(List<Param> params, double lr) {
        this(params, lr, 0.9, 0.999, 1e-8, 0);
    }

    /** Adam with the given betas (each in [0, 1)) and {@code eps > 0}, no weight decay. */
    public Adam(List<Param> params, double lr, double beta1, double beta2, double eps) {
        this(params, lr, beta1, beta2, eps, 0);
    }

    /** The full form, with {@code weightDecay >= 0}. */
    public Adam(List<Param> params, double lr, double beta1, double beta2, double eps, double weightDecay) {
        super("Adam", params, lr);
        this.beta1 = unitInterval("beta1", beta1);
        this.beta2 = unitInterval("beta2", beta2);
        this.eps = positive("eps", eps);
        this.weightDecay = nonNegative("weightDecay", weightDecay);
        this.m = zeroBuffers();
        this.v = zeroBuffers();
    }

    @Override
    public void step() {
        t++;
        double lr = learningRate();
        double c1 = 1 - Math.pow(beta1, t);
        double c2 = 1 - Math.pow(beta2, t);
        List<Param> ps = params();
        for (int i = 0; i < ps.size(); i++) {      // one fused pass over raw arrays: a tensor expression would
            double[] p = ps.get(i).value().array();  // allocate a temporary per term and parameter every step
            double[] g = ps.get(i).grad().array();
            double[] mi = m.get(i).array();
            double[] vi = v.get(i).array();
            for (int k = 0; k < p.length; k++) {
                double gk = g[k] + weightDecay * p[k];
                mi[k] = beta1 * mi[k] + (1 - beta1) * gk;
                vi[k] = beta2 * vi[k] + (1 - beta2) * gk * gk;
                p[k] -= lr * (mi[k] / c1) / (Math.sqrt(vi[k] / c2) + eps);
            }
        }
    }

    /** The number of steps taken so far (t in the pseudocode). */
    public int steps() {
        return t;
    }

    @Override
    public String toString() {
        return "Adam(lr=" + learningRate() + ", beta1=" + beta1 + ", beta2=" + beta2 + ", eps=" + eps
                + ", weightDecay=" + weightDecay + ")";
    }
}
