package nnlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One shared session (starting the student JVM takes seconds): values, errors, display, magics, robustness. */
class EvaluatorTest {
    static Evaluator ev;

    /** Records everything a cell sends. */
    static final class Recorder implements Listener {
        final StringBuilder out = new StringBuilder();
        final StringBuilder err = new StringBuilder();
        final List<String> events = new ArrayList<>();
        final List<Map<String, String>> bundles = new ArrayList<>();

        @Override
        public synchronized void stdout(String text) {
            out.append(text);
        }

        @Override
        public synchronized void stderr(String text) {
            err.append(text);
        }

        @Override
        public synchronized void display(String id, Map<String, String> bundle) {
            events.add("display " + id);
            bundles.add(bundle);
        }

        @Override
        public synchronized void update(String id, Map<String, String> bundle) {
            events.add("update " + id);
            bundles.add(bundle);
        }

        @Override
        public synchronized void comm(String method, String commId, String target, String json) {
            events.add("comm " + method + " " + commId + " " + target + " " + json);
        }

        @Override
        public synchronized void clear(boolean wait) {
            events.add("clear " + wait);
        }
    }

    @BeforeAll
    static void start() {
        ev = newEvaluator();
    }

    /** A session with the kernel's class path, a 256 MB student heap and a 10,000-character output cap. */
    static Evaluator newEvaluator() {
        return new Evaluator(new Evaluator.Options(Classpath.userClasspath(), List.of("-Xmx256m"), 0, 10_000));
    }

    @AfterAll
    static void stop() {
        ev.close();
    }

    static CellResult run(String code) {
        return ev.run(code, Listener.NONE);
    }

    @Test
    void lastExpressionIsTheValue() {
        CellResult r = run("int a = 6;\nint b = 7;\na * b");
        assertEquals(CellResult.Status.OK, r.status());
        assertEquals("42", r.text());
        assertEquals(42.0, r.number());
        assertEquals("nnlab", run("\"nn\" + \"lab\"").text(), "strings are shown without quotes");
        assertEquals(2.5, run("Double.valueOf(2.5)").number(), "a boxed Number has a number");
        assertTrue(run("Tensor.of(1, 2)").text().startsWith("tensor([1."), "Tensor renders numpy-style text");
        assertNull(run("int c = 3;").value(), "a declaration shows no value");
        assertNull(run("System.out.print(\"\")").value(), "a void call shows no value");
    }

    @Test
    void aStringValueIsShownExactlyAsTheStudentJvmRendersIt() {
        // the kernel reads a String's text from JShell's quoted value instead of asking the student JVM: the same text
        for (String expr : List.of("\"say \\\"hi\\\"\"", "\"back\\\\slash \\\\\\\"q\"", "\"line\\nbreak\\ttab\"",
                "\"η₀ = \" + 0.1", "\"\"", "\"ends with \\\\\"", "String.valueOf((Object) null)",
                "\"\" + (char) 0 + (char) 1 + (char) 8 + (char) 11 + (char) 27 + (char) 127 + (char) 0x9f + \"\\u2028'7\\0\"",
                "\"\\\\0\\\\n\\\\u0041\"")) {
            assertEquals(run("(Object) (" + expr + ")").text(), run(expr).text(), expr);
        }
        assertEquals(30_000, run("\"x\".repeat(30_000)").text().length(), "a long string is not cut where JShell cuts values");
        assertEquals("say \"hi\"", run("String said = \"say \\\"hi\\\"\";\nsaid").text(), "a String variable's value");
    }

    @Test
    void statementsSeeStartupImportsAndEarlierCells() {
        run("List<Integer> xs = new ArrayList<>(List.of(3, 1, 2));");
        assertEquals("[1, 2, 3]", run("xs.stream().sorted().collect(Collectors.toList())").text());
        assertEquals("[3]", run("Tensor.zeros(3).shape()").text(), "nnlab.tensor is imported");
    }

    @Test
    void compileErrorNamesCellLineAndPointsAtTheColumn() {
        CellResult r = run("int ok = 1;\ndouble y = ok * ;");
        assertEquals(CellResult.Status.ERROR, r.status());
        assertEquals("CompilationException", r.ename());
        assertEquals(List.of("Compile error at cell line 2:", "    double y = ok * ;", "                    ^",
                "illegal start of expression"), r.traceback());
    }

