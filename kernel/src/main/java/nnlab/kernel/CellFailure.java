package nnlab.kernel;

import java.util.List;

/**
 * Ends a cell early with an error: carries the status and Jupyter's ename/evalue/traceback.
 *
 * <pre>{@code
 * throw new CellFailure(CellResult.Status.ERROR, "UnknownMagic", "unknown magic %foo", List.of("..."));
 * }</pre>
 */
final class CellFailure extends Exception {
    private static final long serialVersionUID = 1L;

    final CellResult.Status status;
    final String ename;
    final String evalue;
    final transient List<String> traceback;

    CellFailure(CellResult.Status status, String ename, String evalue, List<String> traceback) {
        super(ename + ": " + evalue, null, false, false);
        this.status = status;
        this.ename = ename;
        this.evalue = evalue;
        this.traceback = List.copyOf(traceback);
    }

    /** An error whose traceback is just "ename: evalue". */
    static CellFailure simple(CellResult.Status status, String ename, String evalue) {
        return new CellFailure(status, ename, evalue, List.of(ename + ": " + evalue));
    }
}
