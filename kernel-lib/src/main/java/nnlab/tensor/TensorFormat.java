package nnlab.tensor;

import java.util.Locale;

/** numpy-like text for tensors: nested brackets, 6 decimals, "..." past 3 items per edge when large. */
final class TensorFormat {
    /** Above this many elements, each dimension shows only its first and last {@link #EDGE} items. */
    static final int THRESHOLD = 1000;
    static final int EDGE = 3;

    private TensorFormat() {
    }

    static String format(double[] data, int[] shape) {
        if (shape.length == 0) {
            return "tensor(" + num(data[0]) + ")";
        }
        boolean elide = data.length > THRESHOLD;
        int width = 0;
        for (int i = 0; i < data.length; i++) {
            if (!elide || shown(i, shape)) {
                width = Math.max(width, num(data[i]).length());
            }
        }
        StringBuilder sb = new StringBuilder("tensor(");
        block(sb, data, shape, 0, 0, width, elide, "tensor(".length() + 1);
        sb.append(", shape=").append(Shapes.str(shape)).append(')');
        return sb.toString();
    }

    private static void block(StringBuilder sb, double[] d, int[] shape, int dim, int off, int width,
                              boolean elide, int indent) {
        sb.append('[');
        int n = shape[dim];
        int stride = 1;
        for (int i = dim + 1; i < shape.length; i++) {
            stride *= shape[i];
        }
        for (int i = 0; i < n; i++) {
            if (elide && n > 2 * EDGE && i == EDGE) {
                sb.append(dim == shape.length - 1 ? "..., " : "...,\n" + " ".repeat(indent + dim));
                i = n - EDGE - 1;
                continue;
            }
            if (dim == shape.length - 1) {
                String s = num(d[off + i]);
                sb.append(" ".repeat(width - s.length())).append(s);
            } else {
                block(sb, d, shape, dim + 1, off + i * stride, width, elide, indent);
            }
            if (i < n - 1) {
                sb.append(dim == shape.length - 1 ? ", " : "," + "\n".repeat(shape.length - 1 - dim)
                        + " ".repeat(indent + dim));
            }
        }
        sb.append(']');
    }

    private static boolean shown(int flat, int[] shape) {
        for (int i = shape.length - 1; i >= 0; i--) {
            int idx = flat % shape[i];
            flat /= shape[i];
            if (shape[i] > 2 * EDGE && idx >= EDGE && idx < shape[i] - EDGE) {
                return false;
            }
        }
        return true;
    }

    static String num(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        return String.format(Locale.ROOT, "%.6f", v);
    }
}
