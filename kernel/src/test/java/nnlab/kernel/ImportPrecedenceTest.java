package nnlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A notebook's imports win over the start-up wildcard imports of nnlab's packages (Tribuo's Trainer, Dataset, SGD). */
class ImportPrecedenceTest {

    /** Compiles package {@code tribuoish}: public Trainer, Dataset, SGD and Model, a package-private Layer. */
    private static Path library(Path dir) throws Exception {
        Path src = dir.resolve("src/tribuoish");
        Files.createDirectories(src);
        Files.writeString(src.resolve("Trainer.java"), "package tribuoish; public class Trainer<T> { public T train(T x) { return x; } }");
        Files.writeString(src.resolve("Dataset.java"), "package tribuoish; public class Dataset { }");
        Files.writeString(src.resolve("SGD.java"), "package tribuoish; public class SGD { }");
        Files.writeString(src.resolve("Model.java"), "package tribuoish; public class Model { }");
        Files.writeString(src.resolve("Layer.java"), "package tribuoish; class Layer { }");
        Path classes = dir.resolve("classes");
        List<String> args = new java.util.ArrayList<>(List.of("-d", classes.toString()));
        try (var files = Files.list(src)) {
            files.forEach(f -> args.add(f.toString()));
        }
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(String[]::new)));
        return classes;
    }

    private static String note(Evaluator ev, String cell) {
        EvaluatorTest.Recorder rec = new EvaluatorTest.Recorder();
        assertTrue(ev.run(cell, rec).ok());
        return rec.out.toString();
    }

    @Test
    void theNotebooksImportWinsWithOneNote(@TempDir Path dir) throws Exception {
        Path classes = library(dir);
        try (Evaluator ev = new Evaluator(new Evaluator.Options(Classpath.userClasspath(), List.of("-Xmx256m"), 0, 10_000))) {
            assertTrue(ev.run("%classpath " + classes, Listener.NONE).ok());
            EvaluatorTest.Recorder rec = new EvaluatorTest.Recorder();
            CellResult r = ev.run("import tribuoish.*;\nTrainer<String> t = new Trainer<>();\nt.getClass().getName() + \" \" + new SGD().getClass().getName()", rec);
            assertTrue(r.ok(), r.evalue());
            assertEquals("tribuoish.Trainer tribuoish.SGD", r.text());
            // nnlab.train.Model clashes too since the trainer takes a Model
            assertEquals("Note: import tribuoish.* wins: Dataset, Model, SGD, Trainer are now tribuoish's (before: nnlab.data.Dataset,"
                    + " nnlab.train.Model, nnlab.optim.SGD, nnlab.train.Trainer; write the full name to use those).\n", rec.out.toString());
            assertEquals("", rec.err.toString());
            CellResult layer = ev.run("Layer.class.getName()", Listener.NONE);
            assertEquals("nnlab.nn.Layer", layer.text(), "a class the package does not export leaves nnlab's name alone");
            assertEquals("nnlab.train.Trainer", ev.run("nnlab.train.Trainer.class.getName()", Listener.NONE).text());

            assertTrue(ev.run("import nnlab.train.Trainer;", Listener.NONE).ok());
            assertEquals("nnlab.train.Trainer", ev.run("Trainer.class.getName()", Listener.NONE).text());
            assertEquals("tribuoish.Dataset", ev.run("Dataset.class.getName()", Listener.NONE).text());

            EvaluatorTest.Recorder again = new EvaluatorTest.Recorder();
            assertTrue(ev.run("import nnlab.data.*;\nimport java.util.*;", again).ok());
            assertEquals("", again.out.toString(), "nnlab's own packages and those imported at start change nothing, say nothing");
            // a JDK package the notebook imports wins over nnlab's start-up names like any other (AWT's widgets here)
            assertEquals("Note: import java.awt.* wins: Button, Checkbox, Label are now java.awt's (before: nnlab.widgets.Button,"
                    + " nnlab.widgets.Checkbox, nnlab.widgets.Label; write the full name to use those).\n", note(ev, "import java.awt.*;"));
            assertEquals("[1]", ev.run("java.util.List.of(1)", Listener.NONE).text());
            assertEquals("Note: import tribuoish.SGD wins: SGD is now tribuoish's (before: nnlab.optim.SGD; write the full"
                    + " name to use it).\n", note(ev, "import tribuoish.SGD;"));

        }
    }
}
