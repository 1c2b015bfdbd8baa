package nnlab.kernel;

import java.util.List;
import java.util.Map;

/**
 * What running one cell gave: a status, the last expression's rendering and any error.
 *
 * <p>{@code value} is the MIME bundle of the last expression (null when the cell ends in a
 * statement or declaration); {@code number} is its numeric value when it is a number. For an
 * error, {@code ename}/{@code evalue}/{@code traceback} follow Jupyter's error message fields.
 *
 * <pre>{@code
 * CellResult r = evaluator.run("1 + 1", Listener.NONE);
 * r.status();           // OK
 * r.text();             // "2"
 * }</pre>
 *
 * @param status    how the cell ended
 * @param value     MIME type to content (binary types base64), or null
 * @param number    the value as a double when it is a number, else null
 * @param ename     error name (exception class), or null
 * @param evalue    error message, or null
 * @param traceback error lines to show, empty when there is no error
 * @param millis    wall time of the cell
 */
public record CellResult(Status status, Map<String, String> value, Double number, String ename, String evalue,
                         List<String> traceback, long millis) {

    /** How a cell ended. */
    public enum Status {
        /** Ran to the end. */
        OK,
        /** A compile error, an exception (including OutOfMemoryError and StackOverflowError), a bad magic. */
        ERROR,
        /** Stopped by the stop button. */
        INTERRUPTED,
        /** Stopped because it ran longer than the per-cell timeout. */
        TIMEOUT,
        /** The cell called {@code System.exit(n)}. */
        EXIT,
        /** The student JVM died or had to be killed; the session was restarted. */
        CRASH
    }

    /** The {@code text/plain} part of the value, or null. */
    public String text() {
        return value == null ? null : value.get("text/plain");
    }

    /** True for {@link Status#OK}. */
    public boolean ok() {
        return status == Status.OK;
    }
}
