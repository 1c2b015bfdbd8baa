package nnlab.grader;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * nbgrader's cell checksum, so checksums written by nbgrader and by nnlab agree.
 *
 * <p>md5 over: source, cell type, "True"/"False" for grade, solution and locked, the grade_id, and for
 * grade cells the points as Python prints a float ({@code 2.0}).
 *
 * <pre>{@code
 * String md5 = Checksum.of(cell);
 * boolean tampered = !md5.equals(releasedChecksum);
 * }</pre>
 */
public final class Checksum {

    private Checksum() {
    }

    /** The nbgrader-compatible md5 hex digest of a cell. */
    public static String of(Cell cell) {
        MessageDigest md5;
        try {
            md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no MD5 digest", e);
        }
        update(md5, cell.source());
        update(md5, cell.type());
        update(md5, py(cell.isGrade()));
        update(md5, py(cell.isSolution()));
        update(md5, py(cell.isLocked()));
        String id = cell.gradeId();
        update(md5, id == null ? "" : id);
        if (cell.isGrade()) {
            update(md5, pythonFloat(cell.points()));
        }
        StringBuilder hex = new StringBuilder();
        for (byte b : md5.digest()) {
            hex.append(String.format("%02x", b));
        }
        return hex.toString();
    }

    /** {@code str(float(x))} in Python for the values points take: 2 -> "2.0", 0.5 -> "0.5". */
    static String pythonFloat(double x) {
        if (x == Math.rint(x) && Math.abs(x) < 1e16) {
            return (long) x + ".0";
        }
        return Double.toString(x);
    }

    private static String py(boolean b) {
        return b ? "True" : "False";
    }

    private static void update(MessageDigest md5, String s) {
        md5.update(s.getBytes(StandardCharsets.UTF_8));
    }
}
