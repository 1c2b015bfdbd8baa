package nnlab.kernel;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControl.ClassBytecodes;
import jdk.jshell.spi.ExecutionControl.EngineTerminationException;
import jdk.jshell.spi.ExecutionControl.ExecutionControlException;

/**
 * The kernel's end of calls from a running cell into the kernel ({@code eval}, {@code lineMagic},
 * {@code cellMagic}; the student JVM's end is {@link nnlab.kernel.agent.KernelCalls}).
 *
 * <p>A call arrives as a JSON line on the channel {@code nnlab-call} of JShell's socket while the cell's
 * snippet still runs, so JShell's command channel is busy. The call is handled on this class's own
 * thread: what it does there through JShell (compiling {@code eval}'s code, adding a jar) reaches
 * {@link StudentJvm}, which sees {@link #routing()} and sends its commands here instead ({@link #load},
 * {@link #invoke}, ...): each goes out on the channel {@code nnlab-reply} and the student JVM answers it on
 * {@code nnlab-call}. The call ends with a {@code done} message carrying its value. Packets are JShell's
 * multiplexing format (name, size, data), written to the socket under its lock as JShell's own streams
 * do; data bytes carry JShell's input tag, since the student JVM reads the channel as a JShell input.
 *
 * <pre>{@code
 * CallChannel calls = new CallChannel(request -> new Object[] {"null"});
 * JShell.builder().executionEngine(new StudentJvm.Provider(confinement, calls), Map.of())
 * }</pre>
 */
final class CallChannel {
    /** Handles one call on the call thread; returns {@code done}'s fields: {"value"}, {"list", String[]}, {"null"}, {"bad"|"error", message}. */
    interface Handler {
        Object[] handle(JsonObject request);
    }

    static final String CALL = "nnlab-call";
    static final String REPLY = "nnlab-reply";
    private static final long REPLY_POLL_MILLIS = 200;

    private final Handler handler;
    private final ExecutorService worker;
    private final BlockingQueue<JsonObject> replies = new LinkedBlockingQueue<>();
    private volatile Thread workerThread;
    private volatile OutputStream socket;
    private volatile Process process;
    private volatile long callId;

