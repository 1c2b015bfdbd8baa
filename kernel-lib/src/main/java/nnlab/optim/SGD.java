package nnlab.optim;

import java.util.List;
import nnlab.nn.Param;
import nnlab.tensor.Tensor;

/**
 * Stochastic gradient descent, optionally with momentum, Nesterov momentum and weight decay.
 *
 * <pre>
 * for each parameter p with gradient g:
 *     g = g + weightDecay * p                  (L2 penalty, when weightDecay &gt; 0)
 *     if momentum &gt; 0:
 *         b = momentum * b + g                 (b starts at 0, one buffer per parameter)
 *         g = nesterov ? g + momentum * b : b
 *     p = p - lr * g
 * </pre>
 *
 * <p>Shapes: every buffer has its parameter's shape. Defaults: momentum 0, nesterov off, weightDecay 0,
 * which is plain {@code p -= lr * dp}, the same as {@code net.step(lr)}.
 *
 * <pre>{@code
 * Optimizer plain = new SGD(net.params(), 0.01);
 * Optimizer heavy = SGD.momentum(net.params(), 0.01, 0.9);
 * Optimizer all   = new SGD(net.params(), 0.01, 0.9, true, 1e-4);   // Nesterov, weight decay
 * }</pre>
 */
public final class SGD extends Optimizer {
    private final double momentum;
    private final boolean nesterov;
    private final double weightDecay;
    private final List<Tensor> velocity;

    /** Plain gradient descent with learning rate {@code lr > 0}. */
    public SGD(List<Param> params, double lr) {
        this(params, lr, 0, false, 0);
    }

    /**
     * The full form: {@code momentum} in [0, 1), {@code nesterov} needs momentum &gt; 0,
     * {@code weightDecay >= 0}.
     */
    public SGD(List<Param> params, double lr, double momentum, boolean nesterov, double weightDecay) {
        super("SGD", params, lr);
        this.momentum = unitInterval("momentum", momentum);
        if (nesterov && momentum == 0) {
            throw new IllegalArgumentException("SGD: nesterov needs momentum > 0, got momentum " + momentum);
        }
        this.nesterov = nesterov;
        this.weightDecay = nonNegative("weightDecay", weightDecay);
        this.velocity = momentum > 0 ? zeroBuffers() : null;
    }

    /** SGD with (heavy-ball) momentum, e.g. {@code SGD.momentum(params, 0.01, 0.9)}. */
    public static SGD momentum(List<Param> params, double lr, double momentum) {
        return new SGD(params, lr, momentum, false, 0);
    }

    /** SGD with Nesterov momentum. */
    public static SGD nesterov(List<Param> params, double lr, double momentum) {
        return new SGD(params, lr, momentum, true, 0);
    }

    @Override
    public void step() {
        double lr = learningRate();
        List<Param> ps = params();
        for (int i = 0; i < ps.size(); i++) {
            Param p = ps.get(i);
            Tensor g = p.grad();
            if (weightDecay > 0) {
                g = g.add(p.value().mul(weightDecay));          // g + wd * p, a new tensor
            }
            if (velocity != null) {
                Tensor b = velocity.get(i).mulInPlace(momentum).addScaledInPlace(1, g);   // b = mu b + g
                g = nesterov ? g.add(b.mul(momentum)) : b;
            }
            p.value().addScaledInPlace(-lr, g);
        }
    }

    public double momentum() {
        return momentum;
    }

    public boolean nesterov() {
        return nesterov;
    }

    public double weightDecay() {
        return weightDecay;
    }

    @Override
    public String toString() {
        return "SGD(lr=" + learningRate() + ", momentum=" + momentum + ", nesterov=" + nesterov
                + ", weightDecay=" + weightDecay + ")";
    }
}
