package nnlab.autograd;

import java.util.Arrays;
import nnlab.tensor.Tensor;

/** The checks of {@link Autograd#detectAnomaly(boolean)}: the first operation whose result or gradient is NaN. */
final class Anomaly {
    private static Var running;          // the Var whose backward is running, for error messages

    private Anomaly() {
    }

    /** Throws when {@code out} holds a NaN, naming its operation, the position and what its inputs held there. */
    static void checkForward(Var out, Var[] inputs) {
        int at = firstNaN(out.value());
        if (at < 0) {
            return;
        }
        StringBuilder msg = new StringBuilder("anomaly: " + out.op() + " produced NaN at " + position(out.value(), at)
                + " of its result " + Arrays.toString(out.shape()));
        for (int i = 0; i < inputs.length; i++) {
            Tensor in = inputs[i].value();
            msg.append(i == 0 ? "; inputs: " : ", ").append(inputs[i].describe());
            if (Arrays.equals(in.shape(), out.value().shape())) {
                msg.append(" = ").append(in.array()[at]).append(" there");
            }
            if (firstNaN(in) >= 0) {
                msg.append(" (already NaN at ").append(position(in, firstNaN(in))).append(")");
            }
        }
        throw new ArithmeticException(msg.toString());
    }

    /** Throws when the gradient {@code g} that the running backward passes to {@code input} holds a NaN. */
    static void checkBackward(Var input, Tensor g) {
        int at = firstNaN(g);
        if (at >= 0) {
            throw new ArithmeticException("anomaly: the backward of " + runningOp() + " produced NaN at "
                    + position(g, at) + " in the gradient for its input " + input.describe());
        }
    }

    static void running(Var v) {
        running = v;
    }

    /** What is running backward now ("tanh [32, 16]"), or "backward()" for the seed gradient. */
    static String runningOp() {
        Var r = running;
        return r == null ? "backward()" : r.describe();
    }

    private static int firstNaN(Tensor t) {
        double[] d = t.array();
        for (int i = 0; i < d.length; i++) {
            if (Double.isNaN(d[i])) {
                return i;
            }
        }
        return -1;
    }

    private static String position(Tensor t, int flat) {
        int[] shape = t.shape();
        int[] idx = new int[shape.length];
        for (int i = shape.length - 1; i >= 0; i--) {
            idx[i] = flat % shape[i];
            flat /= shape[i];
        }
        return Arrays.toString(idx);
    }
}
