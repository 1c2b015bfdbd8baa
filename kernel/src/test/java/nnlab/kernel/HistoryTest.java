package nnlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** history_request's tail, range and search over the cells of this kernel process. */
class HistoryTest {
    private static List<Integer> numbers(List<History.Entry> entries) {
        return entries.stream().map(History.Entry::number).toList();
    }

    private static History three() {
        History h = new History();
        h.add(1, "6 * 7", "42");
        h.add(2, "int x = 3;", null);
        h.add(3, "6 * 7", "42");
        return h;
    }

    @Test
    void tailRangeAndSearch() {
        History h = three();
        assertEquals(List.of(2, 3), numbers(h.tail(2)));
        assertEquals(List.of(1, 2, 3), numbers(h.tail(10)));
        assertEquals(List.of(), h.tail(0));
        assertEquals(new History.Entry(2, "int x = 3;", ""), h.tail(2).get(0));
        assertEquals(List.of(2), numbers(h.range(History.SESSION, 2, 3)));
        assertEquals(List.of(2, 3), numbers(h.range(0, 2, 0)), "stop 0: to the end of the current session");
        assertEquals(List.of(), h.range(7, 1, 3), "earlier sessions are not kept");
        assertEquals(List.of(1, 3), numbers(h.search("6 * 7", 0, false)));
        assertEquals(List.of(3), numbers(h.search("6 * 7", 0, true)), "unique: each input once, at its latest");
        assertEquals(List.of(3), numbers(h.search("6*", 1, false)));
        assertEquals(List.of(2), numbers(h.search("int ?*", 0, false)));
        assertEquals(List.of(), h.search("x", 0, false), "a glob matches the whole input");
        assertEquals(List.of(1, 2, 3), numbers(h.search("", 0, false)));
    }
}