    CallChannel(Handler handler) {
        this.handler = handler;
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "nnlab-kernel-call");
            t.setDaemon(true);
            workerThread = t;
            return t;
        });
    }

    /** A new student JVM: its socket's output (JShell's lock) and process. */
    void connect(OutputStream socketOut, Process p) {
        socket = socketOut;
        process = p;
        replies.clear();
    }

    /** Where JShell's demultiplexer writes what the student JVM sends on {@value #CALL}. */
    OutputStream sink() {
        return new OutputStream() {
            private final ByteArrayOutputStream line = new ByteArrayOutputStream();

            @Override
            public void write(int b) {
                if (b != '\n') {
                    line.write(b);
                    return;
                }
                String json = line.toString(StandardCharsets.UTF_8);
                line.reset();
                received(json);
            }
        };
    }

    private void received(String json) {
        JsonObject m;
        try {
            m = JsonParser.parseString(json).getAsJsonObject();
        } catch (RuntimeException e) {
            return;     // not ours to answer: the student JVM wrote garbage on the channel
        }
        if (m.has("call")) {
            worker.execute(() -> serve(m));
        } else {
            replies.add(m);
        }
    }

    private void serve(JsonObject request) {
        long id = Long.parseLong(request.get("id").getAsString());
        callId = id;
        replies.clear();
        Object[] done;
        try {
            done = handler.handle(request);
        } catch (RuntimeException e) {
            done = new Object[] {"error", request.get("call").getAsString() + " failed in the kernel: " + e};
        }
        Object[] msg = new Object[done.length + 2];
        msg[0] = id;
        msg[1] = "done";
        System.arraycopy(done, 0, msg, 2, done.length);
        try {
            send(msg);
        } catch (EngineTerminationException e) {
            // the student JVM is gone; the cell ends with that
        }
    }

    /** True on the call thread: JShell's commands go through this channel, not JShell's busy one. */
    boolean routing() {
        return Thread.currentThread() == workerThread;
    }

    void load(ClassBytecodes[] cbcs) throws ExecutionControlException {
        command("load", (Object) cbcs);
    }

    String invoke(String className, String method) throws ExecutionControlException {
        return command("invoke", className, method);
    }

    String varValue(String className, String var) throws ExecutionControlException {
        return command("varValue", className, var);
    }

    void addToClasspath(String path) throws ExecutionControlException {
        command("addToClasspath", path);
    }

    /** Sends one command of the running call and waits for the student JVM's answer (its value, or its exception). */
    private String command(String name, Object... args) throws ExecutionControlException {
        Object[] msg = new Object[args.length + 2];
        msg[0] = callId;
        msg[1] = name;
        System.arraycopy(args, 0, msg, 2, args.length);
        send(msg);
        JsonObject r = awaitReply();
        String m = r.has("m") ? r.get("m").getAsString() : "";
        switch (r.get("r").getAsString()) {
            case "ok" -> {
                return r.has("v") ? r.get("v").getAsString() : null;
            }
            case "user" -> throw new ExecutionControl.UserException(m, r.get("c").getAsString(), new StackTraceElement[0]);
            case "resolution" -> throw new ExecutionControl.ResolutionException(Integer.parseInt(m), new StackTraceElement[0]);
            case "stopped" -> throw new ExecutionControl.StoppedException();
            case "install" -> {
                String i = r.get("i").getAsString();
                boolean[] installed = new boolean[i.length()];
                for (int k = 0; k < installed.length; k++) {
                    installed[k] = i.charAt(k) == 't';
                }
                throw new ExecutionControl.ClassInstallException(m, installed);
            }
            default -> throw new ExecutionControl.InternalException(m);
        }
    }

    private JsonObject awaitReply() throws EngineTerminationException {
        while (true) {
            Process p = process;
            if (p == null || !p.isAlive()) {
                throw new EngineTerminationException("the student JVM has ended");
            }
            try {
                JsonObject r = replies.poll(REPLY_POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (r != null && Long.parseLong(r.get("id").getAsString()) == callId) {
                    return r;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EngineTerminationException("interrupted while waiting for the student JVM");
            }
        }
    }

    /** One message: its length and Java serialization, each byte tagged as JShell input data, in packets. */
    private void send(Object[] msg) throws EngineTerminationException {
        OutputStream out = socket;
        if (out == null) {
            throw new EngineTerminationException("no student JVM");
        }
        try {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            try (ObjectOutputStream o = new ObjectOutputStream(body)) {
                o.writeObject(msg);
            }
            ByteArrayOutputStream framed = new ByteArrayOutputStream();
            DataOutputStream d = new DataOutputStream(framed);
            d.writeInt(body.size());
            body.writeTo(d);
            byte[] bytes = framed.toByteArray();
            byte[] name = REPLY.getBytes(StandardCharsets.UTF_8);
            synchronized (out) {
                for (int i = 0; i < bytes.length; i += 63) {
                    int n = Math.min(63, bytes.length - i);
                    byte[] packet = new byte[name.length + 2 + 2 * n];
                    packet[0] = (byte) name.length;
                    System.arraycopy(name, 0, packet, 1, name.length);
                    packet[name.length + 1] = (byte) (2 * n);
                    for (int k = 0; k < n; k++) {
                        packet[name.length + 2 + 2 * k] = 0;        // JShell's TAG_DATA
                        packet[name.length + 3 + 2 * k] = bytes[i + k];
                    }
                    out.write(packet);
                }
                out.flush();
            }
        } catch (IOException e) {
            throw new EngineTerminationException("cannot reach the student JVM: " + e.getMessage());
        }
    }

    /** Ends the call thread. */
    void close() {
        worker.shutdownNow();
    }
}
