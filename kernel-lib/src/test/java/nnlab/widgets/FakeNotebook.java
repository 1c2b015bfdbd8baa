package nnlab.widgets;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nnlab.display.Display;
import nnlab.display.Json;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A notebook for widget tests: records every comm message the library sends and every object it displays.
 *
 * <p>Registered as a field, it installs its comm transport and display backend before each test and
 * removes both after it. Rendering a value gives {@code "rendered " + value}; displaying a widget opens it.
 *
 * <pre>{@code
 * @RegisterExtension final FakeNotebook notebook = new FakeNotebook();
 * new FloatSlider("lr", 0.01, 0.5, 0.01, 0.1).bundle();
 * notebook.sent.size();   // 3: its layout, its style, the slider
 * }</pre>
 */
final class FakeNotebook implements BeforeEachCallback, AfterEachCallback {
    /** One comm message the library sent. */
    record Sent(String method, String id, String target, Map<String, Object> data) {
        @SuppressWarnings("unchecked")
        Map<String, Object> state() {
            return (Map<String, Object>) data.get("state");
        }
    }

    /** The comm messages sent, oldest first. */
    final List<Sent> sent = new ArrayList<>();
    /** The objects displayed in the cell, oldest first. */
    final List<Object> shown = new ArrayList<>();

    @Override
    public void beforeEach(ExtensionContext context) {
        Comms.setTransport(new Comms.Transport() {
            @Override
            public void send(String method, String commId, String target, String json) {
                sent.add(new Sent(method, commId, target, Json.parseObject(json)));
            }

            @Override
            public Map<String, String> render(Object value) {
                return Map.of("text/plain", "rendered " + value);
            }
        });
        Display.setBackend(new Display.Backend() {
            @Override
            public String display(Object value) {
                if (value instanceof Widget w) {
                    w.bundle();
                }
                shown.add(value);
                return "d" + shown.size();
            }

            @Override
            public void update(String id, Object value) {
            }
        });
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Comms.setTransport(null);
        Display.setBackend(null);
    }

    /** The last message sent for comm {@code id}. */
    Sent last(String id) {
        for (int i = sent.size() - 1; i >= 0; i--) {
            if (sent.get(i).id().equals(id)) {
                return sent.get(i);
            }
        }
        throw new AssertionError("nothing sent for " + id);
    }
}
