package nnlab.autograd;

import java.util.Arrays;
import nnlab.tensor.Tensor;

/** Gradients of broadcasting and of reductions: the two directions of numpy's broadcast rule. */
final class Broadcast {
    private Broadcast() {
    }

    /**
     * {@code g} summed over the axes along which {@code like} was broadcast to g's shape, giving like's
     * shape: [N, M] to [M] sums the rows, [N, M] to [N, 1] the columns. g itself when the shapes agree.
     */
    static Tensor sumTo(Tensor g, Tensor like) {
        int[] target = like.shape();
        if (Arrays.equals(g.shape(), target)) {
            return g;
        }
        Tensor s = g;
        while (s.rank() > target.length) {
            s = s.sum(0);                                    // leading axes that like does not have
        }
        for (int ax = 0; ax < target.length; ax++) {
            if (target[ax] == 1 && s.shape(ax) != 1) {
                s = s.sum(ax, true);                          // axes where like had size 1
            }
        }
        return s;
    }

    /** {@code g}, the gradient of a sum over {@code axis} of {@code like}, copied back along that axis. */
    static Tensor along(Tensor g, Tensor like, int axis) {
        int[] kept = like.shape();
        kept[Math.floorMod(axis, kept.length)] = 1;
        return Tensor.zeros(like.shape()).add(g.reshape(kept));
    }
}
