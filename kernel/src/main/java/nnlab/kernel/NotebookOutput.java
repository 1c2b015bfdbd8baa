package nnlab.kernel;

import com.google.gson.JsonParser;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.messages.MessageContext;
import org.dflib.jjava.jupyter.messages.publish.PublishClearOutput;
import org.dflib.jjava.jupyter.messages.publish.PublishDisplayData;
import org.dflib.jjava.jupyter.messages.publish.PublishStream;
import org.dflib.jjava.jupyter.messages.publish.PublishUpdateDisplayData;

/**
 * Sends a running cell's output to the notebook: text batched every {@value #BATCH_MILLIS} ms,
 * displays, clears and widget comm messages at once (after the text printed before them).
 *
 * <p>Batching keeps a chatty loop from sending one message per {@code println} while training
 * progress still appears live.
 *
 * <pre>{@code
 * NotebookOutput out = new NotebookOutput(env, timer, comms, request);
 * evaluator.run(code, out);
 * out.close();
 * }</pre>
 */
final class NotebookOutput implements Listener, AutoCloseable {
    static final long BATCH_MILLIS = 50;

    private final ShellReplyEnvironment env;
    private final KernelComms comms;
    private final MessageContext parent;
    private final StringBuilder text = new StringBuilder();
    private final ScheduledFuture<?> ticker;
    private PublishStream.StreamType type = PublishStream.StreamType.OUT;
    private boolean closed;

    /** Output of the request {@code parent}; comm messages of its widgets go through {@code comms}. */
    NotebookOutput(ShellReplyEnvironment env, ScheduledExecutorService timer, KernelComms comms, MessageContext parent) {
        this.env = env;
        this.comms = comms;
        this.parent = parent;
        this.ticker = timer.scheduleWithFixedDelay(this::flush, BATCH_MILLIS, BATCH_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stdout(String s) {
        append(PublishStream.StreamType.OUT, s);
    }

    @Override
    public void stderr(String s) {
        append(PublishStream.StreamType.ERR, s);
    }

    private synchronized void append(PublishStream.StreamType t, String s) {
        if (t != type) {
            flush();
            type = t;
        }
        text.append(s);
        if (closed) {
            flush();  // a background thread printing after the cell ended: no batching timer any more
        }
    }

    @Override
    public synchronized void display(String id, Map<String, String> bundle) {
        flush();
        DisplayData d = data(bundle);
        if (id != null) {
            d.setDisplayId(id);
        }
        env.publish(new PublishDisplayData(d));
    }

    @Override
    public synchronized void update(String id, Map<String, String> bundle) {
        flush();
        DisplayData d = data(bundle);
        d.setDisplayId(id);
        env.publish(new PublishUpdateDisplayData(d));
    }

    @Override
    public synchronized void comm(String method, String commId, String target, String json) {
        flush();
        comms.fromStudent(env, parent, method, commId, target, json);
    }

    @Override
    public synchronized void clear(boolean wait) {
        flush();
        env.publish(wait ? PublishClearOutput.BEFORE_NEXT_OUTPUT : PublishClearOutput.NOW);
    }

    /** Sends any pending text. */
    synchronized void flush() {
        if (text.length() > 0) {
            env.publish(new PublishStream(type, text.toString()));
            text.setLength(0);
        }
    }

    /** Stops batching: pending text goes out now, later text (background threads) at the next flush. */
    @Override
    public synchronized void close() {
        ticker.cancel(false);
        closed = true;
        flush();
    }

    /** A Jupyter display bundle from the evaluator's MIME map. */
    static DisplayData data(Map<String, String> bundle) {
        DisplayData d = new DisplayData();
        // JSON types (a widget's view reference) travel as JSON objects, not as text
        bundle.forEach((type, content) -> d.putData(type, type.endsWith("json") ? JsonParser.parseString(content) : content));
        return d;
    }
}
