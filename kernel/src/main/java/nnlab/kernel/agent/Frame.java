package nnlab.kernel.agent;

import java.util.LinkedHashMap;
import java.util.Map;
import nnlab.display.Json;

/**
 * One message from the student JVM to the kernel, sent in band on stdout as {@code \u0001NNLAB{json}\u0004}.
 *
 * <p>Both sides use this record: {@link Agent} builds and {@link #encode()}s frames in the student
 * JVM; the kernel's {@code RemoteStream} cuts them out of the stream and decodes them with
 * {@link Kind#of}, which rejects a kind it does not know instead of guessing. The JSON has three
 * fields: {@code kind} (a {@link Kind#wire()} name), {@code id} (a display id or null) and
 * {@code data} (a MIME bundle, type to content, binary content base64; for {@code comm} and
 * {@code clear}, the fields documented at their kinds).
 *
 * <pre>{@code
 * Frame f = new Frame(Frame.Kind.DISPLAY, "7", Map.of("text/plain", "hi"));
 * System.out.print(f.encode());     // \u0001NNLAB{"kind":"display","id":"7","data":{"text/plain":"hi"}}\u0004
 * Frame.Kind.of("display");         // DISPLAY; Frame.Kind.of("x") throws
 * }</pre>
 *
 * @param kind what the kernel does with the bundle
 * @param id   the display id ({@code display}, {@code update}); null for a result
 * @param data MIME type to content
 */
public record Frame(Kind kind, String id, Map<String, String> data) {
    /** First bytes of a frame; the frame ends with {@link #END}. */
    public static final String START = "\u0001NNLAB";
    /** Last byte of a frame. */
    public static final char END = '\u0004';

    /** What a frame asks the kernel to do. */
    public enum Kind {
        /** A new rich output ({@code display(obj)}): Jupyter's {@code display_data}. */
        DISPLAY("display"),
        /** Replaces the output with this id: Jupyter's {@code update_display_data}. */
        UPDATE("update"),
        /** The rendering of the cell's last expression, asked for by the kernel: its {@code execute_result}. */
        RESULT("result"),
        /**
         * A comm message of the student JVM's widgets: {@code id} is the comm id; {@code data} holds
         * {@code method} (open, msg or close), {@code target} (for open) and {@code data}, the message's
         * JSON object as text. The kernel publishes Jupyter's {@code comm_open} / {@code comm_msg} / {@code comm_close}.
         */
        COMM("comm"),
        /** Jupyter's {@code clear_output}; {@code data} holds {@code wait} ("true": clear when the next output comes). */
        CLEAR("clear");

        private final String wire;

        Kind(String wire) {
            this.wire = wire;
        }

        /** The name in the frame's JSON. */
        public String wire() {
            return wire;
        }

        /** The kind with this wire name; an unknown name is an error naming the known ones. */
        public static Kind of(String wire) {
            for (Kind k : values()) {
                if (k.wire.equals(wire)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("unknown frame kind '" + wire + "' (expected display, update, result, comm or clear)");
        }
    }

    /** A frame; {@code data} is copied, and a null kind is refused. */
    public Frame {
        if (kind == null) {
            throw new IllegalArgumentException("a frame needs a kind (display, update, result, comm or clear)");
        }
        data = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }

    /** The frame as it travels: {@link #START}, the JSON object, {@link #END}. */
    public String encode() {
        Map<String, Object> msg = new LinkedHashMap<>();
        msg.put("kind", kind.wire());
        msg.put("id", id);
        msg.put("data", data);
        return START + Json.write(msg) + END;
    }
}
