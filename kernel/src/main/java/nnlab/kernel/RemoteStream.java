package nnlab.kernel;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import nnlab.kernel.agent.Frame;

/**
 * The receiving end of the student JVM's {@code System.out} or {@code System.err}: decodes UTF-8
 * text as it arrives and cuts out the agent's display frames.
 *
 * <p>Bytes arrive in small packets from JShell's connection. Text is passed on at the end of each
 * write (a multi-byte character split across packets is held back until complete), so output
 * streams live while a cell runs. A {@link Frame} {@code \u0001NNLAB{json}\u0004} is decoded and
 * handed to the frame consumer instead; a stray {@code \u0001} that does not start a frame is passed
 * on as text. A frame that cannot be decoded (an unknown kind, broken JSON, over 256 MiB) is not
 * shown as anything: the problem consumer gets a message saying what was dropped and why.
 *
 * <pre>{@code
 * RemoteStream out = new RemoteStream(sink::stdout, sink::frame, sink::stderr);
 * JShell.builder().out(new PrintStream(out, true, UTF_8));
 * }</pre>
 */
final class RemoteStream extends OutputStream {
    private static final byte[] START = Frame.START.getBytes(StandardCharsets.UTF_8);
    private static final int MAX_FRAME = 256 << 20;

    private final Consumer<String> text;
    private final Consumer<Frame> frames;
    private final Consumer<String> problems;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private final ByteArrayOutputStream frame = new ByteArrayOutputStream();
    private boolean inFrame;

    /** A stream whose frames (null: none, every byte is text) and undecodable frames go to their consumers. */
    RemoteStream(Consumer<String> text, Consumer<Frame> frames, Consumer<String> problems) {
        this.text = text;
        this.frames = frames;
        this.problems = problems;
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
        if (c == Frame.END && n >= START.length) {
            String json = new String(frame.toByteArray(), START.length, n - START.length, StandardCharsets.UTF_8);
            inFrame = false;
            frame.reset();
            deliver(json);
            return;
        }
        if (n > MAX_FRAME) {
            inFrame = false;
            frame.reset();
            problems.accept(dropped("it is larger than " + (MAX_FRAME >> 20) + " MiB"));
            return;
        }
        frame.write(c);
    }

    private void deliver(String json) {
        Frame f;
        try {
            f = decode(json);
        } catch (RuntimeException e) {   // JsonParseException, IllegalStateException, IllegalArgumentException
            problems.accept(dropped(e.getMessage()));
            return;
        }
        frames.accept(f);
    }

    private static String dropped(String why) {
        return "nnlab kernel: dropped a display message from the notebook's Java process: " + why + "\n";
    }

    /** The frame whose JSON is {@code json}; throws, naming the problem, for anything that is not a frame. */
    static Frame decode(String json) {
        JsonObject o = JsonParser.parseString(json).getAsJsonObject();
        JsonElement kind = o.get("kind");
        if (kind == null || !kind.isJsonPrimitive()) {
            throw new IllegalArgumentException("no frame kind in " + abbreviate(json));
        }
        JsonElement id = o.get("id");
        JsonElement data = o.get("data");
        Map<String, String> bundle = new LinkedHashMap<>();
        if (data != null && data.isJsonObject()) {
            for (Map.Entry<String, JsonElement> e : data.getAsJsonObject().entrySet()) {
                bundle.put(e.getKey(), e.getValue().getAsString());
            }
        }
        return new Frame(Frame.Kind.of(kind.getAsString()), id == null || id.isJsonNull() ? null : id.getAsString(), bundle);
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "...";
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
