package nnlab.plot;

/**
 * Values between grid points by bilinear interpolation, for pixel-sharp filled contours and class
 * regions computed from a coarse grid.
 *
 * <p>{@code z(x, y) = (1-s)(1-t) z[j][i] + s(1-t) z[j][i+1] + (1-s)t z[j+1][i] + st z[j+1][i+1]} with
 * s, t the position of (x, y) inside cell (i, j); points outside the grid are clamped to its border.
 * Shapes: xs [nx], ys [ny] evenly spaced and increasing, z [ny][nx].
 */
final class Bilinear {
    private final double x0;
    private final double y0;
    private final double dx;
    private final double dy;
    private final double[][] z;
    private final int nx;
    private final int ny;

    Bilinear(double[] xs, double[] ys, double[][] z) {
        this.nx = xs.length;
        this.ny = ys.length;
        this.x0 = xs[0];
        this.y0 = ys[0];
        this.dx = (xs[nx - 1] - xs[0]) / (nx - 1);
        this.dy = (ys[ny - 1] - ys[0]) / (ny - 1);
        this.z = z;
    }

    double at(double x, double y) {
        double fx = Math.max(0, Math.min(nx - 1, (x - x0) / dx));
        double fy = Math.max(0, Math.min(ny - 1, (y - y0) / dy));
        int i = Math.min((int) fx, nx - 2);
        int j = Math.min((int) fy, ny - 2);
        double s = fx - i;
        double t = fy - j;
        return (1 - s) * (1 - t) * z[j][i] + s * (1 - t) * z[j][i + 1]
                + (1 - s) * t * z[j + 1][i] + s * t * z[j + 1][i + 1];
    }
}
