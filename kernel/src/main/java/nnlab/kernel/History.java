package nnlab.kernel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The cells this kernel ran, for Jupyter's {@code history_request}: the last {@code n} ({@code tail}),
 * execution numbers {@code [start, stop)} ({@code range}), or inputs matching a glob ({@code search},
 * {@code *} any text, {@code ?} one character, as IPython's). Kept in memory for the kernel process,
 * which is history session {@link #SESSION}; earlier sessions are not kept.
 *
 * <pre>{@code
 * History h = new History();
 * h.add(1, "6 * 7", "42");
 * h.tail(10);               // [Entry[number=1, input=6 * 7, output=42]]
 * h.search("6 *", 0, true); // inputs starting "6 ", newest last
 * }</pre>
 */
final class History {
    /** The number of this kernel process's history session (the only one kept). */
    static final int SESSION = 1;

    /** One executed cell: its execution number, code and the text of its result ("" if none). */
    record Entry(int number, String input, String output) {
    }

    private final List<Entry> entries = new ArrayList<>();

    /** Records a cell run with {@code store_history}. */
    synchronized void add(int number, String input, String output) {
        entries.add(new Entry(number, input, output == null ? "" : output));
    }

    /** The last {@code n} cells, oldest first ({@code n <= 0}: none). */
    synchronized List<Entry> tail(int n) {
        return n <= 0 ? List.of() : List.copyOf(entries.subList(Math.max(0, entries.size() - n), entries.size()));
    }

    /**
     * Cells numbered {@code start <= number < stop} of {@code session} (0 or {@link #SESSION}: this one;
     * earlier ones are not kept); {@code stop <= 0} means to the end.
     */
    synchronized List<Entry> range(int session, int start, int stop) {
        if (session != 0 && session != SESSION) {
            return List.of();
        }
        return entries.stream().filter(e -> e.number() >= start && (stop <= 0 || e.number() < stop)).toList();
    }

    /** The last {@code n} ({@code <= 0}: all) inputs matching the glob {@code pattern}; with {@code unique} each input once, at its latest. */
    synchronized List<Entry> search(String pattern, int n, boolean unique) {
        Pattern glob = glob(pattern == null || pattern.isEmpty() ? "*" : pattern);
        List<Entry> found = entries.stream().filter(e -> glob.matcher(e.input()).matches()).toList();
        if (unique) {
            Map<String, Entry> latest = new LinkedHashMap<>();
            for (Entry e : found) {
                latest.remove(e.input());
                latest.put(e.input(), e);
            }
            found = List.copyOf(latest.values());
        }
        return n <= 0 ? found : found.subList(Math.max(0, found.size() - n), found.size());
    }

    /** A glob ({@code *}, {@code ?}) as a regular expression over the whole input. */
    static Pattern glob(String glob) {
        StringBuilder re = new StringBuilder();
        for (char c : glob.toCharArray()) {
            re.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL);
    }
}
