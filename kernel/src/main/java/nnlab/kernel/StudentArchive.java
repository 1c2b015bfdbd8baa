package nnlab.kernel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes the student JVM's class-data-sharing archive: {@code java -cp <kernel classpath> nnlab.kernel.StudentArchive FILE}.
 *
 * <p>A notebook's first cells load about 1,100 classes the JDK's own archive does not hold (AWT's headless
 * toolkit, Java2D's Marlin renderer, ImageIO's PNG writer, XChart, nnlab, JShell's agent) and verify the
 * jars' classes one by one; the student JVM itself takes about 0.5 s to start and connect. This runs a
 * session with {@code -XX:ArchiveClassesAtExit=FILE} through a few lesson-shaped cells (a record with
 * lambdas, a contour map with a path, a learning curve, a grid of both as PNG, {@code display}, a widget,
 * tensors and a layer) and closes it gently, so the student JVM writes the archive of what it loaded
 * (lambda proxies included) as it exits. {@code bin/install-kernel} runs it, again whenever a jar is newer
 * than the archive, and names the archive in the kernelspec ({@code -Dnnlab.studentArchive=FILE}); the
 * kernel passes it to each student JVM ({@link Session#studentJvmOptions}), which ignores an archive that
 * is missing or made for other jars. Exit code 0 when the archive was written, 1 when not.
 *
 * <pre>{@code
 * java -cp "kernel/target/kernel-0.1.0-SNAPSHOT.jar:kernel/target/lib/*" nnlab.kernel.StudentArchive kernel/target/student.jsa
 * }</pre>
 */
public final class StudentArchive {
    /** Cells shaped like lesson 01's and 05's: what a session's first minutes load. */
    static final List<String> CELLS = List.of(
            "void check(boolean ok, String hint) { if (!ok) { throw new AssertionError(hint); } }",
            "double f(double x, double y) { return x * x + y * y + x * (y + 2) + Math.cos(3 * x); }\n"
                    + "var map = Plots.contour((x, y) -> f(x, y), -5, 5, -5, 5, 20);\nmap",
            "record Run(double x, List<double[]> history) {\n"
                    + "    double[] xs() { return history.stream().mapToDouble(p -> p[0]).toArray(); }\n}",
            "List<double[]> h = new ArrayList<>();\nfor (int t = 0; t < 20; t++) { h.add(new double[] {3.0 / (t + 1), t}); }\n"
                    + "Run run = new Run(1, h);\ncheck(run.xs().length == 20, \"size \" + run.xs().length);\n"
                    + "System.out.printf(\"x = %.4f, f = %.4f%n\", run.x(), f(1, 2));",
            "var path = Plots.contour((x, y) -> f(x, y), -5, 5, -5, 5, 20);\nPlots.path(path, run.xs(), run.xs());\n"
                    + "var curve = Plots.line(run.xs(), run.xs(), \"f(x, y)\");\ncurve.setTitle(\"learning curve\");\n"
                    + "display(curve);\nPlots.grid(1, 2, path, curve)",
            "FloatSlider s = new FloatSlider(\"step\", 0.01, 0.5, 0.01, 0.1);\n"
                    + "Widgets.interact(() -> String.format(\"%.2f\", s.value()), s);",
            "Rng rng = new Rng(1);\nvar layer = new Linear(4, 3, rng);\nTensor x = rng.uniform(-1, 1, 5, 4);\n"
                    + "Tensor y = new ReLU().forward(layer.forward(x));\ny.sum() + x.matmul(x.transpose()).mean()");

    private StudentArchive() {
    }

    /** Writes the archive to {@code args[0]}; see the class comment. */
    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: StudentArchive FILE (the student JVM's class-data-sharing archive to write)");
            System.exit(2);
        }
        Path file = Path.of(args[0]).toAbsolutePath();
        Files.deleteIfExists(file);
        List<String> vm = new ArrayList<>(List.of("-XX:ArchiveClassesAtExit=" + file, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
        Evaluator.Options options = new Evaluator.Options(Classpath.userClasspath(), vm, 60, 200_000);
        try (Evaluator ev = new Evaluator(options)) {
            for (String cell : CELLS) {
                CellResult r = ev.run(cell, Listener.NONE);
                if (r.status() != CellResult.Status.OK) {
                    System.err.println("StudentArchive: a cell failed (" + r.ename() + ": " + r.evalue() + "):\n" + cell);
                    System.exit(1);
                }
            }
            ev.closeGently(30_000);
        }
        if (!Files.isRegularFile(file)) {
            System.err.println("StudentArchive: the student JVM wrote no archive at " + file);
            System.exit(1);
        }
        System.exit(0);
    }
}
