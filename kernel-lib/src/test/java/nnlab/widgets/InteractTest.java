package nnlab.widgets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nnlab.display.Display;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** interact and Output: re-runs on change, the result replaces the old output, errors and prints land in the output. */
class InteractTest {
    @RegisterExtension
    final FakeNotebook notebook = new FakeNotebook();
    final List<FakeNotebook.Sent> sent = notebook.sent;
    final List<Object> shownInCell = notebook.shown;

    /** Widgets.interact, and the Output of the panel it showed. */
    Output interact(Runnable callback, Widget... controls) {
        Widgets.interact(callback, controls);
        return shownOutput();
    }

    Output interact(java.util.function.Supplier<?> callback, Widget... controls) {
        Widgets.interact(callback, controls);
        return shownOutput();
    }

    /** The Output at the end of the panel shown last. */
    Output shownOutput() {
        List<Widget> children = ((VBox) shownInCell.get(shownInCell.size() - 1)).children();
        return (Output) children.get(children.size() - 1);
    }

    static List<Object> texts(Output out) {
        List<Object> t = new ArrayList<>();
        for (Map<String, Object> o : out.outputs()) {
            t.add(o.containsKey("data") ? ((Map<?, ?>) o.get("data")).get("text/plain")
                    : o.containsKey("text") ? o.get("text") : o.get("ename") + ": " + o.get("evalue"));
        }
        return t;
    }

    @Test
    void interactShowsTheControlsAndAnOutputAndRedrawsOnEveryChange() {
        FloatSlider lr = new FloatSlider("lr", 0.01, 0.5, 0.01, 0.1);
        IntSlider steps = new IntSlider("steps", 1, 50, 1, 20);
        Output out = interact(() -> "path(" + lr.value() + ", " + steps.value() + ")", lr, steps);
        assertEquals(1, shownInCell.size());
        VBox box = (VBox) shownInCell.get(0);
        assertEquals(List.of(lr, steps, out), box.children());
        assertEquals("OutputModel", out.state().get("_model_name"));
        assertEquals("@jupyter-widgets/output", out.state().get("_model_module"));
        assertEquals(List.of("rendered path(0.1, 20)"), texts(out));

        Comms.deliver(lr.id(), "msg", "{\"method\":\"update\",\"state\":{\"value\":0.25}}");
        assertEquals(List.of("rendered path(0.25, 20)"), texts(out), "the new result replaces the old one");
        steps.setValue(5);
        assertEquals(List.of("rendered path(0.25, 5)"), texts(out));
        FakeNotebook.Sent update = sent.get(sent.size() - 1);
        assertEquals(out.id(), update.id());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> synced = (List<Map<String, Object>>) update.state().get("outputs");
        assertEquals("display_data", synced.get(0).get("output_type"));
        assertEquals(Map.of("text/plain", "rendered path(0.25, 5)"), synced.get(0).get("data"));
    }

    @Test
    void anExceptionInTheCallbackIsShownInTheOutputAndTheNextChangeRunsAgain() {
        IntSlider n = new IntSlider("n", 0, 10, 1, 1);
        Output out = interact(() -> {
            System.out.println("n is " + n.value());
            if (n.value() == 0) {
                throw new ArithmeticException("/ by zero");
            }
        }, n);
        assertEquals(List.of("n is 1\n"), texts(out));
        Comms.deliver(n.id(), "msg", "{\"method\":\"update\",\"state\":{\"value\":0}}");
        assertEquals(List.of("n is 0\n", "java.lang.ArithmeticException: / by zero"), texts(out));
        assertEquals("java.lang.ArithmeticException: / by zero", ((List<?>) out.outputs().get(1).get("traceback")).get(0));
        n.setValue(3);
        assertEquals(List.of("n is 3\n"), texts(out));
    }

    @Test
    void aCallbackThatShowsNothingClearsTheOldOutputAndUpdatesReplaceInPlace() {
        Checkbox on = new Checkbox("on", true);
        Output out = interact(() -> {
            if (on.value()) {
                String id = Display.display("first");
                Display.update(id, "second");
            }
        }, on);
        assertEquals(List.of("rendered second"), texts(out));
        on.setValue(false);
        assertEquals(List.of(), texts(out));
    }

    @Test
    void theStopOfTheNotebookIsNotedAndThrownOn() {
        Output out = new Output();
        class StopExecutionException extends RuntimeException {
        }
        assertThrows(StopExecutionException.class, () -> out.capture(() -> {
            throw new StopExecutionException();
        }));
        assertEquals(List.of("Interrupted: the callback was stopped (the notebook's stop button or the time limit)"), texts(out));
    }

    @Test
    void interactiveReturnsThePanelUnshown() {
        IntSlider k = new IntSlider("k", 0, 3, 1, 1);
        VBox box = Widgets.interactive(() -> k.value() + 1, k);
        assertEquals(List.of(), shownInCell, "not shown");
        assertEquals(List.of("rendered 2"), texts((Output) box.children().get(1)));
    }

    @Test
    void interactNeedsAControlAndAButtonReRunsIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Widgets.interact(() -> 1));
        assertEquals("Widgets.interact: give at least one control, e.g. new FloatSlider(...)", e.getMessage());
        int[] runs = {0};
        Button again = new Button("again");
        Output out = interact(() -> ++runs[0], again);
        again.click();
        assertEquals(2, runs[0]);
        assertEquals(List.of("rendered 2"), texts(out));
        assertTrue(out.toString().contains("rendered 2"), out.toString());
    }
}
