package nnlab.widgets;

import java.util.ArrayList;
import java.util.List;

/**
 * A drop-down list of options (ipywidgets' {@code Dropdown}); the page shows each option's {@code toString()}.
 *
 * <p>The options must not be empty, and the value must be one of them.
 *
 * <pre>{@code
 * Dropdown<String> act = new Dropdown<>("activation", List.of("tanh", "relu", "sigmoid"), "tanh");
 * act.setValue("relu");
 * String a = act.value();   // "relu"
 * }</pre>
 *
 * @param <T> the options' type
 */
public class Dropdown<T> extends ValueWidget<T> {
    private final List<T> options;

    /** A list labelled {@code description} of {@code options}, {@code value} selected. */
    public Dropdown(String description, List<T> options, T value) {
        super("DropdownModel", "DropdownView", "DescriptionStyleModel", description);
        if (options == null || options.isEmpty()) {
            throw new IllegalArgumentException(who() + ": needs at least one option");
        }
        this.options = List.copyOf(options);
        List<String> labels = new ArrayList<>();
        for (T o : this.options) {
            labels.add(String.valueOf(o));
        }
        state.put("_options_labels", labels);
        check(value);
        state.put("index", this.options.indexOf(value));
    }

    /** The options, in order. */
    public List<T> options() {
        return options;
    }

    @Override
    protected String key() {
        return "index";
    }

    @Override
    protected void check(T v) {
        if (!options.contains(v)) {
            throw new IllegalArgumentException(who() + ": " + v + " is not " + expected());
        }
    }

    @Override
    protected Object toJson(T v) {
        return options.indexOf(v);
    }

    @Override
    protected T fromJson(Object json) {
        int i = (int) Ranges.number(json);
        if (i < 0 || i >= options.size()) {
            throw new IllegalArgumentException("no option number " + i);
        }
        return options.get(i);
    }

    @Override
    protected String expected() {
        return "one of " + options;
    }

    @Override
    public String toString() {
        return "Dropdown(description=\"" + description() + "\", value=" + value() + ", options=" + options + ")";
    }
}
