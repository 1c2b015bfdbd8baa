package nnlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import nnlab.display.Display;
import org.junit.jupiter.api.Test;

class ProgressTest {
    /** A clock the test moves: each epoch takes 0.5 s. */
    private long now;

    private Progress progress(int epochs, int every) {
        return new Progress(epochs, every, () -> now, "train loss", "test acc");
    }

    private void run(Progress p, int from, int to) {
        for (int e = from; e <= to; e++) {
            now += 500_000_000L;
            p.update(e, 1.0 / e, 0.9 + e / 1000.0);
        }
    }

    @Test
    void theLineShowsEpochBarValuesAndTimeLeft() {
        Progress p = progress(100, 10);
        run(p, 1, 25);
        assertEquals("epoch  25/100 [#####...............]  25%  train loss 0.0400  test acc 0.9250  12.0 s, "
                + "about 36.0 s left", p.line(), "24 epochs after the first in 12 s: 0.5 s each, 75 to go");
        run(p, 26, 100);
        assertEquals("epoch 100/100 [####################] 100%  49.5 s", p.line(),
                "done: the values are in the table's last row, no time left");
    }

    @Test
    void theTableHoldsEveryNthEpochAndTheLast() {
        Progress p = progress(25, 10);
        run(p, 1, 25);
        String[] lines = p.toString().split("\n");
        assertEquals("epoch  train loss  test acc", lines[0]);
        assertEquals("   10      0.1000    0.9100", lines[1]);
        assertEquals("   20      0.0500    0.9200", lines[2]);
        assertEquals("   25      0.0400    0.9250", lines[3], "the last epoch always has a row");
        assertTrue(lines[4].startsWith("epoch 25/25 "), lines[4]);
        assertEquals(5, lines.length);
        assertEquals("epoch 0/100", new Progress(100, "loss").toString(), "before any epoch: just the count");
        Progress byDefault = new Progress(100, "loss");
        for (int e = 1; e <= 100; e++) {
            try (var quiet = Progress.silence()) {
                byDefault.update(e, 1);
            }
        }
        assertEquals(1 + 10 + 1, byDefault.toString().split("\n").length, "ceil(100 / 10) = every 10th: ten rows");
    }

    @Test
    void withoutANotebookRowsArePrintedAsTheyComeAndTheLineAtTheEnd() {
        String out = printed(() -> run(progress(4, 2), 1, 4));
        String[] lines = out.split("\n");
        assertEquals(4, lines.length, out);
        assertEquals("epoch  train loss  test acc", lines[0]);
        assertTrue(lines[1].startsWith("    2 ") && lines[2].startsWith("    4 "), out);
        assertTrue(lines[3].startsWith("epoch 4/4 [####################] 100%"), lines[3]);
        assertEquals("", printed(() -> {
            try (var quiet = Progress.silence()) {
                run(progress(4, 1), 1, 4);
            }
        }), "silenced: nothing");
    }

    @Test
    void earlyStoppingEndsTheTableWithTheReason() {
        Progress p = progress(100, 10);
        String out = printed(() -> {
            run(p, 1, 13);
            p.stop("early stopping at epoch 13");
        });
        assertTrue(out.contains("\n   13      0.0769    0.9130\n"), out);
        assertTrue(out.trim().endsWith("; stopped: early stopping at epoch 13"), out);
    }

    @Test
    void inANotebookOneOutputIsRedrawnInPlaceAtMostFiveTimesASecond() {
        List<String> calls = new ArrayList<>();
        Display.setBackend(new Display.Backend() {
            @Override
            public String display(Object value) {
                calls.add("display");
                return "id-1";
            }

            @Override
            public void update(String id, Object value) {
                calls.add("update " + id + ": " + value.toString().lines().count() + " lines");
            }
        });
        try {
            Progress p = new Progress(40, 20, () -> now, "loss");
            for (int e = 1; e <= 40; e++) {
                now += 50_000_000L;                                  // 0.05 s per epoch
                p.update(e, 1);
            }
            assertEquals("display", calls.get(0));
            assertEquals(11, calls.size(), "one display at epoch 1, then updates every 0.2 s (epochs 5, 9, 13, 17, 24, ...)"
                    + " and at the rows of epochs 20 and 40, not 40 outputs: " + calls);
            assertEquals("update id-1: 4 lines", calls.get(calls.size() - 1), "header, rows 20 and 40, the line");
            assertTrue(p.toHtml().startsWith("<pre class=\"nnlab-progress\""), p.toHtml());
        } finally {
            Display.setBackend(null);
        }
    }

    @Test
    void badArgumentsAreNamed() {
        assertEquals("Progress: epochs must be >= 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> new Progress(0, "loss")).getMessage());
        assertEquals("Progress: name at least one value to report, e.g. \"train loss\"",
                assertThrows(IllegalArgumentException.class, () -> new Progress(5)).getMessage());
        assertEquals("Progress: every must be >= 0 (0: only the last epoch), got -1",
                assertThrows(IllegalArgumentException.class, () -> new Progress(5, -1, "loss")).getMessage());
        Progress p = progress(5, 1);
        assertEquals("Progress.update: expected 2 values [train loss, test acc], got 1",
                assertThrows(IllegalArgumentException.class, () -> p.update(1, 0.5)).getMessage());
        assertEquals("Progress.update: epoch must be in 1..5, got 6",
                assertThrows(IllegalArgumentException.class, () -> p.update(6, 0.5, 0.5)).getMessage());
    }

    private static String printed(Runnable work) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            work.run();
        } finally {
            System.setOut(old);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }
}
