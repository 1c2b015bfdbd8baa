package nnlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nnlab.kernel.agent.Frame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RemoteStreamTest {
    final StringBuilder text = new StringBuilder();
    final List<Frame> frames = new ArrayList<>();
    final StringBuilder problems = new StringBuilder();
    final RemoteStream stream = new RemoteStream(text::append, frames::add, problems::append);

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
        assertEquals(new Frame(Frame.Kind.DISPLAY, "7", Map.of()), frames.get(0));
    }

    @ParameterizedTest
    @EnumSource(Frame.Kind.class)
    void whatTheAgentEncodesTheKernelDecodes(Frame.Kind kind) {
        Frame sent = new Frame(kind, kind == Frame.Kind.RESULT ? null : "id-1",
                Map.of("text/plain", "a \"quoted\"\nline\u0002", "image/png", "iVBOR"));
        feed(("x" + sent.encode() + "y").getBytes(StandardCharsets.UTF_8), 4);
        assertEquals(List.of(sent), frames);
        assertEquals("xy", text.toString());
        assertEquals("", problems.toString());
    }

    @Test
    void anUnknownKindIsReportedNotShown() {
        feed("a\u0001NNLAB{\"kind\":\"popup\",\"id\":null,\"data\":{}}\u0004b".getBytes(StandardCharsets.UTF_8));
        assertEquals("ab", text.toString());
        assertEquals(List.of(), frames);
        assertEquals("nnlab kernel: dropped a display message from the notebook's Java process:"
                + " unknown frame kind 'popup' (expected display, update, result, comm or clear)\n", problems.toString());
        assertThrows(IllegalArgumentException.class, () -> Frame.Kind.of("popup"));
    }

    @Test
    void brokenJsonIsReportedAndLaterFramesStillArrive() {
        feed(("\u0001NNLAB{\"kind\":\u0004" + new Frame(Frame.Kind.UPDATE, "9", Map.of()).encode())
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(1, frames.size());
        assertEquals(Frame.Kind.UPDATE, frames.get(0).kind());
        assertTrue(problems.toString().startsWith("nnlab kernel: dropped a display message"), problems.toString());
    }

    @Test
    void multiByteCharactersSplitAcrossWritesStayWhole() {
        byte[] b = "α→β".getBytes(StandardCharsets.UTF_8);
        feed(b, 1, 3, 4);
        assertEquals("α→β", text.toString());
    }

    @Test
    void aStrayControlCharacterIsText() {
        feed("a\u0001b\u0001NNLAB{\"kind\":\"display\",\"id\":null}\u0004c".getBytes(StandardCharsets.UTF_8), 2);
        assertEquals("a\u0001bc", text.toString());
        assertEquals(1, frames.size());
    }
}
