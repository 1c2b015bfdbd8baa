package nnlab.plot;

import java.util.Arrays;

/**
 * Isolines {@code f(x, y) = level} of a function sampled on a grid, by marching squares.
 *
 * <p>In every grid cell the four corners are compared with the level; an edge whose two corners lie
 * on different sides is crossed at the linear interpolation {@code t = (level - z_a) / (z_b - z_a)}.
 * The crossings of a cell are joined by a segment (two segments at a saddle, split by the value at
 * the cell centre); segments sharing an edge are chained into polylines.
 *
 * <p>Shapes: {@code xs} [nx] and {@code ys} [ny] increasing, {@code z[j][i] = f(xs[i], ys[j])}, so z
 * is [ny][nx]. Polylines come back one after another in {@link Lines}, separated by a point whose y
 * is NaN (its x repeats the previous x): XChart draws such a series as separate pieces. Cells with a
 * NaN corner are skipped.
 *
 * <pre>{@code
 * double[] xs = Contour.linspace(-2, 2, 41), ys = xs;
 * double[][] z = Contour.sample((x, y) -> x * x + y * y, xs, ys);
 * MarchingSquares.Lines circle = MarchingSquares.isolines(xs, ys, z, 1.0);   // the unit circle
 * chart.addSeries("z = 1", circle.x(), circle.y());
 * }</pre>
 */
public final class MarchingSquares {

    /** Polylines separated by points with y = NaN. */
    public record Lines(double[] x, double[] y) {
        /** The number of polylines. */
        public int pieces() {
            if (y.length == 0) {
                return 0;
            }
            int n = 1;
            for (double v : y) {
                n += Double.isNaN(v) ? 1 : 0;
            }
            return n;
        }
    }

    private MarchingSquares() {
    }

    /** The isolines of {@code z} at {@code level}; see the class comment for shapes. */
    public static Lines isolines(double[] xs, double[] ys, double[][] z, double level) {
        check(xs, ys, z);
        int nx = xs.length;
        int ny = ys.length;
        int horizontal = (nx - 1) * ny;
        double[] px = new double[horizontal + nx * (ny - 1)];
        double[] py = new double[px.length];
        int[] seg = new int[8 * (nx - 1) * (ny - 1)];
        int segs = 0;
        for (int j = 0; j + 1 < ny; j++) {
            for (int i = 0; i + 1 < nx; i++) {
                segs = cell(xs, ys, z, level, i, j, horizontal, px, py, seg, segs);
            }
        }
        return Chains.join(Arrays.copyOf(seg, 2 * segs), px, py);
    }

    /** Adds this cell's segments (pairs of edge ids) to {@code seg}; returns the new count. */
    private static int cell(double[] xs, double[] ys, double[][] z, double level, int i, int j, int horizontal,
                            double[] px, double[] py, int[] seg, int segs) {
        double[] v = {z[j][i], z[j][i + 1], z[j + 1][i + 1], z[j + 1][i]};   // corners counter-clockwise
        int nx = xs.length;
        int[] edge = {j * (nx - 1) + i, horizontal + j * nx + i + 1,          // bottom, right,
                      (j + 1) * (nx - 1) + i, horizontal + j * nx + i};       // top, left
        boolean[] above = new boolean[4];
        for (int k = 0; k < 4; k++) {
            if (Double.isNaN(v[k])) {
                return segs;
            }
            above[k] = v[k] >= level;
        }
        int crossings = 0;
        for (int k = 0; k < 4; k++) {                 // edge k joins corner k and corner k+1
            int a = k;
            int b = (k + 1) % 4;
            if (above[a] != above[b]) {
                crossings++;
                double t = (level - v[a]) / (v[b] - v[a]);
                double[] ca = corner(xs, ys, i, j, a);
                double[] cb = corner(xs, ys, i, j, b);
                px[edge[k]] = ca[0] + t * (cb[0] - ca[0]);
                py[edge[k]] = ca[1] + t * (cb[1] - ca[1]);
            }
        }
        if (crossings == 2) {
            int first = -1;
            for (int k = 0; k < 4; k++) {
                if (above[k] != above[(k + 1) % 4]) {
                    if (first < 0) {
                        first = edge[k];
                    } else {
                        seg[2 * segs] = first;
                        seg[2 * segs + 1] = edge[k];
                        return segs + 1;
                    }
                }
            }
        } else if (crossings == 4) {                  // saddle: cut off the corners unlike the centre
            boolean centre = (v[0] + v[1] + v[2] + v[3]) / 4 >= level;
            for (int k = 0; k < 4; k++) {
                if (above[k] != centre) {             // corner k touches edges k-1 and k
                    seg[2 * segs] = edge[(k + 3) % 4];
                    seg[2 * segs + 1] = edge[k];
                    segs++;
                }
            }
        }
        return segs;
    }

    /** Coordinates of corner k (0 bottom-left, 1 bottom-right, 2 top-right, 3 top-left) of cell (i, j). */
    private static double[] corner(double[] xs, double[] ys, int i, int j, int k) {
        return new double[] {xs[i + (k == 1 || k == 2 ? 1 : 0)], ys[j + (k >= 2 ? 1 : 0)]};
    }

    private static void check(double[] xs, double[] ys, double[][] z) {
        if (xs.length < 2 || ys.length < 2) {
            throw new IllegalArgumentException("MarchingSquares: need at least 2 grid points per axis, got nx="
                    + xs.length + ", ny=" + ys.length);
        }
        if (z.length != ys.length) {
            throw new IllegalArgumentException("MarchingSquares: z must be [ny][nx] = [" + ys.length + "]["
                    + xs.length + "], got " + z.length + " rows");
        }
        for (double[] row : z) {
            if (row.length != xs.length) {
                throw new IllegalArgumentException("MarchingSquares: z must be [ny][nx] = [" + ys.length + "]["
                        + xs.length + "], found a row of length " + row.length);
            }
        }
    }
}
