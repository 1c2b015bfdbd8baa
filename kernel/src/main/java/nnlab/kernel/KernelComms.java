package nnlab.kernel;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.Map;
import org.dflib.jjava.jupyter.channels.ReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.comm.Comm;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageContext;
import org.dflib.jjava.jupyter.messages.comm.CommCloseCommand;
import org.dflib.jjava.jupyter.messages.comm.CommMsgCommand;
import org.dflib.jjava.jupyter.messages.comm.CommOpenCommand;
import org.dflib.jjava.jupyter.messages.publish.PublishStream;

/**
 * The kernel's comms (Jupyter's {@code comm_open}, {@code comm_msg}, {@code comm_close}, {@code comm_info}):
 * the widgets live in the student JVM, this class carries their messages both ways.
 *
 * <p>Student JVM to notebook: {@link #fromStudent} publishes what the widget library sent (a
 * {@code comm} frame) on IOPub and registers the comm, so {@code comm_info_request} lists it; a
 * {@code comm_open} of the widget target carries the metadata {@code version} {@value #WIDGET_PROTOCOL}
 * that ipywidgets 8's front end requires. Notebook to student JVM: a {@code comm_msg} or
 * {@code comm_close} for a registered comm goes to the {@link CommInbox}; one for an id the kernel does not know
 * is answered on stderr with the id and the known comms, and nothing else happens (the spec says to ignore it).
 *
 * <pre>{@code
 * KernelComms comms = new KernelComms();
 * comms.deliverTo((id, method, json) -> evaluator.evaluateInternal(...));
 * comms.fromStudent(env, parent, "open", "c1", "jupyter.widget", "{\"state\":{}}");
 * }</pre>
 */
final class KernelComms extends CommManager {
    /** The widget message protocol the widget library speaks (ipywidgets 8, jupyterlab-widgets 3). */
    static final String WIDGET_PROTOCOL = "2.1.0";
    static final String WIDGET_TARGET = "jupyter.widget";

    private volatile CommInbox inbox;

    /** Messages from the notebook to the student JVM's comms go to {@code delivery}, one at a time. */
    void deliverTo(CommInbox.Delivery delivery) {
        inbox = new CommInbox(delivery);
    }

    /** Stops delivering. */
    void close() {
        CommInbox i = inbox;
        if (i != null) {
            i.close();
        }
    }

    /** A comm of the student JVM, seen from the kernel: messages to it go to the inbox. */
    private final class StudentComm extends Comm {
        StudentComm(String id, String target) {
            super(KernelComms.this, id, target);
        }

        @Override
        protected void onMessage(Message<CommMsgCommand> message) {
            inbox.offer(getID(), "msg", message.getContent().getData());
        }

        @Override
        protected void onClose(Message<CommCloseCommand> message, boolean sending) {
            if (!sending) {
                inbox.offer(getID(), "close", message == null ? null : message.getContent().getData());
            }
        }
    }

    /** Publishes a comm message of the student JVM under {@code parent} and keeps the registry current. */
    void fromStudent(ReplyEnvironment env, MessageContext parent, String method, String id, String target, String json) {
        JsonObject data = json == null || json.isBlank() ? new JsonObject() : JsonParser.parseString(json).getAsJsonObject();
        switch (method) {
            case "open" -> {
                comms.put(id, new StudentComm(id, target));
                Map<String, Object> metadata = WIDGET_TARGET.equals(target) ? Map.of("version", WIDGET_PROTOCOL) : Map.of();
                env.publish(new Message<>(parent, CommOpenCommand.MESSAGE_TYPE, new CommOpenCommand(id, target, data),
                        null, metadata));  // null: with an empty list JJava leaves the multipart message open
            }
            case "msg" -> env.publish(new Message<>(parent, CommMsgCommand.MESSAGE_TYPE, new CommMsgCommand(id, data)));
            case "close" -> {
                comms.remove(id);
                env.publish(new Message<>(parent, CommCloseCommand.MESSAGE_TYPE, new CommCloseCommand(id, data)));
            }
            default -> throw new IllegalArgumentException("unknown comm method '" + method + "' (expected open, msg or close)");
        }
    }

    @Override
    public void handleCommMsgCommand(ReplyEnvironment env, Message<CommMsgCommand> message) {
        String id = message.getContent().getCommID();
        if (getCommByID(id) == null) {
            env.setBusyDeferIdle();
            unknown(env, "comm_msg", id);
            return;
        }
        super.handleCommMsgCommand(env, message);
    }

    @Override
    public void handleCommCloseCommand(ReplyEnvironment env, Message<CommCloseCommand> message) {
        String id = message.getContent().getCommID();
        if (getCommByID(id) == null) {
            env.setBusyDeferIdle();
            unknown(env, "comm_close", id);
            return;
        }
        super.handleCommCloseCommand(env, message);
    }

    private void unknown(ReplyEnvironment env, String what, String id) {
        String text = "nnlab kernel: ignored a " + what + " for comm id '" + id + "', which this kernel does not know"
                + " (open comms: " + (comms.isEmpty() ? "none" : String.join(", ", comms.keySet())) + ");"
                + " a widget from before a kernel restart? Re-run the cell that made it.\n";
        System.err.print(text);
        env.publish(new PublishStream(PublishStream.StreamType.ERR, text));
    }

    /** Forgets every comm (the student JVM restarted: its widgets are gone). */
    void forgetAll() {
        comms.clear();
    }
}
