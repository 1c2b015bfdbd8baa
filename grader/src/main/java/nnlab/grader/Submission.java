package nnlab.grader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * One student's hand-in: a folder named after the student (nbgrader's {@code submitted/<student>/...}) or a
 * single {@code <student>.ipynb} file. In a folder the notebook named like the source wins; otherwise the
 * only notebook there is taken and the rename is noted.
 *
 * <pre>{@code
 * for (Submission s : Submission.find(Path.of("submitted"), "04-mlp.ipynb")) {
 *     System.out.println(s.studentId() + " -> " + s.notebook());
 * }
 * }</pre>
 */
public record Submission(String studentId, Path notebook, String timestamp, List<String> notes, String problem) {

    /** The submissions under {@code dir}, sorted by student id; hidden entries are skipped. */
    public static List<Submission> find(Path dir, String notebookName) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("submissions folder " + dir + " does not exist or is not a folder");
        }
        List<Submission> out = new ArrayList<>();
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path p : entries.sorted().toList()) {
                String name = p.getFileName().toString();
                if (name.startsWith(".")) {
                    continue;
                }
                if (Files.isDirectory(p)) {
                    out.add(inFolder(name, p, notebookName));
                } else if (name.endsWith(".ipynb")) {
                    out.add(new Submission(name.substring(0, name.length() - 6), p, timestamp(p, p.getParent()),
                            List.of(), null));
                }
            }
        }
        return out;
    }

    private static Submission inFolder(String student, Path folder, String notebookName) throws IOException {
        List<Path> notebooks;
        try (Stream<Path> walk = Files.walk(folder, 3)) {
            notebooks = walk.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().endsWith(".ipynb"))
                    .filter(f -> !hiddenPart(folder.relativize(f)))
                    .sorted(Comparator.comparingInt(Path::getNameCount).thenComparing(Path::toString))
                    .toList();
        }
        if (notebooks.isEmpty()) {
            return new Submission(student, null, "", List.of(), "no .ipynb notebook in " + folder.getFileName() + "/");
        }
        List<String> notes = new ArrayList<>();
        Path chosen = notebooks.stream().filter(f -> f.getFileName().toString().equals(notebookName)).findFirst()
                .orElse(null);
        if (chosen == null) {
            chosen = notebooks.get(0);
            notes.add(notebooks.size() == 1
                    ? "notebook renamed to " + folder.relativize(chosen) + " (expected " + notebookName + "); graded it"
                    : "no " + notebookName + "; graded " + folder.relativize(chosen) + " of " + notebooks.size()
                    + " notebooks");
        }
        return new Submission(student, chosen, timestamp(chosen, folder), notes, null);
    }

    private static boolean hiddenPart(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /** nbgrader's timestamp.txt when present, else the notebook's modification time (UTC, ISO-8601). */
    private static String timestamp(Path notebook, Path folder) throws IOException {
        for (Path t : List.of(notebook.resolveSibling("timestamp.txt"), folder.resolve("timestamp.txt"))) {
            if (Files.isRegularFile(t)) {
                return Files.readString(t, StandardCharsets.UTF_8).strip();
            }
        }
        return Files.getLastModifiedTime(notebook).toInstant().toString();
    }
}