    @Test
    void runtimeErrorIsTrimmedToCellCode() {
        CellResult r = run("int half(int n) {\n  return n / 0;\n}\nhalf(4)");
        assertEquals(CellResult.Status.ERROR, r.status());
        assertEquals("java.lang.ArithmeticException", r.ename());
        assertEquals("/ by zero", r.evalue());
        assertEquals("java.lang.ArithmeticException: / by zero", r.traceback().get(0));
        assertTrue(r.traceback().get(1).matches("\tat half\\(cell \\d+, line 2\\)"), r.traceback().toString());
        assertFalse(String.join("\n", r.traceback()).contains("jdk.jshell"), "no kernel internals: " + r.traceback());
    }

    @Test
    void framesOfEarlierCellsAndBlankLinesPointAtTheRightLines() {
        assertTrue(run("int a0 = 1;\n\nint g0() {\n  int q = 2;\n  return q / 0;\n}").ok());
        CellResult r = run("int z0 = 1;\n\n\ng0()");
        assertTrue(r.traceback().get(1).matches("\tat g0\\(cell \\d+, line 5\\)"), r.traceback().toString());
        assertTrue(r.traceback().get(2).matches("\tat <cell>\\(cell \\d+, line 4\\)"), "this cell's frames are worded "
                + "as an earlier cell's: " + r.traceback());
    }

    @Test
    void outputIsStreamedAndCapped() {
        Recorder rec = new Recorder();
        CellResult r = ev.run("System.out.println(\"out\"); System.err.println(\"err\");", rec);
        assertTrue(r.ok());
        assertEquals("out\n", rec.out.toString());
        assertEquals("err\n", rec.err.toString());

        Recorder big = new Recorder();
        r = ev.run("for (int i = 0; i < 100_000; i++) System.out.println(\"line \" + i);", big);
        assertTrue(r.ok());
        String text = big.out.toString();
        assertTrue(text.startsWith("line 0\nline 1\n"));
        assertTrue(text.contains("[output truncated: "), "says output was dropped");
        assertTrue(text.length() < 10_300, "capped near 10,000 characters, got " + text.length());
    }

    @Test
    void displayAndUpdateReachTheListener() {
        Recorder rec = new Recorder();
        CellResult r = ev.run("import org.knowm.xchart.*;\n"
                + "XYChart ch = QuickChart.getChart(\"t\", \"x\", \"y\", \"s\", new double[] {1, 2}, new double[] {3, 4});\n"
                + "String id = display(ch);\nupdateDisplay(id, \"done\");", rec);
        assertTrue(r.ok(), r.toString());
        assertEquals(2, rec.events.size());
        String id = rec.events.get(0).substring("display ".length());
        assertEquals("update " + id, rec.events.get(1));
        assertTrue(rec.bundles.get(0).get("image/png").startsWith("iVBORw0KGgo"), "a chart is a base64 PNG");
        assertEquals("done", rec.bundles.get(1).get("text/plain"));
        assertNotNull(run("ch").value().get("image/png"), "a chart as last value renders as PNG");
    }

    @Test
    void ijavaDisplayWithMimeTypesKeepsOnlyThose() {
        Recorder rec = new Recorder();
        assertTrue(ev.run("display(new nnlab.display.HtmlDisplayable() { public String toHtml() { return \"<i>x</i>\"; } },"
                + " \"text/html\");", rec).ok());
        assertEquals(Map.of("text/html", "<i>x</i>"), rec.bundles.get(0));
    }

    /** IJava's countdown: a string shown and updated as HTML, not as raw tags. */
    @Test
    void ijavaDisplayOfAStringUsesTheAskedTypes() {
        Recorder rec = new Recorder();
        CellResult r = ev.run("String id = display(\"<b>3</b>\", \"text/html\");\n"
                + "updateDisplay(id, \"<b>Liftoff!</b>\", \"text/html\");\n"
                + "display(\"# Title\", \"markdown\", \"text/plain\");\n"
                + "display(\"not a picture\", \"image/png\");", rec);
        assertTrue(r.ok(), r.evalue());
        assertEquals(List.of(Map.of("text/html", "<b>3</b>"), Map.of("text/html", "<b>Liftoff!</b>"),
                Map.of("text/markdown", "# Title", "text/plain", "# Title"), Map.of("text/plain", "not a picture")), rec.bundles);
    }

