package nnlab.grader;

import java.io.PrintStream;

/**
 * A progress bar on the console: students done, the last one's score and the estimated time left.
 *
 * <p>On a terminal the bar redraws in place; otherwise one line per student is printed (for logs).
 *
 * <pre>{@code
 * Progress p = new Progress(40, 0, System.out);
 * p.done(result);      // [#####.....] 20/40 alice 10/10  eta 0:38
 * p.finish();
 * }</pre>
 */
final class Progress {

    private final int total;
    private final int resumed;
    private final PrintStream out;
    private final boolean tty = System.console() != null;
    private final long start = System.nanoTime();
    private int done;

    Progress(int total, int resumed, PrintStream out) {
        this.total = total;
        this.resumed = resumed;
        this.out = out;
        if (out != null && resumed > 0) {
            out.println("Resuming: " + resumed + " results already graded and unchanged");
        }
    }

    synchronized void done(StudentResult r) {
        done++;
        if (out == null) {
            return;
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long eta = Math.round(elapsed / done * (total - done));
        int width = 30;
        int filled = total == 0 ? width : done * width / total;
        String bar = "[" + "#".repeat(filled) + ".".repeat(width - filled) + "]";
        String score = r.failed() ? "FAILED" : Scorer.fmt(r.score()) + "/" + Scorer.fmt(r.maxScore());
        String line = String.format("%s %d/%d  %-16s %-9s eta %d:%02d", bar, done, total, clip(r.studentId()), score,
                eta / 60, eta % 60);
        if (tty) {
            out.print("\r" + line);
        } else {
            out.println(line);
        }
        out.flush();
    }

    void finish() {
        if (out != null && tty && total > 0) {
            out.println();
        }
    }

    private static String clip(String s) {
        return s.length() <= 16 ? s : s.substring(0, 15) + "~";
    }
}
