package nnlab.widgets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nnlab.display.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The widget state protocol against a recording transport: open, update both ways, request_state, click, bad input. */
class WidgetsTest {
    @RegisterExtension
    final FakeNotebook notebook = new FakeNotebook();
    final List<FakeNotebook.Sent> sent = notebook.sent;

    @Test
    void showingASliderOpensLayoutStyleAndSliderWithIpywidgetsModelNames() {
        FloatSlider s = new FloatSlider("step size", 0.01, 0.5, 0.01, 0.1);
        assertTrue(sent.isEmpty(), "nothing is sent before the slider is shown");
        Map<String, String> bundle = s.bundle();
        assertEquals(3, sent.size());
        assertEquals("LayoutModel", sent.get(0).state().get("_model_name"));
        assertEquals("@jupyter-widgets/base", sent.get(0).state().get("_model_module"));
        assertEquals("SliderStyleModel", sent.get(1).state().get("_model_name"));
        FakeNotebook.Sent open = sent.get(2);
        assertEquals("open", open.method());
        assertEquals("jupyter.widget", open.target());
        assertEquals(s.id(), open.id());
        Map<String, Object> st = open.state();
        assertEquals("FloatSliderModel", st.get("_model_name"));
        assertEquals("FloatSliderView", st.get("_view_name"));
        assertEquals("@jupyter-widgets/controls", st.get("_model_module"));
        assertEquals("2.0.0", st.get("_model_module_version"));
        assertEquals(0.1, st.get("value"));
        assertEquals(".2f", st.get("readout_format"));
        assertEquals("IPY_MODEL_" + sent.get(0).id(), st.get("layout"));
        assertEquals("IPY_MODEL_" + sent.get(1).id(), st.get("style"));
        assertEquals(List.of(), open.data().get("buffer_paths"));
        assertEquals(Map.of("model_id", s.id(), "version_major", 2L, "version_minor", 0L),
                Json.parseObject(bundle.get("application/vnd.jupyter.widget-view+json")));
        assertEquals("FloatSlider(description=\"step size\", value=0.1, min=0.01, max=0.5, step=0.01)", bundle.get("text/plain"));
        s.bundle();
        assertEquals(3, sent.size(), "a second display opens nothing new");
    }

    @Test
    void anUpdateFromTheNotebookChangesTheValueAndRunsListenersSetValueSendsOne() {
        IntSlider steps = new IntSlider("steps", 1, 50, 1, 20);
        steps.bundle();
        List<Integer> seen = new ArrayList<>();
        steps.onChange(seen::add);
        Comms.deliver(steps.id(), "msg", "{\"method\":\"update\",\"state\":{\"value\":30},\"buffer_paths\":[]}");
        assertEquals(30, steps.value());
        assertEquals(List.of(30), seen);
        int before = sent.size();
        steps.setValue(7);
        assertEquals(before + 1, sent.size());
        assertEquals(Map.of("value", 7L), notebook.last(steps.id()).state());
        assertEquals(List.of(30, 7), seen);
        steps.setValue(7);
        assertEquals(List.of(30, 7), seen, "no change, no listener call");
    }

    @Test
    void requestStateIsAnsweredWithTheWholeState() {
        Checkbox c = new Checkbox("decay", true);
        c.bundle();
        Comms.deliver(c.id(), "msg", "{\"method\":\"request_state\"}");
        FakeNotebook.Sent reply = notebook.last(c.id());
        assertEquals("msg", reply.method());
        assertEquals("update", reply.data().get("method"));
        assertEquals(true, reply.state().get("value"));
        assertEquals("CheckboxModel", reply.state().get("_model_name"));
    }

