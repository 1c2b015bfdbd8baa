package nnlab.plot;

import java.util.Arrays;

/**
 * Joins marching-squares segments into polylines: two segments that end on the same grid edge meet
 * at the same point, so walking from edge to edge traces each isoline in one piece.
 *
 * <p>Open lines (ending at the border of the grid) are traced first from one end; what is left are
 * closed loops, which come back with their first point repeated at the end.
 */
final class Chains {
    private double[] x = new double[64];
    private double[] y = new double[64];
    private int n;

    private Chains() {
    }

    /** {@code seg} holds pairs of edge ids; {@code px, py} the crossing point on each edge. */
    static MarchingSquares.Lines join(int[] seg, double[] px, double[] py) {
        int segments = seg.length / 2;
        int[] first = new int[px.length];
        int[] second = new int[px.length];
        Arrays.fill(first, -1);
        Arrays.fill(second, -1);
        for (int s = 0; s < segments; s++) {
            for (int end = 0; end < 2; end++) {
                int e = seg[2 * s + end];
                if (first[e] < 0) {
                    first[e] = s;
                } else {
                    second[e] = s;
                }
            }
        }
        Chains out = new Chains();
        boolean[] used = new boolean[segments];
        for (int pass = 0; pass < 2; pass++) {
            for (int s = 0; s < segments; s++) {
                if (used[s]) {
                    continue;
                }
                int start = seg[2 * s];
                if (pass == 0 && second[start] >= 0) {
                    start = seg[2 * s + 1];
                    if (second[start] >= 0) {
                        continue;                     // not the end of an open line
                    }
                }
                out.walk(s, start, seg, first, second, used, px, py);
            }
        }
        return new MarchingSquares.Lines(Arrays.copyOf(out.x, out.n), Arrays.copyOf(out.y, out.n));
    }

    private void walk(int s, int edge, int[] seg, int[] first, int[] second, boolean[] used,
                      double[] px, double[] py) {
        if (n > 0) {
            add(x[n - 1], Double.NaN);                 // break from the previous polyline
        }
        add(px[edge], py[edge]);
        int cur = s;
        int e = edge;
        while (true) {
            used[cur] = true;
            int other = seg[2 * cur] == e ? seg[2 * cur + 1] : seg[2 * cur];
            add(px[other], py[other]);
            int next = first[other] == cur ? second[other] : first[other];
            if (next < 0 || used[next]) {
                return;
            }
            cur = next;
            e = other;
        }
    }

    private void add(double px, double py) {
        if (n == x.length) {
            x = Arrays.copyOf(x, 2 * n);
            y = Arrays.copyOf(y, 2 * n);
        }
        x[n] = px;
        y[n] = py;
        n++;
    }
}
