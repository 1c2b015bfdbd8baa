package nnlab.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Warms the kernel JVM's compiler while the student reads: course-shaped cells ({@code compiler-warmup.jsh}) are
 * compiled in the student's own session and dropped, with nothing run and nothing sent to the student JVM
 * ({@link Evaluator#warmCompiler}).
 *
 * <p>Why: javac runs on the JIT's C1 code in the kernel JVM, and each kind of construct (a record, a lambda passed
 * to an overloaded method, a printf) is slow the first time it is compiled, while javac's own code for it is
 * interpreted and the JDK's and nnlab's classes it refers to are read. Lesson 01's cells, compiled a second time in
 * one session, took 620 ms of compiling instead of 1,050 ms ({@code bin/bench cells-trace}). Compiling in the
 * session itself, not in a second JShell, is what makes the classes it read count: JShell keeps them between cells.
 *
 * <p>When: a cell waits only after the kernel has been quiet for {@link #QUIET_MILLIS} (no cell, completion or widget
 * message; {@link Evaluator#touch}), so Run All sent the moment the kernel starts is not slowed by it. A request that
 * comes while it compiles stops it after the snippet in hand (a few to tens of milliseconds), and it waits for the
 * next quiet spell. It is for the time before the student's first cell: once a cell has run it ends, done or not
 * (the cells warm the compiler themselves, and a long cell's pause is no quiet spell). It runs once per kernel, on a
 * daemon thread; {@code NNLAB_COMPILER_WARMUP=0} turns it off.
 *
 * <pre>{@code
 * Thread t = CompilerWarmup.start(evaluator);   // null when switched off
 * }</pre>
 */
final class CompilerWarmup {
    /** How long the kernel must have had no request before a warm-up cell is compiled. */
    static final long QUIET_MILLIS = 500;
    /** The thread's name, so tests can find it. */
    static final String THREAD = "nnlab-compiler-warmup";

    private CompilerWarmup() {
    }

    /** Starts the warm-up of {@code ev} on a daemon thread unless {@code NNLAB_COMPILER_WARMUP=0}; returns it, or null. */
    static Thread start(Evaluator ev) {
        if ("0".equals(System.getenv("NNLAB_COMPILER_WARMUP"))) {
            return null;
        }
        return start(ev, cells(), QUIET_MILLIS);
    }

    /** The warm-up of {@code ev} with these cells, each after {@code quietMillis} without a request. */
    static Thread start(Evaluator ev, List<String> cells, long quietMillis) {
        Thread t = new Thread(() -> run(ev, cells, quietMillis), THREAD);
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
        return t;
    }

    private static void run(Evaluator ev, List<String> cells, long quietMillis) {
        try {
            int i = 0;
            while (i < cells.size() && ev.cellsRun() == 0) {
                long quiet = ev.quietMillis();
                if (quiet < quietMillis) {
                    Thread.sleep(quietMillis - quiet);
                    continue;
                }
                if (ev.warmCompiler(cells.get(i), quietMillis) || ev.quietMillis() >= quietMillis) {
                    i++;    // done, or failed by itself: a cell stopped by a request is compiled again later
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // the session closed or died: the warm-up is only ever an optimisation
        }
    }

    /** The warm-up cells: {@code compiler-warmup.jsh}, cut at its {@code //--} lines, its header comment left out. */
    static List<String> cells() {
        String text;
        try (InputStream in = CompilerWarmup.class.getResourceAsStream("compiler-warmup.jsh")) {
            if (in == null) {
                return List.of();
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean header = true;
        for (String line : text.split("\n", -1)) {
            if (header && line.startsWith("//")) {
                continue;
            }
            header = false;
            if (line.equals("//--")) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(line).append('\n');
            }
        }
        if (!cell.toString().isBlank()) {
            cells.add(cell.toString());
        }
        return cells;
    }
}
