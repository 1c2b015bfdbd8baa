package nnlab.optim;

import java.util.List;
import nnlab.nn.Param;
import nnlab.tensor.Tensor;

/**
 * RMSprop: gradient descent with each value's step divided by a running root-mean-square of its gradients.
 *
 * <pre>
 * for each parameter p with gradient g:
 *     g = g + weightDecay * p                  (when weightDecay &gt; 0)
 *     v = rho * v + (1 - rho) * g^2            (v starts at 0, element-wise)
 *     p = p - lr * g / (sqrt(v) + eps)
 * </pre>
 *
 * <p>Shapes: {@code v} has its parameter's shape. Defaults: rho 0.9, eps 1e-8, weightDecay 0.
 *
 * <pre>{@code
 * Optimizer opt = new RMSprop(net.params(), 0.001);
 * Optimizer custom = new RMSprop(net.params(), 0.001, 0.99, 1e-8, 0);
 * opt.step();
 * }</pre>
 */
public final class RMSprop extends Optimizer {
    private final double rho;
    private final double eps;
    private final double weightDecay;
    private final List<Tensor> meanSquare;

    /** RMSprop with rho 0.9 and eps 1e-8. */
    public RMSprop(List<Param> params, double lr) {
        this(params, lr, 0.9, 1e-8, 0);
    }

    /** The full form: {@code rho} in [0, 1), {@code eps > 0}, {@code weightDecay >= 0}. */
    public RMSprop(List<Param> params, double lr, double rho, double eps, double weightDecay) {
        super("RMSprop", params, lr);
        this.rho = unitInterval("rho", rho);
        this.eps = positive("eps", eps);
        this.weightDecay = nonNegative("weightDecay", weightDecay);
        this.meanSquare = zeroBuffers();
    }

    @Override
    public void step() {
        double lr = learningRate();
        List<Param> ps = params();
        for (int i = 0; i < ps.size(); i++) {      // one fused pass over raw arrays: a tensor expression would
            double[] p = ps.get(i).value().array();  // allocate a temporary per term and parameter every step
            double[] g = ps.get(i).grad().array();
            double[] v = meanSquare.get(i).array();
            for (int k = 0; k < p.length; k++) {
                double gk = g[k] + weightDecay * p[k];
                v[k] = rho * v[k] + (1 - rho) * gk * gk;
                p[k] -= lr * gk / (Math.sqrt(v[k]) + eps);
            }
        }
    }

    @Override
    public String toString() {
        return "RMSprop(lr=" + learningRate() + ", rho=" + rho + ", eps=" + eps + ", weightDecay=" + weightDecay + ")";
    }
}
