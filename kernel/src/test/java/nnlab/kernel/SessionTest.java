package nnlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The student JVM's options: its class-data-sharing archive when there is one, the notebook's options last. */
class SessionTest {
    @TempDir
    Path dir;

    @AfterEach
    void clear() {
        System.clearProperty("nnlab.studentArchive");
    }

    @Test
    void noArchiveOptionWithoutTheProperty() {
        assertEquals(List.of(), Session.archiveOptions());
    }

    @Test
    void noArchiveOptionWhenTheFileIsMissing() {
        System.setProperty("nnlab.studentArchive", dir.resolve("student.jsa").toString());
        assertEquals(List.of(), Session.archiveOptions());
    }

    @Test
    void theArchiveComesBeforeTheNotebooksOwnOptions() throws Exception {
        Path jsa = Files.writeString(dir.resolve("student.jsa"), "archive");
        System.setProperty("nnlab.studentArchive", jsa.toString());
        List<String> vm = Session.studentJvmOptions(new Evaluator.Options(List.of("a.jar"), List.of("-XX:SharedArchiveFile=mine.jsa"), 0, 100));
        int archive = vm.indexOf("-XX:SharedArchiveFile=" + jsa);
        assertTrue(archive >= 0, vm.toString());
        assertTrue(vm.contains("-Xlog:cds=off"), vm.toString());
        assertTrue(vm.indexOf("-XX:SharedArchiveFile=mine.jsa") > archive, "the notebook's option must come later and win: " + vm);
    }

    @Test
    void c2ThresholdsComeBeforeTheNotebooksOwnOptions() {
        List<String> vm = Session.studentJvmOptions(new Evaluator.Options(List.of("a.jar"), List.of("-XX:Tier4InvocationThreshold=5000"), 0, 100));
        int ours = vm.indexOf("-XX:Tier4InvocationThreshold=50000");
        assertTrue(ours >= 0 && vm.containsAll(Session.C2_LATER), vm.toString());
        assertTrue(vm.indexOf("-XX:Tier4InvocationThreshold=5000") > ours, "NNLAB_JAVA_OPTS must be able to undo it: " + vm);
    }
}
