package nnlab.tensor;

import java.util.Arrays;

/** Shape arithmetic and the error messages that go with it. Package-private helpers for Tensor. */
final class Shapes {
    private Shapes() {
    }

    static String str(int[] shape) {
        return Arrays.toString(shape);
    }

    static int size(int[] shape) {
        long n = 1;
        for (int d : shape) {
            n *= d;
        }
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("shape " + str(shape) + " has " + n
                    + " elements; at most " + Integer.MAX_VALUE + " fit in one tensor");
        }
        return (int) n;
    }

    static int[] checked(String op, int[] shape) {
        if (shape == null) {
            throw new IllegalArgumentException(op + ": shape is null; expected dimensions like [3, 4]");
        }
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException(op + ": negative dimension in shape " + str(shape)
                        + "; every dimension must be >= 0");
            }
        }
        return shape.clone();
    }

    /** The numpy broadcast of two shapes, or an error naming both shapes and the rule. */
    static int[] broadcast(String op, int[] a, int[] b) {
        int n = Math.max(a.length, b.length);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            int da = i < n - a.length ? 1 : a[i - (n - a.length)];
            int db = i < n - b.length ? 1 : b[i - (n - b.length)];
            if (da != db && da != 1 && db != 1) {
                throw new IllegalArgumentException(op + ": cannot broadcast " + str(a) + " with " + str(b)
                        + ": dimension " + i + " (aligned from the right) is " + da + " vs " + db
                        + " and neither is 1");
            }
            out[i] = Math.max(da, db);
        }
        return out;
    }

    /** Row-major strides of {@code shape} seen as {@code outRank} dims, 0 where broadcast. */
    static int[] broadcastStrides(int[] shape, int[] out) {
        int[] strides = new int[out.length];
        int off = out.length - shape.length;
        int s = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            strides[i + off] = shape[i] == 1 ? 0 : s;
            s *= shape[i];
        }
        return strides;
    }

    static int axis(String op, int axis, int rank) {
        int a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= rank) {
            throw new IllegalArgumentException(op + ": axis " + axis + " is out of range for a tensor with "
                    + rank + " dimension" + (rank == 1 ? "" : "s") + "; expected -" + rank + " <= axis < " + rank);
        }
        return a;
    }

    /** {@code newShape} with its one -1 inferred from the element count of {@code shape}, or the error. */
    static int[] reshaped(int[] shape, int[] newShape) {
        int n = size(shape);
        int[] s = newShape.clone();
        int infer = -1;
        long known = 1;
        for (int i = 0; i < s.length; i++) {
            if (s[i] == -1 && infer < 0) {
                infer = i;
            } else if (s[i] < 0) {
                throw new IllegalArgumentException("reshape: invalid shape " + str(newShape)
                        + "; dimensions must be >= 0, with at most one -1");
            } else {
                known *= s[i];
            }
        }
        if (infer >= 0 && known > 0 && n % known == 0) {
            s[infer] = (int) (n / known);
        }
        if (infer >= 0 && s[infer] == -1 || size(s) != n) {
            throw new IllegalArgumentException("reshape: cannot reshape " + str(shape) + " (" + n
                    + " elements) into " + str(newShape) + "; the number of elements must stay the same");
        }
        return s;
    }

    /** Where a new axis goes among {@code shape}'s: 0..rank, negative counting from the end (-1 appends). */
    static int newAxis(String op, int axis, int[] shape) {
        int rank = shape.length;
        int a = axis < 0 ? axis + rank + 1 : axis;
        if (a < 0 || a > rank) {
            throw new IllegalArgumentException(op + ": new axis " + axis + " is out of range for shape " + str(shape)
                    + "; expected " + (-rank - 1) + " <= axis <= " + rank);
        }
        return a;
    }

    /** {@code shape} without axis {@code axis}, which must have size 1. */
    static int[] squeezed(String op, int[] shape, int axis) {
        int a = axis(op, axis, shape.length);
        if (shape[a] != 1) {
            throw new IllegalArgumentException(op + ": axis " + axis + " of shape " + str(shape) + " has size "
                    + shape[a] + "; only an axis of size 1 can be removed");
        }
        int[] s = new int[shape.length - 1];
        for (int i = 0, j = 0; i < shape.length; i++) {
            if (i != a) {
                s[j++] = shape[i];
            }
        }
        return s;
    }

    /** {@code shape} with a new axis of size 1 at {@code axis}. */
    static int[] unsqueezed(String op, int[] shape, int axis) {
        int a = newAxis(op, axis, shape);
        int[] s = new int[shape.length + 1];
        for (int i = 0, j = 0; i < s.length; i++) {
            s[i] = i == a ? 1 : shape[j++];
        }
        return s;
    }
}
