package nnlab.kernel;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import nnlab.kernel.agent.Agent;

/**
 * The receiving end of the student JVM's {@code System.out} or {@code System.err}: decodes UTF-8
 * text as it arrives and cuts out the agent's display frames.
 *
 * <p>Bytes arrive in small packets from JShell's connection. Text is passed on at the end of each
 * write (a multi-byte character split across packets is held back until complete), so output
 * streams live while a cell runs. A frame {@code \u0001NNLAB{json}\u0004} (see {@link Agent}) is
 * parsed and handed to the frame consumer instead; a stray {@code \u0001} that does not start a
 * frame is passed on as text.
 *
 * <pre>{@code
 * RemoteStream out = new RemoteStream(text -> sink.stdout(text), frame -> sink.frame(frame));
 * JShell.builder().out(new PrintStream(out, true, UTF_8));
 * }</pre>
 */
final class RemoteStream extends OutputStream {
    private static final byte[] START = Agent.START.getBytes(StandardCharsets.UTF_8);
    private static final int MAX_FRAME = 256 << 20;

    private final Consumer<String> text;
    private final Consumer<JsonObject> frames;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private final ByteArrayOutputStream frame = new ByteArrayOutputStream();
    private boolean inFrame;

    RemoteStream(Consumer<String> text, Consumer<JsonObject> frames) {
        this.text = text;
        this.frames = frames;
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        for (int i = off; i < off + len; i++) {
            byte c = b[i];
            if (inFrame) {
                frameByte(c);
            } else if (c == START[0] && frames != null) {
                startFrame(c);
            } else {
                pending.write(c);
            }
        }
        if (!inFrame) {
            emitText();
        }
    }

    /** Text so far goes out; {@code c} may open a display frame. */
    private void startFrame(byte c) {
        emitText();
        inFrame = true;
        frame.reset();
        frame.write(c);
    }

    private void frameByte(byte c) {
        int n = frame.size();
        if (n < START.length && c != START[n]) {
            // not a frame after all: the bytes so far are ordinary text
            pending.writeBytes(frame.toByteArray());
            inFrame = false;
            if (c == START[0]) {
                startFrame(c);
            } else {
                pending.write(c);
            }
            return;
        }
        if (c == Agent.END && n >= START.length) {
            String json = new String(frame.toByteArray(), START.length, n - START.length, StandardCharsets.UTF_8);
            inFrame = false;
            frame.reset();
            frames.accept(JsonParser.parseString(json).getAsJsonObject());
            return;
        }
        if (n > MAX_FRAME) {
            inFrame = false;
            frame.reset();
            return;
        }
        frame.write(c);
    }

    /** Passes on the complete UTF-8 characters held in {@code pending}; keeps a split tail. */
    private void emitText() {
        byte[] bytes = pending.toByteArray();
        int end = completeLength(bytes);
        if (end > 0) {
            text.accept(new String(bytes, 0, end, StandardCharsets.UTF_8));
        }
        pending.reset();
        pending.write(bytes, end, bytes.length - end);
    }

    /** Length of the longest prefix of {@code b} that does not end inside a UTF-8 sequence. */
    static int completeLength(byte[] b) {
        int n = b.length;
        for (int back = 1; back <= Math.min(3, n); back++) {
            int c = b[n - back] & 0xff;
            if (c < 0x80) {
                return n;
            }
            if (c >= 0xc0) {
                int need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
                return need > back ? n - back : n;
            }
        }
        return n;
    }
}
