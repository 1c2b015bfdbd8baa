package nnlab.kernel;

import java.util.Map;

/**
 * Receives a cell's output while it runs: text as it is printed, displays as they are made.
 *
 * <p>Called from the thread that reads the student JVM's output, so implementations must not
 * block for long. Text is already capped by the evaluator.
 *
 * <pre>{@code
 * evaluator.run(code, new Listener() {
 *     public void stdout(String text) { System.out.print(text); }
 * });
 * }</pre>
 */
public interface Listener {
    /** Ignores everything. */
    Listener NONE = new Listener() { };

    /** Text the cell printed to {@code System.out}. */
    default void stdout(String text) {
    }

    /** Text the cell printed to {@code System.err}. */
    default void stderr(String text) {
    }

    /** A new rich output ({@code display(obj)}); {@code id} lets {@link #update} replace it. */
    default void display(String id, Map<String, String> bundle) {
    }

    /** Replaces the output made by {@link #display} with this id. */
    default void update(String id, Map<String, String> bundle) {
    }

    /**
     * A comm message from the student JVM's widgets: {@code method} is open, msg or close; {@code target}
     * the comm's target name (open only, else null); {@code json} the message's data, a JSON object.
     */
    default void comm(String method, String commId, String target, String json) {
    }

    /** Jupyter's {@code clear_output}: clears the output, or with {@code wait} when the next output arrives. */
    default void clear(boolean wait) {
    }
}
