package nnlab.kernel;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * Comm messages from the notebook on their way to the student JVM, one at a time, in order, with
 * slider moves coalesced.
 *
 * <p>A worker thread hands each message to a {@link Delivery} (the kernel's: {@code Evaluator.evaluateInternal}
 * of {@code nnlab.widgets.Comms.deliver}). While one is delivered (a widget callback runs), a new
 * {@code update} for a comm that already has an update waiting is merged into it, later keys winning:
 * dragging a slider across twenty values while a chart redraws runs the callback once more, with the
 * last value. Other messages (a button's click, a close) are never merged or dropped.
 *
 * <pre>{@code
 * CommInbox inbox = new CommInbox((id, method, json) -> System.out.println(id + " " + json));
 * inbox.offer("c1", "msg", JsonParser.parseString("{\"method\":\"update\",\"state\":{\"value\":3}}").getAsJsonObject());
 * inbox.close();
 * }</pre>
 */
final class CommInbox implements AutoCloseable {
    /** Where a message goes: {@code method} is msg or close, {@code json} the message's data. */
    interface Delivery {
        void deliver(String commId, String method, String json);
    }

    private record Item(String commId, String method, JsonObject data) {
        boolean isUpdate() {
            return method.equals("msg") && data.has("method") && "update".equals(data.get("method").getAsString())
                    && data.has("state") && data.get("state").isJsonObject();
        }
    }

    private final Deque<Item> queue = new ArrayDeque<>();
    private final Delivery delivery;
    private final Thread worker;

    CommInbox(Delivery delivery) {
        this.delivery = delivery;
        this.worker = new Thread(this::work, "nnlab-comm-inbox");
        worker.setDaemon(true);
        worker.start();
    }

    /** Queues a message (msg or close) for the comm {@code commId}; an update may merge into a waiting one. */
    synchronized void offer(String commId, String method, JsonObject data) {
        Item item = new Item(commId, method, data == null ? new JsonObject() : data.deepCopy());
        if (item.isUpdate()) {
            for (Iterator<Item> it = queue.descendingIterator(); it.hasNext(); ) {
                Item waiting = it.next();
                if (waiting.commId.equals(commId)) {
                    if (waiting.isUpdate()) {
                        JsonObject state = waiting.data.getAsJsonObject("state");
                        for (var e : item.data.getAsJsonObject("state").entrySet()) {
                            state.add(e.getKey(), e.getValue());
                        }
                        return;
                    }
                    break;  // a later click or close of this comm: keep the order
                }
            }
        }
        queue.addLast(item);
        notifyAll();
    }

    /** Messages waiting (not yet handed to the delivery). */
    synchronized int waiting() {
        return queue.size();
    }

    private void work() {
        while (true) {
            Item next;
            synchronized (this) {
                while (queue.isEmpty()) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                next = queue.removeFirst();
            }
            try {
                delivery.deliver(next.commId, next.method, compact(next.data));
            } catch (RuntimeException e) {
                System.err.println("nnlab kernel: a widget message for comm " + next.commId + " failed: " + e);
            }
        }
    }

    static String compact(JsonElement json) {
        return new com.google.gson.GsonBuilder().disableHtmlEscaping().create().toJson(json);
    }

    /** Stops the worker; waiting messages are dropped. */
    @Override
    public void close() {
        worker.interrupt();
    }
}
