package nnlab.widgets;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A push button (ipywidgets' {@code Button}); {@link #onClick} listeners run in the notebook's Java process.
 *
 * <p>Its value is the number of clicks so far, so {@code value()} and {@code onChange} work as for
 * the other controls; {@link #click()} does what a click in the page does.
 *
 * <pre>{@code
 * Button train = new Button("train 10 epochs");
 * train.onClick(() -> net.fit(10));
 * display(train);
 * }</pre>
 */
public class Button extends Control {
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final AtomicInteger clicks = new AtomicInteger();

    /** A button labelled {@code description}. */
    public Button(String description) {
        super("ButtonModel", "ButtonView", "ButtonStyleModel", description);
        state.put("button_style", "");
        state.put("icon", "");
    }

    /** Runs {@code listener} on every click; returns this button. */
    public Button onClick(Runnable listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /** Clicks so far. */
    public int value() {
        return clicks.get();
    }

    /** Clicks the button: runs the listeners. */
    public void click() {
        clicks.incrementAndGet();
        for (Runnable r : listeners) {
            r.run();
        }
    }

    @Override
    protected void custom(java.util.Map<?, ?> content) {
        if ("click".equals(content.get("event"))) {
            click();
        }
    }

    @Override
    public String toString() {
        return "Button(\"" + description() + "\")";
    }
}
