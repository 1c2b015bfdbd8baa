package nnlab.kernel.agent;

import java.util.List;
import java.util.function.DoubleBinaryOperator;
import java.util.stream.IntStream;

import nnlab.plot.Plots;

/**
 * Loads, on a background thread of the student JVM, what a notebook's first cells would otherwise
 * load on the student's time: the JVM's lambda, string-concatenation and record bootstraps, and the
 * whole chart path (nnlab's plots, XChart, Java2D's headless toolkit, the PNG writer).
 *
 * <p>Measured on lesson 01 (`bin/bench cells`): the first lambda in a cell cost 0.2–0.3 s and the
 * first chart about 1 s, once per session. The thread starts when the session does
 * ({@link Agent#install()}), while the student reads the first cell, at the lowest priority. It
 * defines nothing the student's code can see (no snippets, no fields), prints nothing and
 * publishes nothing: the chart is rendered and the bytes dropped. A cell sent at once does not wait
 * for it: they share only the JVM's class loading, which the cell would have to do anyway.
 *
 * <p>Off with {@code -Dnnlab.warmup=false}, and in text-only sessions ({@code -Dnnlab.render=text},
 * the grader's), which draw no PNGs and run one short-lived JVM per submission.
 * {@code -Dnnlab.warmup.delayMillis=N} makes it wait N ms first: the tests use it to show that a
 * cell does not wait for the warm-up. {@code -Dnnlab.warmup.rounds=N} draws N charts instead of {@value #ROUNDS}, and
 * {@code -Dnnlab.warmup.collect=false} leaves out the collection at its end (both through {@code NNLAB_JAVA_OPTS}, for
 * measuring).
 */
final class Warmup {
    /** The thread's name, so tests can find it. */
    static final String THREAD = "nnlab-warmup";

    private Warmup() {
    }

    /** Starts the warm-up thread unless it is switched off; returns it, or null. */
    static Thread start() {
        if ("false".equals(System.getProperty("nnlab.warmup")) || Render.textOnly()) {
            return null;
        }
        synchronized (IDLE) {
            done = 0;
            collected = false;
            cellsBegan = false;
            watching = true;       // from now on, code starting to run is the student's (the install's own run began before)
        }
        Thread t = new Thread(Warmup::run, THREAD);
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
        return t;
    }

    private record Point(double x, double y) {
    }

    /**
     * Charts drawn. The first one loads the classes; the JIT compiles the drawing code (contour lines, Java2D's
     * antialiased rasterizer, text, the PNG writer) only after a few more. Measured with lesson 01's chart, a contour
     * map with a path beside a curve (940x313): 300-400 ms the first time, about 110 ms the second and 55-65 ms
     * from the fourth on, in the student JVM's JIT settings ({@link nnlab.kernel.Session}'s C2_LATER). Lesson 01
     * draws seven such charts, so without this the student's own charts paid for the JIT's learning.
     */
    static final int ROUNDS = 6;

    /** How many warm-up charts have been drawn so far. */
    static volatile int done;

    /** True once the warm-up has ended with its collection. */
    static volatile boolean collected;

    /** What the last warm-up threw (null if nothing): it never reaches the student, so tests read it here. */
    static volatile Throwable failure;

    private static final Object IDLE = new Object();
    private static boolean cellRunning;
    private static boolean watching;
    /**
     * True once the student's code has started to run. The warm-up is for the time before the first cell: after it,
     * no further chart and no collection. Lesson 04's Run All sent at once, with the charts drawn in its pauses of
     * half a second, took 8.6-10.0 s instead of 8.0-8.9 s (student JVM CPU 11-14 s instead of 10-11.6 s).
     */
    private static volatile boolean cellsBegan;
    private static long lastCommand = System.nanoTime();

    /** How long the kernel must have sent nothing before the warm-up draws another chart. */
    static final long QUIET_MILLIS = 500;

