package nnlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RemoteStreamTest {
    final StringBuilder text = new StringBuilder();
    final List<JsonObject> frames = new ArrayList<>();
    final RemoteStream stream = new RemoteStream(text::append, frames::add);

    void feed(byte[] bytes, int... cuts) {
        int from = 0;
        for (int cut : cuts) {
            stream.write(bytes, from, cut - from);
            from = cut;
        }
        stream.write(bytes, from, bytes.length - from);
    }

    @Test
    void framesAreCutOutOfTextEvenWhenSplitAcrossWrites() {
        byte[] b = "before\u0001NNLAB{\"kind\":\"display\",\"id\":\"7\"}\u0004after".getBytes(StandardCharsets.UTF_8);
        feed(b, 3, 8, 10, 20);
        assertEquals("beforeafter", text.toString());
        assertEquals(1, frames.size());
        assertEquals("7", frames.get(0).get("id").getAsString());
    }

    @Test
    void multiByteCharactersSplitAcrossWritesStayWhole() {
        byte[] b = "α→β".getBytes(StandardCharsets.UTF_8);
        feed(b, 1, 3, 4);
        assertEquals("α→β", text.toString());
    }

    @Test
    void aStrayControlCharacterIsText() {
        feed("a\u0001b\u0001NNLAB{\"kind\":\"x\",\"id\":null}\u0004c".getBytes(StandardCharsets.UTF_8), 2);
        assertEquals("a\u0001bc", text.toString());
        assertEquals(1, frames.size());
    }
}
