package nnlab.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubmissionTest {

    @TempDir
    Path tmp;

    @Test
    void findsFoldersPlainFilesAndRenamedNotebooks() throws IOException {
        List<Submission> subs = Submission.find(MergeTest.FIXTURE.resolve("submitted"), "fixture.ipynb");
        assertEquals(List.of("alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan", "judy"),
                subs.stream().map(Submission::studentId).toList());
        Submission dave = subs.get(3);
        assertEquals("my work (1).ipynb", dave.notebook().getFileName().toString());
        assertEquals(List.of("notebook renamed to my work (1).ipynb (expected fixture.ipynb); graded it"), dave.notes());
        assertEquals("carol.ipynb", subs.get(2).notebook().getFileName().toString());
    }

    @Test
    void folderWithoutNotebookIsAProblemAndTimestampTxtIsRead() throws IOException {
        Files.createDirectories(tmp.resolve("zed/.ipynb_checkpoints"));
        Files.writeString(tmp.resolve("zed/.ipynb_checkpoints/fixture-checkpoint.ipynb"), "{}");
        Files.createDirectories(tmp.resolve("amy/fixture"));
        Files.writeString(tmp.resolve("amy/fixture/fixture.ipynb"), "{}");
        Files.writeString(tmp.resolve("amy/timestamp.txt"), "2026-11-20 09:00:00.000000 UTC\n");
        List<Submission> subs = Submission.find(tmp, "fixture.ipynb");
        assertEquals("2026-11-20 09:00:00.000000 UTC", subs.get(0).timestamp());
        assertNull(subs.get(1).notebook());
        assertEquals("no .ipynb notebook in zed/", subs.get(1).problem());
    }

    @Test
    void studentIdsBecomeDistinctSafeFileNames() {
        assertEquals("alice", Autograde.fileName("alice"));
        String a = Autograde.fileName("a b");
        String b = Autograde.fileName("a_b");
        assertEquals("a_b", b);
        assertTrue(a.matches("a_b-[0-9a-f]{8}"), a);
        assertTrue(Autograde.fileName("../x").matches("\\.\\._x-[0-9a-f]{8}"), Autograde.fileName("../x"));
    }

    @Test
    void corruptAndNonNotebookJsonAreRefusedWithAReason() {
        NotebookException e = assertThrows(NotebookException.class, () -> Notebook.parse("{\"cells\": [ {"));
        assertTrue(e.getMessage().startsWith("not valid JSON ("), e.getMessage());
        assertEquals("not a Jupyter notebook: no \"nbformat\" number; expected nbformat 4",
                assertThrows(NotebookException.class, () -> Notebook.parse("{\"a\": 1}")).getMessage());
        assertEquals("not a Jupyter notebook: expected a JSON object with \"cells\", got an array",
                assertThrows(NotebookException.class, () -> Notebook.parse("[1]")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Submission.find(Path.of("no/such/dir"), "x.ipynb"));
    }
}
