package nnlab.grader;

/**
 * The feedback page for one student: score, notes, and every graded cell with its code, output or error,
 * and points. Hidden tests are not shown: a test cell is shown as released.
 *
 * <pre>{@code
 * String html = FeedbackHtml.render(assignment, result);
 * AtomicFiles.write(out.resolve("feedback/alice.html"), html);
 * }</pre>
 */
public final class FeedbackHtml {

    private FeedbackHtml() {
    }

    /** A self-contained HTML page. */
    public static String render(Assignment a, StudentResult r) {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>").append(esc(a.name())).append(" - ")
                .append(esc(r.studentId())).append("</title>\n<style>body{font-family:sans-serif;max-width:60em;"
                + "margin:auto}pre{background:#f6f6f6;padding:.5em;overflow:auto}.ok{color:#070}.bad{color:#a00}"
                + ".cell{border:1px solid #ccc;margin:1em 0;padding:.5em}</style></head><body>\n");
        b.append("<h1>").append(esc(a.name())).append(": feedback for ").append(esc(r.studentId())).append("</h1>\n");
        b.append("<p>Score: <b>").append(Scorer.fmt(r.score())).append(" / ").append(Scorer.fmt(r.maxScore()))
                .append("</b>").append(r.timestamp() == null ? "" : " &middot; submitted " + esc(r.timestamp()))
                .append("</p>\n");
        if (r.failure() != null) {
            b.append("<p class=\"bad\">Grading failed: ").append(esc(r.failure())).append("</p>\n");
        }
        if (!r.issues().isEmpty()) {
            b.append("<h2>Notes</h2>\n<ul>\n");
            r.issues().forEach(i -> b.append("<li>").append(esc(i)).append("</li>\n"));
            b.append("</ul>\n");
        }
        for (StudentResult.CellGrade g : r.cells()) {
            boolean full = g.points() != null && g.points() >= g.maxPoints();
            b.append("<div class=\"cell\" id=\"").append(esc(g.gradeId())).append("\">\n<h3>")
                    .append(esc(g.gradeId())).append(": ")
                    .append(g.points() == null ? "? " : Scorer.fmt(g.points()) + " ")
                    .append("/ ").append(Scorer.fmt(g.maxPoints())).append(" points</h3>\n<p class=\"")
                    .append(full ? "ok" : "bad").append("\">").append(esc(g.message())).append("</p>\n");
            pre(b, "Cell", g.source());
            pre(b, "Value", g.value());
            pre(b, "Output", g.stdout());
            pre(b, "Errors (stderr)", g.stderr());
            if (!g.traceback().isEmpty()) {
                pre(b, "Traceback", String.join("\n", g.traceback()));
            }
            b.append("</div>\n");
        }
        return b.append("</body></html>\n").toString();
    }

    private static void pre(StringBuilder b, String title, String text) {
        if (text != null && !text.isEmpty()) {
            b.append("<p>").append(title).append(":</p><pre>").append(esc(text)).append("</pre>\n");
        }
    }

    /** HTML-escapes text. */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
