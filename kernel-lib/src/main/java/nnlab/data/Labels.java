package nnlab.data;

import java.util.Arrays;
import nnlab.tensor.Tensor;

/** Checks and conversions of integer class labels, shared by {@link Datasets} and {@link Split}. */
final class Labels {
    private Labels() {
    }

    /**
     * The labels of {@code y} ([N] or [N, 1]) as ints, each checked to be an integer in 0..classes-1
     * ({@code classes < 0}: any integer >= 0).
     */
    static int[] toClassIndices(String what, Tensor y, int classes) {
        if (y.rank() != 1 && !(y.rank() == 2 && y.shape(1) == 1)) {
            throw new IllegalArgumentException(what + ": expected labels of shape [N] (or [N, 1]), got "
                    + Arrays.toString(y.shape()));
        }
        double[] v = y.toArray();
        int[] out = new int[v.length];
        String range = "class indices "
                + (classes < 0 ? ">= 0" : "0.." + (classes - 1) + " for " + classes + " classes");
        for (int i = 0; i < v.length; i++) {
            double l = v[i];
            if (l != Math.rint(l) || Double.isInfinite(l)) {
                throw new IllegalArgumentException(what + ": label " + l + " at index " + i
                        + " is not an integer; expected " + range);
            }
            if (l < 0 || (classes >= 0 && l >= classes) || l > Integer.MAX_VALUE - 1) {
                throw new IllegalArgumentException(what + ": label " + (long) l + " at index " + i
                        + " is out of range; expected " + range);
            }
            out[i] = (int) l;
        }
        return out;
    }

    /** How many labels fall in each class 0..max. */
    static int[] counts(int[] labels) {
        int max = -1;
        for (int l : labels) {
            max = Math.max(max, l);
        }
        int[] c = new int[max + 1];
        for (int l : labels) {
            c[l]++;
        }
        return c;
    }
}
