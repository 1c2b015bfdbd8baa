package nnlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Order and coalescing of comm messages on their way to the student JVM. */
class CommInboxTest {
    static JsonObject json(String s) {
        return JsonParser.parseString(s).getAsJsonObject();
    }

    static JsonObject update(String key, Object value) {
        return json("{\"method\":\"update\",\"state\":{\"" + key + "\":" + value + "}}");
    }

    @Test
    void slideMovesWhileACallbackRunsAreMergedIntoOneWithTheLastValues() throws Exception {
        List<String> got = new CopyOnWriteArrayList<>();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(4);
        try (CommInbox inbox = new CommInbox((id, method, data) -> {
            got.add(id + " " + method + " " + data);
            started.countDown();
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            done.countDown();
        })) {
            inbox.offer("s", "msg", update("value", 1));
            assertTrue(started.await(5, TimeUnit.SECONDS));
            // the callback for value 1 is running: these wait
            inbox.offer("s", "msg", update("value", 2));
            inbox.offer("s", "msg", update("value", 3));
            inbox.offer("t", "msg", update("value", 10));
            inbox.offer("s", "msg", json("{\"method\":\"update\",\"state\":{\"value\":4,\"min\":0}}"));
            inbox.offer("b", "msg", json("{\"method\":\"custom\",\"content\":{\"event\":\"click\"}}"));
            assertEquals(3, inbox.waiting(), "s's three updates became one; t and the click wait on their own");
            release.countDown();
            assertTrue(done.await(5, TimeUnit.SECONDS));
        }
        assertEquals(List.of("s msg {\"method\":\"update\",\"state\":{\"value\":1}}",
                "s msg {\"method\":\"update\",\"state\":{\"value\":4,\"min\":0}}",
                "t msg {\"method\":\"update\",\"state\":{\"value\":10}}",
                "b msg {\"method\":\"custom\",\"content\":{\"event\":\"click\"}}"), got);
    }

    @Test
    void clicksAreNeverMergedAndAnUpdateAfterAClickKeepsItsPlace() throws Exception {
        List<String> got = new CopyOnWriteArrayList<>();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(5);
        try (CommInbox inbox = new CommInbox((id, method, data) -> {
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            got.add(method + " " + data);
            done.countDown();
        })) {
            JsonObject click = json("{\"method\":\"custom\",\"content\":{\"event\":\"click\"}}");
            inbox.offer("b", "msg", click);
            inbox.offer("b", "msg", click);
            inbox.offer("b", "msg", update("description", "\"x\""));
            inbox.offer("b", "msg", click);
            inbox.offer("b", "close", null);
            release.countDown();
            assertTrue(done.await(5, TimeUnit.SECONDS));
        }
        assertEquals(List.of("msg {\"method\":\"custom\",\"content\":{\"event\":\"click\"}}",
                "msg {\"method\":\"custom\",\"content\":{\"event\":\"click\"}}",
                "msg {\"method\":\"update\",\"state\":{\"description\":\"x\"}}",
                "msg {\"method\":\"custom\",\"content\":{\"event\":\"click\"}}", "close {}"), got);
    }

    @Test
    void aFailingDeliveryDoesNotStopTheNextOnes() throws Exception {
        CountDownLatch second = new CountDownLatch(1);
        try (CommInbox inbox = new CommInbox((id, method, data) -> {
            if (id.equals("bad")) {
                throw new IllegalStateException("boom");
            }
            second.countDown();
        })) {
            inbox.offer("bad", "msg", update("value", 1));
            inbox.offer("good", "msg", update("value", 1));
            assertTrue(second.await(5, TimeUnit.SECONDS));
        }
    }
}
