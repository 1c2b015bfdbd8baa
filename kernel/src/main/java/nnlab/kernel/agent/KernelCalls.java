package nnlab.kernel.agent;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControl.ClassBytecodes;
import nnlab.display.Json;

/**
 * Calls from notebook code into the kernel while a cell runs: IJava's {@code eval}, {@code lineMagic} and
 * {@code cellMagic} ({@link Functions}).
 *
 * <p>The cell's code runs here, in the student JVM, on the thread that serves JShell's commands, so the
 * kernel cannot send it the usual commands while it waits. Instead a call goes out as one JSON line on
 * the channel {@code nnlab-call} of JShell's multiplexed socket; while the kernel works on it (compiles the
 * code of {@code eval}, runs a magic), it sends the commands that work needs (load these classes, invoke
 * that snippet, add this jar) on the channel {@code nnlab-reply}, and this class carries them out on the
 * waiting thread through the agent's own {@link ExecutionControl} methods, answering each, until the
 * kernel's {@code done} message, which carries the call's value. Messages from the kernel are
 * length-prefixed Java-serialized arrays, read by a daemon into a queue so that a stop (thrown into the
 * waiting thread) never leaves half a message behind; each carries the call's number, and messages of
 * a call that was abandoned are dropped.
 *
 * <pre>{@code
 * Object two = KernelCalls.call(Map.of("call", "eval", "code", "1 + 1"));   // 2, an Integer
 * }</pre>
 */
public final class KernelCalls {
    static volatile OutputStream callOut;
    static volatile InputStream replyIn;
    static volatile ExecutionControl agent;
    /** The object of the last {@code eval}, set by the kernel's {@code keep(...)} snippet. */
    private static volatile Object kept;
    /** What the last nested snippet threw, rethrown by {@code eval} as it is. */
    static volatile Throwable thrown;
    private static final BlockingQueue<Object[]> INBOX = new LinkedBlockingQueue<>();
    private static Thread reader;
    private static long calls;

    private KernelCalls() {
    }

    /** Keeps {@code value} as the result of the running {@code eval} (the kernel evaluates this call). */
    public static void keep(Object value) {
        kept = value;
    }

    /**
     * Sends {@code request} (string values, or a map of strings for a list) and serves the kernel's
     * commands until its answer: the value of {@code eval}, the list of a magic, or null. A failure is
     * thrown: what the evaluated code threw as it is, else an {@link IllegalArgumentException} (bad magic
     * name or arguments, compile error) or {@link IllegalStateException} (a stop, no running cell).
     */
    static synchronized Object call(Map<String, Object> request) {
        OutputStream out = callOut;
        String what = switch (String.valueOf(request.get("call"))) {
            case "line" -> "lineMagic";
            case "cell" -> "cellMagic";
            default -> "eval";
        };
        if (out == null || agent == null) {
            throw new IllegalStateException(what + " needs the notebook kernel, which this Java session does not run in"
                    + " (plain JShell?)");
        }
        long id = ++calls;
        Map<String, Object> msg = new LinkedHashMap<>(request);
        msg.put("id", Long.toString(id));
        kept = null;
        thrown = null;
        startReader();
        send(msg);
        while (true) {
            Object[] m;
            try {
                m = INBOX.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(what + " was interrupted");
            }
            if ((Long) m[0] != id) {
                continue;       // left over from a call a stop abandoned
            }
            if (m[1].equals("done")) {
                return done(m);
            }
            send(serve(m));
        }
    }

    private static Object done(Object[] m) {
        switch ((String) m[2]) {
            case "value" -> {
                return kept;
            }
            case "list" -> {
                return new ArrayList<>(List.of((String[]) m[3]));
            }
            case "null" -> {
                return null;
            }
            default -> {
                Throwable t = thrown;
                if (t != null) {
                    throw KernelCalls.<RuntimeException>sneaky(t);
                }
                String message = (String) m[3];
                throw "bad".equals(m[2]) ? new IllegalArgumentException(message) : new IllegalStateException(message);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E sneaky(Throwable t) throws E {
        throw (E) t;
    }

    /** Carries out one command of the kernel and says how it went. */
    private static Map<String, Object> serve(Object[] m) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("id", m[0].toString());
        try {
            switch ((String) m[1]) {
                case "load" -> agent.load((ClassBytecodes[]) m[2]);
                case "redefine" -> agent.redefine((ClassBytecodes[]) m[2]);
                case "invoke" -> r.put("v", agent.invoke((String) m[2], (String) m[3]));
                case "varValue" -> r.put("v", agent.varValue((String) m[2], (String) m[3]));
                case "addToClasspath" -> agent.addToClasspath((String) m[2]);
                default -> throw new ExecutionControl.NotImplementedException("unknown kernel command " + m[1]);
            }
            r.put("r", "ok");
        } catch (ExecutionControl.UserException e) {
            r.put("r", "user");
            r.put("m", String.valueOf(e.getMessage()));
            r.put("c", e.causeExceptionClass());
        } catch (ExecutionControl.ResolutionException e) {
            r.put("r", "resolution");
            r.put("m", Integer.toString(e.id()));
        } catch (ExecutionControl.StoppedException e) {
            r.put("r", "stopped");
        } catch (ExecutionControl.ClassInstallException e) {
            StringBuilder installed = new StringBuilder();
            for (boolean b : e.installed()) {
                installed.append(b ? 't' : 'f');
            }
            r.put("r", "install");
            r.put("m", String.valueOf(e.getMessage()));
            r.put("i", installed.toString());
        } catch (ExecutionControl.ExecutionControlException | RuntimeException e) {
            r.put("r", "internal");
            r.put("m", String.valueOf(e.getMessage()));
        }
        return r;
    }

    private static void send(Map<String, Object> msg) {
        byte[] line = (Json.write(msg) + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            OutputStream out = callOut;
            synchronized (out) {
                out.write(line);
                out.flush();
            }
        } catch (IOException e) {
            throw new IllegalStateException("the notebook kernel is gone: " + e.getMessage(), e);
        }
    }

    /** The daemon that turns the kernel's length-prefixed messages into whole arrays in the inbox. */
    private static void startReader() {
        if (reader != null) {
            return;
        }
        DataInputStream in = new DataInputStream(replyIn);
        reader = new Thread(() -> {
            try {
                while (true) {
                    byte[] b = new byte[in.readInt()];
                    in.readFully(b);
                    try (ObjectInputStream o = new ObjectInputStream(new ByteArrayInputStream(b))) {
                        INBOX.add((Object[]) o.readObject());
                    }
                }
            } catch (IOException | ClassNotFoundException e) {
                // the kernel has gone
            }
        }, "nnlab-kernel-replies");
        reader.setDaemon(true);
        reader.start();
    }
}