    @Test
    void printStreamValuesLoggingAndCompileErrorsShowNoKernelInternals() {
        Recorder rec = new Recorder();
        CellResult printed = ev.run("System.out.printf(\"%d apples%n\", 5)", rec);
        assertTrue(printed.ok(), printed.evalue());
        assertNull(printed.value(), "System.out.printf(...) as a cell's value shows nothing, not the kernel's stream class");
        assertEquals("5 apples\n", rec.out.toString());

        Recorder log = new Recorder();
        assertTrue(ev.run("var lg = java.util.logging.Logger.getLogger(\"tribuo.like\");\n"
                + "lg.info(\"fit done in 3 ms\");\nlg.warning(\"did not converge\");", log).ok());
        assertFalse(log.err.toString().contains("fit done"), log.err.toString());
        assertTrue(log.err.toString().contains("WARNING: did not converge"), log.err.toString());

        CellResult missing = run("int y = undefinedThing + 1;");
        assertEquals("cannot find symbol", missing.evalue());
        String trace = String.join("\n", missing.traceback());
        assertTrue(trace.contains("symbol:   variable undefinedThing"), trace);
        assertFalse(trace.contains("location:"), "no empty 'location: class': " + trace);
        assertTrue(String.join("\n", run("Math.nope()").traceback()).contains("location: class java.lang.Math"));
    }

    @Test
    void ijavaDefaultImportsAndPrintf() {
        Recorder rec = new Recorder();
        CellResult r = ev.run("printf(\"%.2f %s%n\", 3.14159, \"pi\");\n"
                + "new BigDecimal(\"1.10\").add(BigInteger.ONE.toString().length() == 1 ? BigDecimal.ONE : BigDecimal.ZERO)"
                + " + \" \" + Pattern.matches(\"a+\", \"aaa\") + \" \" + new ConcurrentHashMap<String, URI>().size()"
                + " + \" \" + Paths.get(\"a\").getFileName() + \" \" + (Preferences.class != null)", rec);
        assertTrue(r.ok(), r.evalue());
        assertEquals("3.14 pi\n", rec.out.toString());
        assertEquals("2.10 true 0 a true", r.text());
    }

    @Test
    void htmlDisplayableGetsHtmlAndText() {
        CellResult r = run("new nnlab.display.HtmlDisplayable() { public String toHtml() { return \"<b>hi</b>\"; }"
                + " public String toString() { return \"hi\"; } }");
        assertEquals("<b>hi</b>", r.value().get("text/html"));
        assertEquals("hi", r.text());
    }

