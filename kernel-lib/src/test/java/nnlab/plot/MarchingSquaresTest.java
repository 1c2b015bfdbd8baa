package nnlab.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MarchingSquaresTest {

    @Test
    void isolinesOfXSquaredPlusYSquaredAreClosedCirclesOfTheRightRadius() {
        double h = 0.1;
        double[] xs = Contour.linspace(-2, 2, 41);
        double[] ys = Contour.linspace(-2, 2, 41);
        double[][] z = Contour.sample((x, y) -> x * x + y * y, xs, ys);
        for (double r : new double[] {0.55, 1.0, 1.5, 1.93}) {
            MarchingSquares.Lines c = MarchingSquares.isolines(xs, ys, z, r * r);
            assertEquals(1, c.pieces(), "one closed line for r = " + r);
            int n = c.x().length;
            assertEquals(c.x()[0], c.x()[n - 1], 1e-12, "the circle closes");
            assertEquals(c.y()[0], c.y()[n - 1], 1e-12, "the circle closes");
            double[] angles = new double[n];
            for (int k = 0; k < n; k++) {
                double radius = Math.hypot(c.x()[k], c.y()[k]);
                assertTrue(Math.abs(radius - r) <= h, "point " + k + " at radius " + radius + ", expected " + r + " within one cell");
                angles[k] = Math.atan2(c.y()[k], c.x()[k]);
            }
            java.util.Arrays.sort(angles);
            double widestGap = 2 * Math.PI - (angles[n - 1] - angles[0]);
            for (int k = 1; k < n; k++) {
                widestGap = Math.max(widestGap, angles[k] - angles[k - 1]);
            }
            assertTrue(widestGap < 2 * h / r + 1e-9, "the line goes all the way round (gap " + widestGap + " rad)");
        }
    }

    @Test
    void aPlaneGivesOneStraightOpenLineAtTheInterpolatedPosition() {
        double[] xs = Contour.linspace(0, 1, 5);
        double[] ys = Contour.linspace(0, 2, 9);
        double[][] z = Contour.sample((x, y) -> 3 * x, xs, ys);
        MarchingSquares.Lines l = MarchingSquares.isolines(xs, ys, z, 1.0);
        assertEquals(1, l.pieces());
        assertEquals(ys.length, l.x().length, "one point per horizontal grid line");
        double lo = Double.MAX_VALUE;
        double hi = -Double.MAX_VALUE;
        for (int k = 0; k < l.x().length; k++) {
            assertEquals(1.0 / 3, l.x()[k], 1e-12, "linear interpolation is exact on a plane");
            lo = Math.min(lo, l.y()[k]);
            hi = Math.max(hi, l.y()[k]);
        }
        assertEquals(0, lo, 1e-12);
        assertEquals(2, hi, 1e-12);
    }

    @Test
    void aSaddleIsSplitByTheCentreValue() {
        double[] xs = {0, 1};
        double[] ys = {0, 1};
        // corners: bottom-left 1, bottom-right -1, top-left -1, top-right 1; centre 0 >= level 0 is "above"
        double[][] z = {{1, -1}, {-1, 1}};
        MarchingSquares.Lines l = MarchingSquares.isolines(xs, ys, z, 0);
        assertEquals(2, l.pieces(), "two segments cutting off the two low corners");
        assertEquals(5, l.x().length, "2 + separator + 2 points");
        assertTrue(Double.isNaN(l.y()[2]));
        // the segment near the bottom-right corner joins (0.5, 0) and (1, 0.5)
        assertEquals(0.5, l.x()[0], 1e-12);
        assertEquals(0.0, l.y()[0], 1e-12);
        assertEquals(1.0, l.x()[1], 1e-12);
        assertEquals(0.5, l.y()[1], 1e-12);
        // with the centre below the level the other two corners are cut off
        MarchingSquares.Lines other = MarchingSquares.isolines(xs, ys, new double[][] {{1, -1.5}, {-1.5, 1}}, 0);
        assertEquals(2, other.pieces());
        assertEquals(0.0, other.x()[0], 1e-12, "starts on the left edge, around the bottom-left corner");
    }

    @Test
    void cellsWithANanCornerAreSkippedAndFlatFieldsHaveNoLines() {
        double[] xs = {0, 1, 2};
        double[] ys = {0, 1};
        MarchingSquares.Lines l = MarchingSquares.isolines(xs, ys, new double[][] {{0, 1, Double.NaN}, {0, 1, 2}}, 0.5);
        assertEquals(1, l.pieces());
        for (double x : l.x()) {
            assertEquals(0.5, x, 1e-12, "only the left cell has a line");
        }
        assertEquals(0, MarchingSquares.isolines(xs, ys, new double[][] {{1, 1, 1}, {1, 1, 1}}, 5).pieces());
    }

    @Test
    void badShapesAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MarchingSquares.isolines(new double[] {0, 1, 2}, new double[] {0, 1}, new double[][] {{1, 2}, {3, 4}}, 0));
        assertEquals("MarchingSquares: z must be [ny][nx] = [2][3], found a row of length 2", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> MarchingSquares.isolines(new double[] {0}, new double[] {0, 1}, new double[][] {{1}, {2}}, 0));
        assertEquals("MarchingSquares: need at least 2 grid points per axis, got nx=1, ny=2", e.getMessage());
    }
}
