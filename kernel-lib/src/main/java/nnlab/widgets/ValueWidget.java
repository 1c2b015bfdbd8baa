package nnlab.widgets;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A control with a value: {@link #value()}, {@link #setValue} (the browser follows) and
 * {@link #onChange} listeners, which run when the value changes, in the notebook or in code.
 *
 * <p>A value from the notebook is checked as {@code setValue} checks it; a bad one is refused with a
 * message naming the control, and the value stays as it was.
 *
 * <pre>{@code
 * IntSlider steps = new IntSlider("steps", 1, 50, 1, 20);
 * steps.onChange(v -> System.out.println("steps = " + v));
 * steps.setValue(30);    // prints "steps = 30"; the slider in the page moves
 * }</pre>
 *
 * @param <T> the value's type
 */
public abstract class ValueWidget<T> extends Control {
    private final List<Consumer<? super T>> listeners = new CopyOnWriteArrayList<>();

    protected ValueWidget(String model, String view, String styleModel, String description) {
        super(model, view, styleModel, description);
    }

    /** The current value. */
    public T value() {
        return fromJson(state().get(key()));
    }

    /** Sets the value (checked first), sends it to the notebook and runs the listeners if it changed. */
    public void setValue(T v) {
        check(v);
        T old = value();
        sync(Map.of(key(), toJson(v)));
        if (!Objects.equals(old, v)) {
            fire(v);
        }
    }

    /** Runs {@code listener} with the new value on every change; returns this control. */
    public ValueWidget<T> onChange(Consumer<? super T> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    @Override
    protected void fromNotebook(Map<String, Object> changes) {
        if (!changes.containsKey(key())) {
            super.fromNotebook(changes);
            return;
        }
        T v;
        try {
            v = fromJson(changes.get(key()));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(who() + ": the notebook sent " + key() + " " + changes.get(key())
                    + ", which is not " + expected(), e);
        }
        check(v);
        T old = value();
        super.fromNotebook(changes);
        if (!Objects.equals(old, v)) {
            fire(v);
        }
    }

    private void fire(T v) {
        for (Consumer<? super T> l : listeners) {
            l.accept(v);
        }
    }

    /** The state key holding the value ("value"; a dropdown's is "index"). */
    protected String key() {
        return "value";
    }

    /** Refuses a value this control cannot take, naming the control and what it accepts. */
    protected abstract void check(T v);

    /** The value as the state holds it. */
    protected abstract Object toJson(T v);

    /** The value from the state's JSON. */
    protected abstract T fromJson(Object json);

    /** What a value must be, for messages: "a number", "one of [a, b]". */
    protected abstract String expected();
}