    @Test
    void magics(@TempDir Path dir) throws Exception {
        Recorder rec = new Recorder();
        assertTrue(ev.run("%time int slow = 1 + 1;", rec).ok());
        assertTrue(rec.out.toString().startsWith("Wall time: "), rec.out.toString());

        CellResult bad = run("%nosuchmagic 1");
        assertEquals("UnknownMagic", bad.ename());
        assertTrue(bad.evalue().contains("%classpath, %jars, %maven, %mavenRepo, %load, %time, %%time and %%loadFromPOM"), bad.evalue());

        Path script = dir.resolve("helpers.jsh");
        Files.writeString(script, "int triple(int x) { return 3 * x; }\n");
        assertTrue(run("%load " + script).ok());
        assertEquals("12", run("triple(4)").text());

        Path src = dir.resolve("src/demo/Hello.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, "package demo; public class Hello { public static String hi() { return \"hello\"; } }");
        Path classes = dir.resolve("classes");
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), src.toString()));
        assertTrue(run("%classpath " + classes).ok());
        assertEquals("hello", run("demo.Hello.hi()").text());
        assertEquals("MagicError", run("%jars " + dir.resolve("nothing/*.jar")).ename());
    }

    /** IJava's eval(String): runs code in this session from a running cell and returns its value. */
    @Test
    void evalRunsCodeInTheSessionAndReturnsItsValue() {
        CellResult two = run("Object two = eval(\"1 + 1\");\ntwo.getClass().getSimpleName() + \" \" + two");
        assertEquals("Integer 2", two.text(), two.evalue() + " " + two.traceback());
        assertEquals("5", run("eval(\"int madeByEval = 5;\")").text(), "a declaration's value, as in IJava");
        assertEquals("6", run("madeByEval + 1").text(), "a declaration made by eval stays in the session");
        assertEquals("null", run("String.valueOf(eval(\"int unused = 1; System.out.print(\\\"\\\");\"))").text());
        CellResult caught = run("try { eval(\"1 / 0\"); } catch (ArithmeticException e) { System.out.println(\"caught \" + e.getMessage()); }");
        assertTrue(caught.ok(), caught.evalue());
        Recorder rec = new Recorder();
        ev.run("try { eval(\"1 / 0\"); } catch (ArithmeticException e) { System.out.println(\"caught \" + e.getMessage()); }", rec);
        assertEquals("caught / by zero\n", rec.out.toString(), "what the evaluated code throws is thrown as it is");
        CellResult bad = run("eval(\"nosuchMethod()\")");
        assertEquals("java.lang.IllegalArgumentException", bad.ename());
        assertEquals("eval: compile error at line 1 of the code: nosuchMethod() cannot find symbol symbol:   method nosuchMethod()", bad.evalue());
        assertEquals("2", run("1 + 1").text(), "the session keeps running");
    }

    /**
     * With -Dnnlab.renderAsItRuns=true (off by default) a cell's last value is rendered in the student JVM as the
     * snippet runs (RemoteAgent.RENDER_NEXT): what the rendering throws is the cell's error, the stop button reaches
     * a rendering that never ends, and a last snippet that runs nothing leaves no rendering request behind.
     */
    @Test
    void withRenderAsItRunsTheLastValueIsRenderedAsItsSnippetRuns() throws Exception {
        System.setProperty("nnlab.renderAsItRuns", "true");
        Evaluator own;
        try {
            own = newEvaluator();
        } finally {
            System.clearProperty("nnlab.renderAsItRuns");
        }
        try (Evaluator e = own) {
            java.util.function.Function<String, CellResult> run = code -> e.run(code, Listener.NONE);
            assertTrue(run.apply("class RenderBoom { public String toString() { throw new IllegalStateException(\"rendered\"); } }").ok());
            CellResult boom = run.apply("int keptAcrossRender = 4;\nnew RenderBoom()");
            assertEquals("java.lang.IllegalStateException", boom.ename(), boom.evalue());
            assertEquals("rendered", boom.evalue());
            assertEquals("5", run.apply("keptAcrossRender + 1").text(), "the session lives on");
            assertEquals("CompilationException", run.apply("int fine = 1;\nnoSuchThingAnywhere + 1").ename());
            CellResult next = run.apply("new RenderBoom();\n1 + 1");
            assertEquals("2", next.text(), "a value that is not the last is not rendered: " + next.evalue());
            assertTrue(run.apply("RenderBoom lastIsADeclaration = new RenderBoom();").ok(), "nor a cell's last declaration");
            assertTrue(run.apply("int unrendered = 1;\nvoid endsWithAMethod() { }").ok());
            CellResult afterMethod = run.apply("new RenderBoom();\n3");
            assertEquals("3", afterMethod.text(), "a cell ending in a method leaves no rendering request: " + afterMethod.evalue());
            assertEquals("[1.0, 2.0]", run.apply("new double[] {1, 2}").text(), "arrays are rendered element-wise");
            assertTrue(run.apply("class RenderForever { public String toString() { while (true) { } } }").ok());
            CompletableFuture<CellResult> running = CompletableFuture.supplyAsync(() -> run.apply("new RenderForever()"));
            Thread.sleep(1500);
            e.interrupt();
            CellResult r = running.get();
            assertEquals(CellResult.Status.INTERRUPTED, r.status(), r.evalue());
            assertEquals("6", run.apply("keptAcrossRender + 2").text(), "stopped, not killed: variables survive");
        }
    }

    @Test
    void stopButtonHaltsALoopRunByEval() throws Exception {
        assertTrue(run("int beforeEval = 1;").ok());
        CompletableFuture<CellResult> running = CompletableFuture.supplyAsync(() -> run("eval(\"while (true) { }\");"));
        Thread.sleep(1500);
        ev.interrupt();
        CellResult r = running.get();
        assertEquals(CellResult.Status.INTERRUPTED, r.status(), r.evalue());
        assertEquals("2", run("beforeEval + 1").text(), "variables survive");
        Thread.sleep(1600);     // past the kill deadline: the same session still answers
        assertEquals("3", run("beforeEval + 2").text());
    }

    /** IJava's lineMagic, cellMagic and a magic used as an expression: %jars returns the paths it added. */
    @Test
    void magicsAsExpressionsAndCalls(@TempDir Path dir) throws Exception {
        Path jar = dir.resolve("empty.jar");
        try (java.util.jar.JarOutputStream j = new java.util.jar.JarOutputStream(Files.newOutputStream(jar))) {
            j.putNextEntry(new java.util.zip.ZipEntry("empty/readme.txt"));
        }
        CellResult added = run("List<String> added = %jars " + dir + "/*.jar;\nadded");
        assertEquals("[" + jar + "]", added.text(), added.evalue() + " " + added.traceback());
        Path clashing = dir.resolve("xchart-3.5.2.jar");
        try (java.util.jar.JarOutputStream j = new java.util.jar.JarOutputStream(Files.newOutputStream(clashing))) {
            j.putNextEntry(new java.util.zip.ZipEntry("org/knowm/xchart/XYChart.class"));
        }
        Recorder rec = new Recorder();
        CellResult warned = ev.run("%jars " + clashing, rec);
        assertTrue(warned.ok(), warned.evalue());
        assertTrue(rec.err.toString().startsWith("Warning: xchart-3.5.2.jar has packages the kernel already loads from"
                + " xchart-4.0.3.jar (org.knowm.xchart): the kernel's classes win there"), rec.err.toString());
        assertEquals("XYChart", run("new org.knowm.xchart.XYChart(10, 10).getClass().getSimpleName()").text(),
                "the kernel's XChart still loads");
        CellResult called = run("List<String> again = lineMagic(\"classpath\", List.of(\"" + jar + "\"));\nagain.size()");
        assertEquals("1", called.text(), called.evalue());
        CellResult timed = run("cellMagic(\"time\", List.of(), \"int inTime = 4;\");\ninTime");
        assertEquals("4", timed.text(), timed.evalue());

        CellResult unknown = run("int a = 1;\nvar x = %nosuch arg;");
        assertEquals("UnknownMagic", unknown.ename());
        assertTrue(unknown.evalue().startsWith("unknown magic %nosuch at cell line 2; the kernel knows %classpath"), unknown.evalue());
        CellResult badName = run("lineMagic(\"nosuch\", List.of())");
        assertEquals("java.lang.IllegalArgumentException", badName.ename());
        assertTrue(badName.evalue().startsWith("unknown magic %nosuch; the kernel knows %classpath"), badName.evalue());
        CellResult badArgs = run("lineMagic(\"jars\", List.of(\"" + dir + "/nothing/*.jar\"))");
        assertEquals("java.lang.IllegalArgumentException", badArgs.ename());
        assertTrue(badArgs.evalue().startsWith("%jars: no file matches " + dir + "/nothing/*.jar"), badArgs.evalue());
        assertEquals("text that mentions = %jars stays text", run("\"text that mentions = %jars stays text\"").text());
        assertEquals("2", run("1 + 1").text(), "the session keeps running");
    }

    /** IJava's render(obj, types...): a value that displays as the asked types. */
    @Test
    void renderKeepsTheAskedTypes() {
        Recorder rec = new Recorder();
        CellResult html = ev.run("render(\"<b>Bold</b>\", \"text/html\")", rec);
        assertEquals(Map.of("text/html", "<b>Bold</b>"), html.value(), html.evalue());
        ev.run("display(render(\"# Title\", \"text/markdown\"));", rec);
        assertEquals(Map.of("text/markdown", "# Title"), rec.bundles.get(rec.bundles.size() - 1));
        assertEquals("[text/plain]", run("render(42).getData().keySet()").text());
    }

    /** Needs commons-csv in ~/.m2 or the machine's Maven repository (settings.xml's mirror). */
    @Test
    void mavenAddsAJarTheNextCellUses() {
        Recorder rec = new Recorder();
        CellResult added = ev.run("%maven org.apache.commons:commons-csv:1.11.0", rec);
        assertTrue(added.ok(), added.evalue());
        assertEquals("", rec.err.toString());
        CellResult used = run("org.apache.commons.csv.CSVFormat.DEFAULT.parse(new StringReader(\"a,b\"))"
                + ".getRecords().get(0).get(1)");
        assertEquals("b", used.text(), used.evalue() + " " + used.traceback());
        long entries = ev.session().classpath().stream().filter(e -> e.endsWith("commons-csv-1.11.0.jar")).count();
        assertTrue(ev.run("%maven org.apache.commons:commons-csv:1.11.0", rec).ok());
        assertEquals(entries, ev.session().classpath().stream().filter(e -> e.endsWith("commons-csv-1.11.0.jar")).count(),
                "a jar already on the class path is not added twice");
        CellResult pom = ev.run("%%loadFromPOM\n<dependency>\n  <groupId>org.apache.commons</groupId>\n"
                + "  <artifactId>commons-csv</artifactId>\n  <version>1.11.0</version>\n</dependency>", rec);
        assertTrue(pom.ok(), pom.evalue());
        assertEquals(entries, ev.session().classpath().stream().filter(e -> e.endsWith("commons-csv-1.11.0.jar")).count());

        CellResult unknown = run("%maven org.nnlab.nosuch:nothing-here:0.1");
        assertEquals("MagicError", unknown.ename());
        assertTrue(unknown.evalue().startsWith("%maven org.nnlab.nosuch:nothing-here:0.1: org.nnlab.nosuch:nothing-here:0.1"
                + " was not found (looked in "), unknown.evalue());
        assertTrue(unknown.evalue().contains(", central ("), unknown.evalue());
        CellResult malformed = run("%maven commons-csv");
        assertEquals("MagicError", malformed.ename());
        assertTrue(malformed.evalue().startsWith("%maven: 'commons-csv' is not a Maven coordinate; expected groupId:artifactId:version"),
                malformed.evalue());
        assertEquals("2", run("1 + 1").text(), "the session keeps running");
    }

    /** A repository that accepts the connection and never answers: the stop button ends %maven, the session lives on. */
    @Test
    void stopButtonEndsAMavenDownloadThatStalls() throws Exception {
        try (java.net.ServerSocket stall = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
             Evaluator own = new Evaluator(new Evaluator.Options(Classpath.userClasspath(), List.of("-Xmx256m"), 0, 10_000))) {
            // the acceptor adds while this thread reads and closes: a synchronized list (its iteration under the lock)
            List<java.net.Socket> held = java.util.Collections.synchronizedList(new ArrayList<>());
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(stall.accept());     // and never answer
                    }
                } catch (java.io.IOException e) {
                    // closed at the end of the test
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            assertTrue(own.run("int kept = 6;", Listener.NONE).ok());
            assertTrue(own.run("%mavenRepo stall http://127.0.0.1:" + stall.getLocalPort() + "/maven2/", Listener.NONE).ok());
            CompletableFuture<CellResult> running = CompletableFuture.supplyAsync(
                    () -> own.run("%maven org.nnlab.stall:never-answered:1.0", Listener.NONE));
            long waited = 0;
            while (held.isEmpty() && waited < 30_000) {      // until the resolver has reached the stalled repository
                Thread.sleep(50);
                waited += 50;
            }
            assertFalse(held.isEmpty(), "the resolver never connected to the stalled repository");
            assertFalse(running.isDone(), "the download should hang: " + (running.isDone() ? running.get().evalue() : ""));
            long t0 = System.nanoTime();
            own.interrupt();
            CellResult r = running.get();
            long millis = (System.nanoTime() - t0) / 1_000_000;
            assertEquals(CellResult.Status.INTERRUPTED, r.status());
            assertEquals("%maven org.nnlab.stall:never-answered:1.0 was stopped before it finished; nothing was added to the"
                    + " class path; earlier variables are kept", r.evalue());
            assertTrue(millis < 5000, "stopped in " + millis + " ms, not at the resolver's 60 s timeout");
            assertEquals("7", own.run("kept + 1", Listener.NONE).text(), "the same session, its variables kept");
            synchronized (held) {
                for (java.net.Socket s : held) {
                    s.close();
                }
            }
        }
    }

    @Test
    void stopButtonHaltsABusyLoopAndKeepsVariables() throws Exception {
        assertTrue(run("int survivor = 41;").ok());
        CompletableFuture<CellResult> running = CompletableFuture.supplyAsync(() -> run("while (true) { }"));
        Thread.sleep(1000);
        long t0 = System.nanoTime();
        ev.interrupt();
        CellResult r = running.get();
        long millis = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(CellResult.Status.INTERRUPTED, r.status());
        assertTrue(millis < 2000, "stopped in " + millis + " ms");
        assertEquals("42", run("survivor + 1").text());
    }

    @Test
    void systemExitIsReportedAndTheSessionGoesOn() {
        assertTrue(run("int before = 5;").ok());
        CellResult r = run("System.out.println(\"bye\");\nSystem.exit(3);");
        assertEquals(CellResult.Status.EXIT, r.status());
        assertTrue(r.evalue().startsWith("System.exit(3) was called"), r.evalue());
        assertEquals("6", run("before + 1").text());
    }

    @Test
    void outOfMemoryAndStackOverflowAreErrors() {
        CellResult oom = run("List<long[]> hog = new ArrayList<>();\nwhile (true) hog.add(new long[10_000_000]);");
        assertEquals(CellResult.Status.ERROR, oom.status());
        assertEquals("java.lang.OutOfMemoryError", oom.ename());
        CellResult so = run("int down(int n) { return down(n + 1) + 1; }\ndown(0)");
        assertEquals("java.lang.StackOverflowError", so.ename());
        assertTrue(so.traceback().size() < 10, "recursion is collapsed: " + so.traceback().size() + " lines");
        assertEquals("2", run("1 + 1").text(), "the session is alive");
    }

    @Test
    void evalFromAThreadAfterItsCellEndedIsRefusedWithAReason() throws Exception {
        Recorder between = new Recorder();
        ev.setIdleListener(between);
        try {
            assertTrue(run("new Thread(() -> { try { Thread.sleep(400); eval(\"1\"); } catch (Exception e) {"
                    + " System.out.println(e.getClass().getSimpleName() + \": \" + e.getMessage()); } }).start();").ok());
            long until = System.nanoTime() + 5_000_000_000L;
            while (!between.out.toString().contains("\n") && System.nanoTime() < until) {
                Thread.sleep(50);
            }
            assertEquals("IllegalStateException: eval works only in a notebook cell while it runs (not in a widget callback"
                    + " or a thread still running after its cell)\n", between.out.toString());
            assertEquals("2", run("1 + 1").text());
        } finally {
            ev.setIdleListener(Listener.NONE);
        }
    }

    @Test
    void outputBetweenCellsGoesToTheKernelLevelListenerNotTheLastCell() throws Exception {
        Recorder between = new Recorder();
        ev.setIdleListener(between);
        try {
            Recorder cell = new Recorder();
            assertTrue(ev.run("new Thread(() -> { try { Thread.sleep(400); } catch (InterruptedException e) { }"
                    + " System.out.println(\"later\"); }).start();", cell).ok());
            long until = System.nanoTime() + 5_000_000_000L;
            while (!between.out.toString().contains("later") && System.nanoTime() < until) {
                Thread.sleep(50);
            }
            assertEquals("later\n", between.out.toString());
            assertEquals("", cell.out.toString(), "the cell had ended: its listener gets nothing more");
        } finally {
            ev.setIdleListener(Listener.NONE);
        }
    }

    @Test
    void commMessagesAndClearsOfTheStudentJvmReachTheListenerInOrder() {
        Recorder rec = new Recorder();
        CellResult r = ev.run("nnlab.kernel.agent.Agent.comm(\"open\", \"c1\", \"jupyter.widget\", \"{\\\"state\\\":{}}\");"
                + " System.out.println(\"between\"); nnlab.kernel.agent.Agent.clear(true);"
                + " nnlab.kernel.agent.Agent.comm(\"close\", \"c1\", null, \"{}\");", rec);
        assertTrue(r.ok(), r.evalue());
        assertEquals(List.of("comm open c1 jupyter.widget {\"state\":{}}", "clear true", "comm close c1 null {}"), rec.events);
        assertEquals("between\n", rec.out.toString());
    }

    @Test
    void aFrameOfUnknownKindIsReportedOnStderr() {
        Recorder rec = new Recorder();
        CellResult r = ev.run("System.out.print(\"\\u0001NNLAB{\\\"kind\\\":\\\"popup\\\",\\\"id\\\":null,\\\"data\\\":{}}\\u0004\");", rec);
        assertTrue(r.ok(), r.toString());
        assertEquals(List.of(), rec.events, "not shown as a display");
        assertEquals("nnlab kernel: dropped a display message from the notebook's Java process:"
                + " unknown frame kind 'popup' (expected display, update, result, comm or clear)\n", rec.err.toString());
    }

    @Test
    void internalEvaluationLeavesNothingInTheStudentsSession() {
        int before = activeSnippets();
        Recorder rec = new Recorder();
        CellResult r = ev.evaluateInternal("nnlab.kernel.agent.Agent.class.getSimpleName()", rec);
        assertEquals(CellResult.Status.OK, r.status(), r.toString());
        assertEquals("\"Agent\"", r.text());
        assertTrue(ev.evaluateInternal("int internalOnly = 5;", rec).ok());
        assertTrue(ev.evaluateInternal("System.out.println(\"to the widget\")", rec).ok());
        assertEquals("to the widget\n", rec.out.toString(), "output goes to the listener given");
        assertEquals(before, activeSnippets(), "no variable, temporary or declaration is left behind");
        assertEquals("CompilationException", run("internalOnly").ename());

        CellResult bad = ev.evaluateInternal("Integer.parseInt(\"x\")", rec);
        assertEquals(CellResult.Status.ERROR, bad.status());
        assertEquals("java.lang.NumberFormatException", bad.ename());
        assertEquals("2", run("1 + 1").text(), "the session goes on");
    }

    @Test
    void anInteractCellOpensWidgetCommsAndAnUpdateRerunsTheCallbackIntoTheOutput() throws Exception {
        Recorder rec = new Recorder();
        CellResult r = ev.run("IntSlider wn = new IntSlider(\"n\", 0, 10, 1, 2);\n"
                + "Widgets.interact(() -> { if (wn.value() == 0) throw new IllegalStateException(\"zero\"); "
                + "return wn.value() * 10; }, wn);", rec);
        assertTrue(r.ok(), r.evalue());
        List<String> opens = rec.events.stream().filter(e -> e.startsWith("comm open")).toList();
        assertTrue(opens.stream().anyMatch(e -> e.contains("\"_model_name\":\"IntSliderModel\"")), opens.toString());
        assertTrue(opens.stream().anyMatch(e -> e.contains("\"_model_name\":\"OutputModel\"")
                && e.contains("\"_model_module\":\"@jupyter-widgets/output\"")), opens.toString());
        assertTrue(rec.events.stream().anyMatch(e -> e.startsWith("display ")), "the VBox is shown: " + rec.events);
        assertTrue(rec.bundles.stream().anyMatch(b -> b.getOrDefault("application/vnd.jupyter.widget-view+json", "")
                .contains("model_id")), rec.bundles.toString());
        assertTrue(rec.events.stream().anyMatch(e -> e.startsWith("comm ") && e.contains("\"text/plain\":\"20\"}")),
                "the first run's result is in the output: " + rec.events);

        String id = ev.run("wn.id()", Listener.NONE).text().replace("\"", "");
        Recorder later = new Recorder();
        CellResult d = ev.evaluateInternal("nnlab.widgets.Comms.deliver(" + JavaKernel.javaString(id) + ", \"msg\", "
                + JavaKernel.javaString("{\"method\":\"update\",\"state\":{\"value\":7}}") + ")", later);
        assertTrue(d.ok(), d.evalue());
        assertTrue(later.events.stream().anyMatch(e -> e.startsWith("comm msg") && e.contains("\"text/plain\":\"70\"")),
                later.events.toString());
        assertEquals("7", ev.run("wn.value()", Listener.NONE).text());

        Recorder bad = new Recorder();
        assertTrue(ev.evaluateInternal("nnlab.widgets.Comms.deliver(" + JavaKernel.javaString(id) + ", \"msg\", "
                + JavaKernel.javaString("{\"method\":\"update\",\"state\":{\"value\":0}}") + ")", bad).ok(),
                "an exception in the callback does not fail the delivery");
        assertTrue(bad.events.stream().anyMatch(e -> e.contains("\"output_type\":\"error\"") && e.contains("zero")),
                bad.events.toString());
        assertEquals("3", run("1 + 2").text(), "the session goes on");
    }

    @Test
    void theStopButtonStopsALoopingWidgetCallback() throws Exception {
        assertTrue(run("IntSlider spin = new IntSlider(\"spin\", 0, 10, 1, 0);\n"
                + "VBox spinBox = Widgets.interactive(() -> { if (spin.value() > 0) while (true) { } }, spin); display(spinBox);").ok());
        String id = ev.run("spin.id()", Listener.NONE).text().replace("\"", "");
        CompletableFuture<CellResult> running = CompletableFuture.supplyAsync(() -> ev.evaluateInternal(
                "nnlab.widgets.Comms.deliver(" + JavaKernel.javaString(id) + ", \"msg\", "
                        + JavaKernel.javaString("{\"method\":\"update\",\"state\":{\"value\":1}}") + ")", Listener.NONE));
        Thread.sleep(1000);
        ev.interrupt();
        assertEquals(CellResult.Status.INTERRUPTED, running.get().status());
        assertEquals("1", run("spin.value()").text(), "variables and widgets live on");
        String out = run("spinBox.children().get(1).toString()").text();
        assertTrue(out.contains("the callback was stopped"), out);
    }

    @Test
    void theStopButtonStopsAnInternalEvaluation() throws Exception {
        CompletableFuture<CellResult> running = CompletableFuture.supplyAsync(
                () -> ev.evaluateInternal("while (true) { }", Listener.NONE));
        Thread.sleep(1000);
        ev.interrupt();
        assertEquals(CellResult.Status.INTERRUPTED, running.get().status());
        assertEquals("3", run("1 + 2").text());
    }

    /** Declarations, variables and imports the student's code can refer to. */
    private static int activeSnippets() {
        jdk.jshell.JShell shell = ev.session().shell();
        return (int) shell.snippets().filter(s -> s instanceof jdk.jshell.PersistentSnippet && shell.status(s).isActive()).count();
    }

    @Test
    void editorHelp() {
        assertEquals("complete", ev.isComplete("int x = 1;"));
        assertEquals("incomplete", ev.isComplete("for (int i = 0; i < 3; i++) {"));
        assertEquals("invalid", ev.isComplete("}"));
        Assist.Completion c = ev.complete("int n = 1;\nMath.sq", 18);
        assertEquals(List.of("sqrt("), c.matches());
        assertEquals(16, c.start());
        String doc = ev.inspect("Math.max(1, 2)", 6);
        assertTrue(doc.contains("int Math.max(int a, int b)"), doc);
    }
}