    /**
     * How long the kernel must have sent nothing before the warm-up's collection, which shrinks the heap. It comes
     * only before the student's first cell: a Run All of lesson 04 (training networks) during which it came took
     * 9.8-11.0 s instead of 8.1-8.6 s, its cells growing the heap again.
     */
    static final long COLLECT_QUIET_MILLIS = QUIET_MILLIS;

    /**
     * Called on every command from the kernel ({@link RemoteAgent}: a class to load, a snippet to run) and as the
     * student's code starts and stops running. The first chart is drawn at once; each further one waits until no
     * cell runs and the kernel has been quiet for {@link #QUIET_MILLIS}, that is, until the student is reading.
     * Drawn while Run All went on, they shared two cores with the kernel's compiler and the cells: lesson 01's
     * Run All sent at once took 3.4 s instead of 2.7 s.
     */
    static void activity(boolean running) {
        synchronized (IDLE) {
            if (running && watching) {
                cellsBegan = true;
            }
            cellRunning = running;
            lastCommand = System.nanoTime();
            IDLE.notifyAll();
        }
    }

    /** A command from the kernel that runs no student code (a class to load). */
    static void command() {
        synchronized (IDLE) {
            lastCommand = System.nanoTime();
        }
    }

    private static void awaitQuiet(long millis) throws InterruptedException {
        synchronized (IDLE) {
            while (true) {
                long quiet = (System.nanoTime() - lastCommand) / 1_000_000;
                if (cellRunning) {
                    IDLE.wait();
                } else if (quiet < millis) {
                    IDLE.wait(millis - quiet);
                } else {
                    return;
                }
            }
        }
    }

    private static void run() {
        try {
            Thread.sleep(Long.getLong("nnlab.warmup.delayMillis", 0));
            DoubleBinaryOperator f = (x, y) -> x * x + y * y + Math.cos(3 * x);     // LambdaMetafactory
            Point p = new Point(1, f.applyAsDouble(1, 2));
            String text = "f = " + p.y() + " at " + p + String.format(" %.4f", p.x()); // StringConcatFactory, ObjectMethods
            double[] xs = IntStream.range(0, 20).mapToDouble(i -> i).toArray();
            int rounds = Integer.getInteger("nnlab.warmup.rounds", ROUNDS);
            for (int i = 0; i < rounds; i++) {
                if (i > 0) {
                    awaitQuiet(QUIET_MILLIS);
                    if (cellsBegan) {
                        return;
                    }
                }
                var map = Plots.contour(f, -5, 5, -5, 5, 20);
                Plots.path(map, xs, xs);
                map.setTitle(text);
                var curve = Plots.line(xs, xs, text);
                Render.bundle(Plots.grid(1, 2, List.of(map, curve)));               // renders and encodes a PNG
                done = i + 1;
            }
            // The warm-up's charts and the session's start left a heap grown to a few hundred MB of garbage, which
            // G1 keeps until it collects: one full collection, still while the student reads, returns it to the
            // system (the idle session: 400 -> 110 MB, bin/bench kernel). Later idle spells are Session's
            // G1PeriodicGCInterval's. The price: the first cells run in a small heap that grows again, with more
            // young collections; with the heap kept at 256 MB (-Xms256m) lesson 01's Run All five seconds after
            // the start took 1.17-1.20 s instead of 1.31-1.49 s, and the idle session held about 100 MB more.
            // -Dnnlab.warmup.collect=false leaves the heap as it is until the periodic collection.
            if (!"false".equals(System.getProperty("nnlab.warmup.collect"))) {
                awaitQuiet(COLLECT_QUIET_MILLIS);
                if (cellsBegan) {
                    return;      // the session is in use: its idle spells are the periodic collection's
                }
                System.gc();
                collected = true;
            }
        } catch (Throwable e) {
            // A warm-up that fails costs only the time it took: the cell that needs the same thing
            // meets the same error itself, with the student's stack trace.
            failure = e;
        }
    }
}
