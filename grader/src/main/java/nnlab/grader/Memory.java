package nnlab.grader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A process tree: its resident memory, read from /proc on Linux (0 elsewhere), and killing it. */
final class Memory {

    private Memory() {
    }

    /** Sum of VmRSS in bytes over the process and all its descendants. */
    static long treeRss(ProcessHandle root) {
        long total = rss(root.pid());
        for (ProcessHandle h : (Iterable<ProcessHandle>) root.descendants()::iterator) {
            total += rss(h.pid());
        }
        return total;
    }

    /** VmRSS of one process in bytes, 0 when unknown. */
    static long rss(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    String[] parts = line.substring(6).strip().split("\\s+");
                    return Long.parseLong(parts[0]) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }

    /** Kills the process and every descendant still attached to it. */
    static void killTree(Process p) {
        p.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
    }
}
