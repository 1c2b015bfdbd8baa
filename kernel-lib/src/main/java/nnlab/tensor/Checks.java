package nnlab.tensor;

import java.util.Arrays;

/** Argument checks of {@link Tensor}'s operations; each message names the operation, the shapes and the rule. */
final class Checks {
    private Checks() {
    }

    static void rank(String op, Tensor t, int rank) {
        if (t.rank() != rank) {
            throw new IllegalArgumentException(op + ": expected a " + rank + "-d tensor, got shape "
                    + Shapes.str(t.shapeRef()));
        }
    }

    static void rankAtLeast(String op, Tensor t, int rank) {
        if (t.rank() < rank) {
            throw new IllegalArgumentException(op + ": expected a tensor with at least " + rank + " dimension"
                    + (rank == 1 ? "" : "s") + ", got shape " + Shapes.str(t.shapeRef()));
        }
    }

    static void nonEmpty(String op, Tensor t) {
        if (t.size() == 0) {
            throw new IllegalStateException(op + ": tensor of shape " + Shapes.str(t.shapeRef()) + " is empty");
        }
    }

    static void sameShape(String op, Tensor a, Tensor b) {
        if (!Arrays.equals(a.shapeRef(), b.shapeRef())) {
            throw new IllegalArgumentException(op + ": shapes differ: " + Shapes.str(a.shapeRef()) + " vs "
                    + Shapes.str(b.shapeRef()) + "; expected equal shapes");
        }
    }

    /** {@code out} must have exactly {@code shape} and its own values (not those of an operand). */
    static void out(String op, Tensor out, int[] shape, Tensor... operands) {
        if (out == null || !Arrays.equals(out.shapeRef(), shape)) {
            throw new IllegalArgumentException(op + ": out must have the result's shape " + Shapes.str(shape) + ", got "
                    + (out == null ? "null" : Shapes.str(out.shapeRef())));
        }
        for (Tensor o : operands) {
            if (o.data() == out.data()) {
                throw new IllegalArgumentException(op + ": out must not share values with an operand");
            }
        }
    }

    /** The flat position of {@code index} in {@code t}, or an error naming the index and the shape. */
    static int offset(String op, Tensor t, int[] index) {
        int[] shape = t.shapeRef();
        if (index.length != shape.length) {
            throw new IllegalArgumentException(op + ": got " + index.length + " ind" + (index.length == 1 ? "ex" : "ices")
                    + " for a tensor of shape " + Shapes.str(shape) + "; expected " + shape.length);
        }
        int off = 0;
        for (int i = 0; i < index.length; i++) {
            if (index[i] < 0 || index[i] >= shape[i]) {
                throw new IndexOutOfBoundsException(op + ": index " + Arrays.toString(index) + " is out of bounds for shape "
                        + Shapes.str(shape) + " (dimension " + i + " has size " + shape[i] + ")");
            }
            off = off * shape[i] + index[i];
        }
        return off;
    }

    /** The index of flat position {@code flat} in {@code shape}. */
    static int[] unravel(int[] shape, int flat) {
        int[] idx = new int[shape.length];
        for (int i = shape.length - 1; i >= 0; i--) {
            idx[i] = shape[i] == 0 ? 0 : flat % shape[i];
            flat = shape[i] == 0 ? 0 : flat / shape[i];
        }
        return idx;
    }

    static void finite(String what, Tensor t) {
        double[] d = t.data();
        for (int i = 0; i < d.length; i++) {
            if (!Double.isFinite(d[i])) {
                throw new IllegalArgumentException(what + ": value at " + Arrays.toString(unravel(t.shapeRef(), i)) + " is "
                        + d[i] + "; expected finite numbers (shape " + Shapes.str(t.shapeRef()) + ")");
            }
        }
    }

    static void shape(String what, Tensor t, int[] expected) {
        int[] shape = t.shapeRef();
        boolean ok = expected.length == shape.length;
        for (int i = 0; ok && i < expected.length; i++) {
            ok = expected[i] == -1 || expected[i] == shape[i];
        }
        if (!ok) {
            throw new IllegalArgumentException(what + ": expected shape " + Shapes.str(expected).replace("-1", "*")
                    + ", got " + Shapes.str(shape));
        }
    }
}
