package nnlab.kernel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a cell's time goes in the kernel JVM, written as one JSON line per cell when {@code NNLAB_TRACE=FILE} is set.
 *
 * <p>Off (the default) it costs a field read per span. On, every {@link #span} adds its <em>exclusive</em>
 * time (its own, less the spans inside it) to its phase: {@code analyze} (JShell's completeness analysis),
 * {@code compile} (JShell's {@code eval} less the calls into the student JVM: parsing, wrapping, javac),
 * {@code imports} ({@link ImportPrecedence}), {@code render} (the compile of the value's rendering call), and
 * {@code jvm.load}, {@code jvm.redefine}, {@code jvm.invoke}, {@code jvm.varValue} (round trips to the student
 * JVM, its class loading and the student's code included). Counted events ({@link #count}: frames, text
 * chunks) come along. {@code bin/bench cells-trace} prints it beside each cell.
 *
 * <pre>{@code
 * try (var s = Trace.span("analyze")) { sca.analyzeCompletion(rest); }
 * Trace.cell(3, t0);   // {"cell":3,"ms":41.2,"analyze":[1.3,2],...}
 * }</pre>
 */
final class Trace {
    private static final String FILE = System.getenv("NNLAB_TRACE");
    /** True when tracing was asked for. */
    static final boolean ON = FILE != null && !FILE.isBlank();
    private static final Span OFF = new Span(null, 0);
    private static final Map<String, double[]> phases = new LinkedHashMap<>();
    private static final ThreadLocal<Deque<Span>> open = ThreadLocal.withInitial(ArrayDeque::new);

    private Trace() {
    }

    /** A timed stretch of phase {@code name}; close it (try-with-resources). */
    static Span span(String name) {
        if (!ON) {
            return OFF;
        }
        Span s = new Span(name, System.nanoTime());
        open.get().push(s);
        return s;
    }

    /** Counts one event of {@code name} (a frame, a text chunk) in the current cell. */
    static void count(String name) {
        if (ON) {
            add(name, 0);
        }
    }

    /** Writes the cell's line (number, wall time since {@code t0} from {@link System#nanoTime}, phases) and starts afresh. */
    static void cell(int number, long t0) {
        if (!ON) {
            return;
        }
        StringBuilder line = new StringBuilder("{\"cell\":").append(number)
                .append(",\"ms\":").append(ms(System.nanoTime() - t0));
        synchronized (phases) {
            phases.forEach((name, v) -> line.append(",\"").append(name).append("\":[").append(ms((long) v[0]))
                    .append(',').append((long) v[1]).append(']'));
            phases.clear();
        }
        try {
            Files.writeString(Path.of(FILE), line.append("}\n"), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.err.println("nnlab kernel: cannot write the trace to " + FILE + ": " + e.getMessage());
        }
    }

    /** Forgets the phases gathered since the last cell (the compiler's warm-up between cells is no cell's time). */
    static void discard() {
        if (ON) {
            synchronized (phases) {
                phases.clear();
            }
        }
    }

    private static String ms(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.1f", nanos / 1e6);
    }

    private static void add(String name, long nanos) {
        synchronized (phases) {
            double[] v = phases.computeIfAbsent(name, k -> new double[2]);
            v[0] += nanos;
            v[1]++;
        }
    }

    /** One timed stretch; its time, less that of the spans closed inside it, goes to its phase. */
    static final class Span implements AutoCloseable {
        private final String name;
        private final long start;
        private long inner;

        private Span(String name, long start) {
            this.name = name;
            this.start = start;
        }

        @Override
        public void close() {
            if (name == null) {
                return;
            }
            long took = System.nanoTime() - start;
            Deque<Span> stack = open.get();
            stack.remove(this);
            Span parent = stack.peek();
            if (parent != null) {
                parent.inner += took;
            }
            add(name, took - inner);
        }
    }
}
