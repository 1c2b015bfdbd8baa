package nnlab.metrics;

import java.util.Locale;

/** Text and HTML renderings of a {@link ConfusionMatrix} (kept apart so the matrix stays one screen). */
final class ConfusionTable {
    private ConfusionTable() {
    }

    static String text(ConfusionMatrix cm, int[][] counts) {
        int c = counts.length;
        int nameWidth = "precision".length();
        int cellWidth = 6;
        for (String name : cm.classNames()) {
            nameWidth = Math.max(nameWidth, name.length());
            cellWidth = Math.max(cellWidth, name.length());
        }
        for (int[] row : counts) {
            for (int v : row) {
                cellWidth = Math.max(cellWidth, String.valueOf(v).length());
            }
        }
        String nameFmt = "%-" + nameWidth + "s";
        String cellFmt = " %" + cellWidth + "s";
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, nameFmt, "true\\pred"));
        for (String name : cm.classNames()) {
            sb.append(String.format(Locale.ROOT, cellFmt, name));
        }
        sb.append(String.format(Locale.ROOT, cellFmt, "recall")).append('\n');
        for (int i = 0; i < c; i++) {
            sb.append(String.format(Locale.ROOT, nameFmt, cm.classNames().get(i)));
            for (int j = 0; j < c; j++) {
                sb.append(String.format(Locale.ROOT, cellFmt, counts[i][j]));
            }
            sb.append(String.format(Locale.ROOT, cellFmt, fmt(cm.recall(i)))).append('\n');
        }
        sb.append(String.format(Locale.ROOT, nameFmt, "precision"));
        for (int j = 0; j < c; j++) {
            sb.append(String.format(Locale.ROOT, cellFmt, fmt(cm.precision(j))));
        }
        sb.append('\n').append(String.format(Locale.ROOT, "accuracy %.4f (n=%d)", cm.accuracy(), cm.total()));
        return sb.toString();
    }

    static String html(ConfusionMatrix cm, int[][] counts) {
        int c = counts.length;
        StringBuilder sb = new StringBuilder("<table class=\"nnlab-confusion\">\n<thead><tr><th>true \\ pred</th>");
        for (String name : cm.classNames()) {
            sb.append("<th>").append(escape(name)).append("</th>");
        }
        sb.append("<th>recall</th></tr></thead>\n<tbody>\n");
        for (int i = 0; i < c; i++) {
            sb.append("<tr><th>").append(escape(cm.classNames().get(i))).append("</th>");
            for (int j = 0; j < c; j++) {
                String style = i == j ? " style=\"font-weight:bold\"" : "";
                sb.append("<td").append(style).append('>').append(counts[i][j]).append("</td>");
            }
            sb.append("<td>").append(fmt(cm.recall(i))).append("</td></tr>\n");
        }
        sb.append("<tr><th>precision</th>");
        for (int j = 0; j < c; j++) {
            sb.append("<td>").append(fmt(cm.precision(j))).append("</td>");
        }
        sb.append("<td></td></tr>\n</tbody>\n</table>\n");
        sb.append(String.format(Locale.ROOT, "<p>accuracy %.4f (n=%d)</p>", cm.accuracy(), cm.total()));
        return sb.toString();
    }

    static String fmt(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.3f", v);
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
