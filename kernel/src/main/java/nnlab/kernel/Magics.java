package nnlab.kernel;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * IJava's magics, and the splitting of a cell into Java code and magic lines.
 *
 * <p>A line starting with {@code %} is a line magic; a first line starting with {@code %%} makes
 * the whole cell a cell magic. Supported: {@code %classpath PATH...} and {@code %jars PATH...}
 * (paths and globs, separated by spaces or the path separator), {@code %maven COORDINATE...} and
 * {@code %mavenRepo ID URL} (Maven artifacts and their runtime dependencies, {@link MavenMagic}),
 * {@code %%loadFromPOM} (the cell is a POM or a part of one, {@link PomFragment}),
 * {@code %load FILE} (runs a
 * {@code .jsh} or {@code .java} file as if it were a cell), {@code %time CODE} and {@code %%time}
 * (run, then print the wall time). Anything else fails with the list of magics.
 *
 * <pre>{@code
 * %jars lib/*.jar
 * %maven org.apache.commons:commons-csv:1.11.0
 * %load helpers.jsh
 * %time train(net, 10)
 * }</pre>
 *
 * <p>Magics see the session only through {@link Host}: the running cell's Java evaluation, its output
 * and the class path. A new magic ({@code %maven}, say) adds what it needs there, not a call back into
 * the evaluator.
 */
final class Magics {
    static final String KNOWN = "%classpath, %jars, %maven, %mavenRepo, %load, %time, %%time and %%loadFromPOM";

    private final MavenMagic maven;

    /** Magics whose {@code %maven} resolves as the machine's Maven settings say. */
    Magics() {
        this(() -> Maven.fromSettings(MavenSettings.load()));
    }

    /** Magics whose {@code %maven} uses the resolver {@code maven} makes (at first use). */
    Magics(Supplier<Maven> maven) {
        this.maven = new MavenMagic(maven);
    }

    /** What magics may do to the session, on behalf of the running cell. */
    interface Host {
        /** Runs Java code starting at cell line {@code firstLine}; the bundle of its last value, or null. */
        Map<String, String> eval(String code, int firstLine) throws CellFailure;

        /** Adds a class path entry for the compiler and the student JVM, kept across restarts. */
        void addToClasspath(String path);

        /** The session's class path: the kernel's own entries, then those added. */
        List<String> classpath();

        /** Prints text to the cell's stdout. */
        void print(String text);

        /** Prints a warning to the cell's stderr. */
        void warn(String text);

        /**
         * Runs a magic's own work in the kernel (a Maven download) so that the stop button and the cell
         * timeout end the cell at once with "{@code what} was stopped ..." while the session keeps running;
         * the abandoned work finishes, or times out, in the background without touching the session.
         */
        <T> T interruptible(String what, Work<T> work) throws CellFailure, Maven.Failure;
    }

    /** Kernel-side work of a magic, see {@link Host#interruptible}. */
    interface Work<T> {
        T call() throws Maven.Failure;
    }

    /** Runs a whole cell; returns the bundle of the last value, or null. */
    Map<String, String> run(String cell, Host c) throws CellFailure {
        String stripped = cell.stripLeading();
        if (stripped.startsWith("%%")) {
            int skipped = lineCount(cell.substring(0, cell.length() - stripped.length()));
            int eol = stripped.indexOf('\n');
            String head = (eol < 0 ? stripped : stripped.substring(0, eol)).strip();
            String body = eol < 0 ? "" : stripped.substring(eol + 1);
            String name = head.substring(2).split("\\s+")[0];
            if (name.equals("loadFromPOM")) {
                try {
                    maven.loadFromPom(body, c);
                } catch (Maven.Failure e) {
                    throw bad(e.getMessage(), skipped + 1);
                }
                return null;
            }
            if (!name.equals("time")) {
                throw unknown("%%" + name, skipped + 1);
            }
            long t0 = System.nanoTime();
            Map<String, String> v = lines(body, skipped + 2, c);
            c.print(wallTime(t0));
            return v;
        }
        return lines(cell, 1, c);
    }

    /** Runs code mixed with line magics; {@code firstLine} is the cell line of the first line. */
    Map<String, String> lines(String code, int firstLine, Host c) throws CellFailure {
        String[] lines = code.split("\n", -1);
        StringBuilder chunk = new StringBuilder();
        int chunkStart = firstLine;
        Map<String, String> value = null;
        for (int i = 0; i < lines.length; i++) {
            boolean magicLine = lines[i].stripLeading().startsWith("%");
            String inExpression = magicLine || lines[i].indexOf('%') < 0 ? null : MagicExpression.asCall(lines[i], firstLine + i);
            if (inExpression != null) {
                chunk.append(inExpression).append('\n');
            } else if (magicLine) {
                if (!chunk.toString().isBlank()) {
                    value = c.eval(chunk.toString(), chunkStart);
                }
                value = lineMagic(lines[i].strip(), firstLine + i, c);
                chunk.setLength(0);
                chunkStart = firstLine + i + 1;
            } else {
                chunk.append(lines[i]).append('\n');
            }
        }
        if (!chunk.toString().isBlank()) {
            value = c.eval(chunk.toString(), chunkStart);
        }
        return value;
    }

    private Map<String, String> lineMagic(String line, int cellLine, Host c) throws CellFailure {
        String name = line.substring(1).split("\\s+")[0];
        Object v = apply(name, line.substring(1 + name.length()).strip(), cellLine, c);
        @SuppressWarnings("unchecked")
        Map<String, String> bundle = v instanceof Map<?, ?> m ? (Map<String, String>) m : null;
        return bundle;
    }

    /**
     * IJava's {@code lineMagic(name, args)} from a cell's code: runs {@code %name args...}; returns the
     * paths it added ({@code %jars}, {@code %classpath}, {@code %maven}) or null. An unknown name or bad
     * arguments fail with the magic's own message.
     */
    List<String> callLine(String name, List<String> args, Host c) throws CellFailure {
        Object v = apply(name, String.join(" ", args), 0, c);
        @SuppressWarnings("unchecked")
        List<String> paths = v instanceof List<?> l ? (List<String>) l : null;
        return paths;
    }

    /** IJava's {@code cellMagic(name, args, body)}: {@code loadFromPOM} returns the jars it added, {@code time} null. */
    List<String> callCell(String name, List<String> args, String body, Host c) throws CellFailure {
        String head = "%%" + name + (args.isEmpty() ? "" : " " + String.join(" ", args));
        if (!name.equals("loadFromPOM") && !name.equals("time")) {
            throw unknown("%%" + name, 0);
        }
        if (name.equals("time")) {
            run(head + "\n" + body, c);
            return null;
        }
        try {
            return strings(maven.loadFromPom(body, c));
        } catch (Maven.Failure e) {
            throw bad(e.getMessage(), 0);
        }
    }

    /** Runs line magic {@code %name args}: the added paths as strings, the bundle of a value (%time, %load), or null. */
    private Object apply(String name, String args, int cellLine, Host c) throws CellFailure {
        switch (name) {
            case "classpath", "jars" -> {
                return addPaths(name, args, cellLine, c);
            }
            case "load" -> {
                return load(args, cellLine, c);
            }
            case "maven", "mavenRepo" -> {
                try {
                    if (name.equals("maven")) {
                        return strings(maven.maven(args, c));
                    }
                    maven.repository(args);
                    return null;
                } catch (Maven.Failure e) {
                    throw bad(e.getMessage(), cellLine);
                }
            }
            case "time" -> {
                long t0 = System.nanoTime();
                Map<String, String> v = c.eval(args, cellLine);
                c.print(wallTime(t0));
                return v;
            }
            default -> throw unknown("%" + name, cellLine);
        }
    }

    private static List<String> strings(List<Path> paths) {
        return paths.stream().map(Path::toString).collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new));
    }

    private List<String> addPaths(String magic, String args, int cellLine, Host c) throws CellFailure {
        if (args.isEmpty()) {
            throw bad("%" + magic + " needs at least one path or glob, e.g. %" + magic + " lib/*.jar", cellLine);
        }
        List<String> added = new java.util.ArrayList<>();
        for (String pattern : args.split("[\\s" + File.pathSeparator + "]+")) {
            List<Path> paths;
            try {
                paths = Classpath.expand(pattern);
            } catch (IllegalArgumentException e) {
                throw bad("%" + magic + ": " + e.getMessage(), cellLine);
            }
            for (Path p : paths) {
                if (magic.equals("jars") && Files.isDirectory(p)) {
                    for (Path jar : Classpath.expand(p + "/*.jar")) {
                        c.addToClasspath(jar.toString());
                        added.add(jar.toString());
                    }
                } else if (magic.equals("classpath") || p.toString().endsWith(".jar")) {
                    c.addToClasspath(p.toString());
                    added.add(p.toString());
                }
            }
        }
        return added;
    }

    private Map<String, String> load(String file, int cellLine, Host c) throws CellFailure {
        if (file.isEmpty()) {
            throw bad("%load needs a file name, e.g. %load helpers.jsh", cellLine);
        }
        String text;
        try {
            text = Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw bad("%load: cannot read " + file + " (" + e.getClass().getSimpleName() + ")", cellLine);
        }
        return lines(text, 1, c);
    }

    private static String wallTime(long t0) {
        return String.format("Wall time: %.1f ms%n", (System.nanoTime() - t0) / 1e6);
    }

    private static int lineCount(String s) {
        return (int) s.chars().filter(ch -> ch == '\n').count();
    }

    /** Line 0: called from code ({@code lineMagic}), where the Java frame in the trace names the line. */
    static CellFailure unknown(String magic, int line) {
        return CellFailure.simple(CellResult.Status.ERROR, "UnknownMagic",
                "unknown magic " + magic + (line > 0 ? " at cell line " + line : "") + "; the kernel knows " + KNOWN);
    }

    private static CellFailure bad(String message, int line) {
        return CellFailure.simple(CellResult.Status.ERROR, "MagicError", message + (line > 0 ? " (cell line " + line + ")" : ""));
    }
}
