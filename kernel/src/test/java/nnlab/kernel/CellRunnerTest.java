package nnlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The grader's contract, run as the grader runs it: a separate JVM, JSON array in, JSON lines out. */
class CellRunnerTest {
    @Test
    void jsonLinesContract() throws IOException, InterruptedException {
        JsonArray cells = new JsonArray();
        for (String c : List.of("int x = 6 * 7;", "System.out.println(\"hi\"); x", "System.exit(4);", "x / 0",
                "while (true) { }", "x + 1", "long[] big = new long[100_000_000];",
                "Math.sqrt(-1)")) {
            cells.add(c);
        }
        Process p = start(cells, "--timeout-seconds", "3", "--vm-option", "-Xmx128m");
        List<JsonObject> lines = jsonLines(p);
        String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor());
        assertEquals("", stderr, "stderr stays clean");
        assertEquals(8, lines.size());
        JsonObject first = lines.get(0);
        assertEquals(List.of("cell", "status", "value", "number", "stdout", "stderr", "ename", "evalue", "traceback", "millis"),
                new ArrayList<>(first.keySet()));
        assertEquals("ok", first.get("status").getAsString());
        assertTrue(first.get("value").isJsonNull());
        JsonObject second = lines.get(1);
        assertEquals("42", second.get("value").getAsString());
        assertEquals(42.0, second.get("number").getAsDouble());
        assertEquals("hi\n", second.get("stdout").getAsString());
        assertEquals("exit", lines.get(2).get("status").getAsString());
        assertTrue(lines.get(2).get("evalue").getAsString().contains("System.exit(4) was called"));
        assertEquals("java.lang.ArithmeticException", lines.get(3).get("ename").getAsString());
        assertEquals("timeout", lines.get(4).get("status").getAsString());
        assertEquals(43.0, lines.get(5).get("number").getAsDouble());
        assertEquals("java.lang.OutOfMemoryError", lines.get(6).get("ename").getAsString(), "-Xmx128m reached the student JVM");
        assertEquals("ok", lines.get(7).get("status").getAsString(), "a NaN value must not break the JSON stream");
        assertTrue(Double.isNaN(lines.get(7).get("number").getAsDouble()));
        for (int i = 0; i < lines.size(); i++) {
            assertEquals(i, lines.get(i).get("cell").getAsInt());
        }
    }

    @Test
    void manyRunsEachRequestInAFreshStudentJvm(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
            throws IOException, InterruptedException {
        java.nio.file.Path a = java.nio.file.Files.createDirectories(tmp.resolve("a"));
        java.nio.file.Path b = java.nio.file.Files.createDirectories(tmp.resolve("b"));
        String where = "new java.io.File(\"f\").getAbsolutePath() + \"|\" + System.getenv(\"HOME\") + \"|\""
                + " + System.getProperty(\"java.io.tmpdir\") + \"|\" + ProcessHandle.current().pid()"
                + " + \"|\" + ProcessHandle.current().parent().get().pid()";
        String first = request(a, "int x = 6 * 7;", "new java.io.FileOutputStream(\"f\").close(); x", where,
                "System.exit(4);", "while (true) { }");
        String second = request(b, "x", where, "new java.io.File(\"f\").exists()", "1 + 1");
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "nnlab.kernel.CellRunner",
                "--many", "--timeout-seconds", "3").start();
        p.getOutputStream().write((first + "\nnot json [\n" + second + "\n").getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        List<JsonObject> lines = jsonLines(p);
        String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor());
        assertEquals("", stderr, "stderr stays clean");
        assertEquals(5 + 1 + 1 + 4 + 1, lines.size(), lines.toString());
        assertEquals(42.0, lines.get(1).get("number").getAsDouble());
        String[] w1 = lines.get(2).get("value").getAsString().replace("\"", "").split("\\|");
        assertEquals(a.resolve("f").toString(), w1[0], "the student JVM works in the request's folder");
        assertEquals(a.toString(), w1[1]);
        assertEquals(a.resolve("tmp").toString(), w1[2]);
        assertEquals("exit", lines.get(3).get("status").getAsString());
        assertEquals("timeout", lines.get(4).get("status").getAsString());
        assertEquals(5, lines.get(5).get("cells").getAsInt());
        assertTrue(lines.get(5).get("error").isJsonNull());
        assertTrue(lines.get(6).get("error").getAsString().startsWith("bad request line: "), lines.get(6).toString());
        assertEquals(0, lines.get(7).get("cell").getAsInt(), "cells count from 0 again");
        assertEquals("error", lines.get(7).get("status").getAsString(), "x of the first request is not visible");
        assertTrue(lines.get(7).get("evalue").getAsString().contains("cannot find symbol"));
        String[] w2 = lines.get(8).get("value").getAsString().replace("\"", "").split("\\|");
        assertEquals(b.resolve("f").toString(), w2[0]);
        assertTrue(!w1[3].equals(w2[3]), "a new student JVM per request");
        assertEquals(w1[4], w2[4], "both started by the same runner");
        assertEquals("false", lines.get(9).get("value").getAsString(), "the first request's file is not here");
        assertEquals(2.0, lines.get(10).get("number").getAsDouble(), "System.exit and a timeout before do not matter");
        assertEquals(4, lines.get(11).get("cells").getAsInt());
    }

    private static String request(java.nio.file.Path dir, String... cells) {
        JsonObject o = new JsonObject();
        JsonArray a = new JsonArray();
        for (String c : cells) {
            a.add(c);
        }
        o.add("cells", a);
        o.addProperty("dir", dir.toString());
        return o.toString();
    }

    /** notebooks/check asks for full rendering, so a chart that cannot be drawn fails its cell there. */
    @Test
    void fullRenderingOnRequestReportsAChartThatCannotBeDrawn() throws IOException, InterruptedException {
        String cell = "var c = new org.knowm.xchart.XYChart(100, 100); c.getStyler().setXAxisLogarithmic(true);"
                + " c.addSeries(\"a\", new double[] {0, 1}, new double[] {1, 2}); c";
        JsonArray cells = new JsonArray();
        cells.add(cell);
        for (boolean full : new boolean[] {false, true}) {
            Process p = full ? start(cells, "--vm-option", "-Dnnlab.render=all") : start(cells);
            JsonObject line = JsonParser.parseString(new String(p.getInputStream().readAllBytes(),
                    StandardCharsets.UTF_8).trim()).getAsJsonObject();
            assertEquals(0, p.waitFor());
            assertEquals(full ? "error" : "ok", line.get("status").getAsString(), "render=" + (full ? "all" : "text"));
        }
    }

    /** Starts CellRunner in a JVM of its own with {@code args} and sends it {@code cells}; stderr stays readable. */
    private static Process start(JsonArray cells, String... args) throws IOException {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        List<String> cmd = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"), "nnlab.kernel.CellRunner"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.PIPE).start();
        p.getOutputStream().write(cells.toString().getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        return p;
    }

    /** Every line the runner printed, parsed as a JSON object. */
    private static List<JsonObject> jsonLines(Process p) throws IOException {
        List<JsonObject> lines = new ArrayList<>();
        for (String line : new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
            lines.add(JsonParser.parseString(line).getAsJsonObject());
        }
        return lines;
    }
}
