package nnlab.kernel;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import jdk.jshell.JShell;
import jdk.jshell.SourceCodeAnalysis;

/**
 * Warms the compiler (javac inside JShell) while the first student JVM boots, so the session's own
 * imports and the notebook's first cells compile on warm code.
 *
 * <p>Starting a session first waits for the student JVM to start and connect (most of a second in
 * which the kernel JVM's thread idles), then compiles the start-up imports and the notebook's first
 * cells on a cold javac: class loading and the first compilations of javac's own code. This thread
 * does that work in the idle time instead, on the machine's other core: it compiles a few snippets
 * of the shapes a lesson's cells have (a method, a record with a stream, a lambda passed to a
 * generic call, a check with string concatenation) in a JShell of its own with local execution,
 * which shares nothing with any student's session. They are declarations only, so nothing runs and
 * nothing prints. It runs once per kernel JVM.
 *
 * <p>Off with {@code -Dnnlab.compilerWarmup=false} on the kernel JVM.
 */
final class CompilerWarmup {
    static final String THREAD = "nnlab-compiler-warmup";

    /** Declarations only: compiled, never run (local execution would run them in the kernel JVM). */
    private static final List<String> SNIPPETS = List.of(
            "void w$check(boolean ok, String hint) { if (!ok) { throw new AssertionError(hint); } }",
            "boolean w$done(Runnable r) { try { r.run(); return true; } catch (UnsupportedOperationException e) { return false; } }",
            "record W$Run(double x, double f, List<double[]> history) { double[] xs() { return history.stream().mapToDouble(p -> p[0]).toArray(); } }",
            "double w$f(double x, double y) { return x * x + y * y + x * (y + 2) + Math.cos(3 * x); }",
            "Object w$map() { var map = Plots.contour((x, y) -> w$f(x, y), -5, 5, -5, 5, 20); return map; }",
            "void w$loop() { double[][] points = {{3, 2}, {-1, 0.5}}; for (double[] p : points) { w$check(w$f(p[0], p[1]) > -9, \"off at \" + p[0]); } }",
            "void w$print() { List<double[]> h = new ArrayList<>(); h.add(new double[] {1, 2}); System.out.printf(\"%.4f%n\", h.get(0)[0]); }");

    private static volatile Thread started;

    private CompilerWarmup() {
    }

    /** Starts the warm-up once per JVM (later calls return the same thread); null when switched off. */
    static synchronized Thread start(List<String> classpath, List<String> imports) {
        if (started != null || "false".equals(System.getProperty("nnlab.compilerWarmup"))) {
            return started;
        }
        Thread t = new Thread(() -> run(classpath, imports), THREAD);
        t.setDaemon(true);
        t.start();
        started = t;
        return t;
    }

    /** Compiles the warm-up snippets; returns those that did not compile (empty when all did). */
    static List<String> run(List<String> classpath, List<String> imports) {
        List<String> failed = new java.util.ArrayList<>();
        PrintStream none = new PrintStream(OutputStream.nullOutputStream());
        try (JShell js = JShell.builder().executionEngine("local").out(none).err(none).build()) {
            js.addToClasspath(String.join(java.io.File.pathSeparator, classpath));
            for (String pkg : imports) {
                js.eval("import " + pkg + ".*;");
            }
            SourceCodeAnalysis analysis = js.sourceCodeAnalysis();
            for (String cell : SNIPPETS) {
                String rest = cell;
                while (!rest.isBlank()) {            // the same completeness split the kernel does per cell
                    SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
                    for (var e : js.eval(info.source() == null ? rest : info.source())) {
                        if (e.causeSnippet() == null && !e.status().isActive()) {
                            failed.add(e.snippet().source());
                        }
                    }
                    rest = info.source() == null ? "" : info.remaining();
                }
            }
            analysis.completionSuggestions("Plots.con", "Plots.con".length(), new int[1]);
        } catch (RuntimeException | Error e) {
            // A warm-up that fails costs only its time: the student's own cells meet any real problem.
            failed.add(e.toString());
        }
        return failed;
    }
}
