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
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "nnlab.kernel.CellRunner",
                "--timeout-seconds", "3", "--vm-option", "-Xmx128m").redirectError(ProcessBuilder.Redirect.PIPE).start();
        p.getOutputStream().write(cells.toString().getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        List<JsonObject> lines = new ArrayList<>();
        for (String line : new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
            lines.add(JsonParser.parseString(line).getAsJsonObject());
        }
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
}
