package nnlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.dflib.jjava.jupyter.channels.ReplyEnvironment;
import org.dflib.jjava.jupyter.messages.ContentType;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.comm.CommCloseCommand;
import org.dflib.jjava.jupyter.messages.comm.CommMsgCommand;
import org.dflib.jjava.jupyter.messages.comm.CommOpenCommand;
import org.dflib.jjava.jupyter.messages.publish.PublishStream;
import org.dflib.jjava.jupyter.messages.reply.ErrorReply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Comm messages both ways: what the student JVM opens is published and known; what the notebook sends is delivered. */
class KernelCommsTest {
    /** Records what the kernel publishes. */
    static final class Published implements ReplyEnvironment {
        final List<Message<?>> messages = new ArrayList<>();
        final List<Object> contents = new ArrayList<>();

        @Override
        public void publish(Message<?> m) {
            messages.add(m);
            contents.add(m.getContent());
        }

        @Override
        public <T extends ContentType<T>> void publish(T content) {
            contents.add(content);
        }

        @Override
        public void reply(Message<?> m) {
        }

        @Override
        public <T extends ContentType<T>> void reply(T content) {
        }

        @Override
        public ReplyEnvironment defer() {
            return this;
        }

        @Override
        public void defer(Runnable r) {
        }

        @Override
        public void resolveDeferrals() {
        }

        @Override
        public void replyError(MessageType<?> type, ErrorReply e) {
        }

        @Override
        public void setStatusBusy() {
        }

        @Override
        public void setStatusIdle() {
        }

        @Override
        public void setBusyDeferIdle() {
        }
    }

    final Published env = new Published();
    final List<String> delivered = new CopyOnWriteArrayList<>();
    final KernelComms comms = new KernelComms();

    KernelCommsTest() {
        comms.deliverTo((id, method, json) -> delivered.add(id + " " + method + " " + json));
    }

    @AfterEach
    void close() {
        comms.close();
    }

    @Test
    void aWidgetOpenedInTheStudentJvmIsPublishedWithTheProtocolVersionAndListed() {
        comms.fromStudent(env, null, "open", "w1", "jupyter.widget",
                "{\"state\":{\"_model_name\":\"FloatSliderModel\",\"value\":0.5},\"buffer_paths\":[]}");
        Message<?> open = env.messages.get(0);
        CommOpenCommand c = (CommOpenCommand) open.getContent();
        assertEquals("w1", c.getCommID());
        assertEquals("jupyter.widget", c.getTargetName());
        assertEquals("FloatSliderModel", c.getData().getAsJsonObject("state").get("_model_name").getAsString());
        assertEquals(Map.of("version", "2.1.0"), open.getMetadata());
        assertNotNull(comms.getCommByID("w1"), "comm_info_request lists it");
        assertEquals("jupyter.widget", comms.getCommByID("w1").getTargetName());

        comms.fromStudent(env, null, "msg", "w1", null, "{\"method\":\"update\",\"state\":{\"value\":0.7}}");
        assertEquals(0.7, ((CommMsgCommand) env.contents.get(1)).getData().getAsJsonObject("state").get("value").getAsDouble());
        comms.fromStudent(env, null, "close", "w1", null, "{}");
        assertTrue(env.contents.get(2) instanceof CommCloseCommand);
        assertNull(comms.getCommByID("w1"));
    }

    @Test
    void aNotebookMessageForAKnownCommIsDeliveredToTheStudentJvm() throws Exception {
        comms.fromStudent(env, null, "open", "w2", "jupyter.widget", "{\"state\":{}}");
        comms.handleCommMsgCommand(env, new Message<>(null, CommMsgCommand.MESSAGE_TYPE,
                new CommMsgCommand("w2", CommInboxTest.update("value", 3))));
        comms.handleCommCloseCommand(env, new Message<>(null, CommCloseCommand.MESSAGE_TYPE,
                new CommCloseCommand("w2", new com.google.gson.JsonObject())));
        for (int i = 0; i < 100 && delivered.size() < 2; i++) {
            Thread.sleep(20);
        }
        assertEquals(List.of("w2 msg {\"method\":\"update\",\"state\":{\"value\":3}}", "w2 close {}"), delivered);
        assertNull(comms.getCommByID("w2"));
    }

    @Test
    void aMessageForAnUnknownCommIdIsNamedOnStderrAndIgnored() throws Exception {
        comms.fromStudent(env, null, "open", "w3", "jupyter.widget", "{\"state\":{}}");
        comms.handleCommMsgCommand(env, new Message<>(null, CommMsgCommand.MESSAGE_TYPE,
                new CommMsgCommand("nope", CommInboxTest.update("value", 3))));
        PublishStream err = (PublishStream) env.contents.get(env.contents.size() - 1);
        assertEquals("nnlab kernel: ignored a comm_msg for comm id 'nope', which this kernel does not know (open comms: w3);"
                + " a widget from before a kernel restart? Re-run the cell that made it.\n", err.getText());
        Thread.sleep(100);
        assertEquals(List.of(), delivered);
        assertNotNull(comms.getCommByID("w3"), "the known comm is untouched");
    }

    @Test
    void anUnknownMethodFromTheStudentJvmIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> comms.fromStudent(env, null, "poke", "w4", null, "{}"));
        assertEquals("unknown comm method 'poke' (expected open, msg or close)", e.getMessage());
    }

    @Test
    void javaStringKeepsJsonEscapesAsText() {
        assertEquals("\"{\\\"a\\\":\\\"\\\\u003d\\n\\001\\\"}\"", JavaKernel.javaString("{\"a\":\"\\u003d\n\u0001\"}"));
    }
}