    @Test
    void aButtonClickRunsItsListenersAndDropdownSendsItsIndex() {
        Button b = new Button("go");
        int[] clicks = {0};
        b.onClick(() -> clicks[0]++);
        b.bundle();
        Comms.deliver(b.id(), "msg", "{\"method\":\"custom\",\"content\":{\"event\":\"click\"}}");
        assertEquals(1, clicks[0]);
        assertEquals(1, b.value());

        Dropdown<String> d = new Dropdown<>("activation", List.of("tanh", "relu"), "tanh");
        d.bundle();
        assertEquals(List.of("tanh", "relu"), notebook.last(d.id()).state().get("_options_labels"));
        assertEquals(0L, notebook.last(d.id()).state().get("index"));
        Comms.deliver(d.id(), "msg", "{\"method\":\"update\",\"state\":{\"index\":1}}");
        assertEquals("relu", d.value());
    }

    @Test
    void aBoxOpensItsChildrenFirstAndRefersToThem() {
        Label l = new Label("hi");
        FloatLogSlider lr = new FloatLogSlider("learning rate", 1e-3, 1, 0.1, 0.1);
        HBox box = new HBox(l, lr);
        box.bundle();
        FakeNotebook.Sent open = notebook.last(box.id());
        assertEquals("HBoxModel", open.state().get("_model_name"));
        assertEquals(List.of("IPY_MODEL_" + l.id(), "IPY_MODEL_" + lr.id()), open.state().get("children"));
        assertTrue(l.isOpen() && lr.isOpen());
        assertEquals(-3.0, notebook.last(lr.id()).state().get("min"));
        assertEquals("HBox(Label(\"hi\"), FloatLogSlider(description=\"learning rate\", value=0.1, min=0.001, max=1.0))", box.toString());
    }

    @Test
    void badInputNamesTheWidgetAndTheRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new FloatSlider("step size", 0.5, 0.01, 0.01, 0.1));
        assertEquals("FloatSlider \"step size\": min 0.5 is greater than max 0.01 (expected min <= max)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new IntSlider("steps", 1, 50, 1, 60));
        assertEquals("IntSlider \"steps\": value 60.0 is outside its range [1.0, 50.0]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new FloatSlider("x", 0, 1, 0, 0.5));
        assertEquals("FloatSlider \"x\": step must be a positive number, got 0.0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new FloatLogSlider("lr", 0, 1, 0.1, 0.1));
        assertEquals("FloatLogSlider \"lr\": min and max must be positive for a log scale, got min 0.0, max 1.0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Dropdown<>("act", List.of("tanh"), "relu"));
        assertEquals("Dropdown \"act\": relu is not one of [tanh]", e.getMessage());

        FloatSlider s = new FloatSlider("lr", 0.01, 0.5, 0.01, 0.1);
        e = assertThrows(IllegalArgumentException.class, () -> s.setValue(2.0));
        assertEquals("FloatSlider \"lr\": value 2.0 is outside its range [0.01, 0.5]", e.getMessage());
        s.bundle();
        e = assertThrows(IllegalArgumentException.class,
                () -> Comms.deliver(s.id(), "msg", "{\"method\":\"update\",\"state\":{\"value\":\"fast\"}}"));
        assertEquals("FloatSlider \"lr\": the notebook sent value fast, which is not a number in [0.01, 0.5]", e.getMessage());
        assertEquals(0.1, s.value(), "the value stays as it was");
        e = assertThrows(IllegalArgumentException.class, () -> Comms.deliver("nope", "msg", "{}"));
        assertTrue(e.getMessage().startsWith("no open widget has comm id 'nope' (open: "), e.getMessage());
    }

    @Test
    void withoutANotebookWidgetsAreObjectsWithATextForm() {
        Comms.setTransport(null);
        FloatSlider s = new FloatSlider("lr", 0.01, 0.5, 0.01, 0.1);
        Map<String, String> b = s.bundle();
        assertEquals(Map.of("text/plain", s.toString()), b);
        assertFalse(s.isOpen());
        s.setValue(0.3);
        assertEquals(0.3, s.value());
    }
}
