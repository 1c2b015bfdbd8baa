package nnlab.kernel;

import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.messages.publish.PublishDisplayData;
import org.dflib.jjava.jupyter.messages.publish.PublishStream;
import org.dflib.jjava.jupyter.messages.publish.PublishUpdateDisplayData;

/**
 * Sends a running cell's output to the notebook: text batched every {@value #BATCH_MILLIS} ms,
 * displays at once (after the text printed before them).
 *
 * <p>Batching keeps a chatty loop from sending one message per {@code println} while training
 * progress still appears live.
 *
 * <pre>{@code
 * NotebookOutput out = new NotebookOutput(env, timer);
 * evaluator.run(code, out);
 * out.close();
 * }</pre>
 */
final class NotebookOutput implements Listener, AutoCloseable {
    static final long BATCH_MILLIS = 50;

    private final ShellReplyEnvironment env;
    private final StringBuilder text = new StringBuilder();
    private final ScheduledFuture<?> ticker;
    private PublishStream.StreamType type = PublishStream.StreamType.OUT;

    NotebookOutput(ShellReplyEnvironment env, ScheduledExecutorService timer) {
        this.env = env;
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

    /** Sends any pending text. */
    synchronized void flush() {
        if (text.length() > 0) {
            env.publish(new PublishStream(type, text.toString()));
            text.setLength(0);
        }
    }

    /** Stops batching: pending text goes out now, later text (background threads) at the next flush. */
    @Override
    public void close() {
        ticker.cancel(false);
        flush();
    }

    /** A Jupyter display bundle from the evaluator's MIME map. */
    static DisplayData data(Map<String, String> bundle) {
        DisplayData d = new DisplayData();
        bundle.forEach(d::putData);
        return d;
    }
}
