package nnlab.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import nnlab.tensor.Tensor;

/**
 * Rows of a tensor shown as small pictures (digits), up to 10 per row, with optional titles.
 *
 * <p>Row r of {@code x} [N, h·w] (or [N, h, w], or one image [h·w]) is image r, pixel (i, j) =
 * {@code x[r, i·w + j]}; a tensor [N, C, h, w] (filters, feature maps) gives N·C images, every [h, w]
 * plane in order. Values are
 * scaled by the minimum and maximum of the whole tensor, {@code t = (v - min) / (max - min)}, and
 * coloured by a {@link ColorMap} (default gray_r: 0 white, max black); a diverging map is centred on 0
 * instead, {@code t = (v + m) / 2m} with {@code m = max|v|}, so white means 0. Each pixel becomes an
 * s×s block with s = round(64 / max(h, w)), so 8×8 and 28×28 digits come out about 64 px wide. A cell
 * widens (the picture stays centred) when a title needs more room, so long titles never run into each other.
 *
 * <pre>{@code
 * Dataset ds = Datasets.digits();
 * BufferedImage im = Images.of(ds.x().rows(0, 10), 8, 8, List.of("0","1","2","3","4","5","6","7","8","9"), ColorMap.GRAY_R);
 * Plots.show(im);
 * }</pre>
 */
final class Images {
    private static final int PER_ROW = 10;
    private static final int PAD = 6;
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final int TITLE_GAP = 8;

    private Images() {
    }

    static BufferedImage of(Tensor x, int h, int w, List<String> titles, ColorMap map) {
        return of(x, h, w, titles, map, Math.max(1, (int) Math.round(64.0 / Math.max(h, w))));
    }

    /** As {@link #of(Tensor, int, int, List, ColorMap)} with each value drawn as a {@code scale}×{@code scale} block. */
    static BufferedImage of(Tensor x, int h, int w, List<String> titles, ColorMap map, int scale) {
        if (x == null) {
            throw new IllegalArgumentException("images: x is null");
        }
        Tensor rows = x.rank() == 1 ? x.reshape(1, -1)
                : x.rank() >= 3 && x.shape(-2) == h && x.shape(-1) == w ? x.reshape(-1, h * w) : x;
        if (h < 1 || w < 1 || rows.rank() != 2 || rows.shape(1) != h * w) {
            throw new IllegalArgumentException("images: expected x of shape [N, " + (long) h * w + "] (N images of "
                    + h + "x" + w + " pixels), got " + java.util.Arrays.toString(x.shape()));
        }
        int n = rows.shape(0);
        if (titles != null && titles.size() != n) {
            throw new IllegalArgumentException("images: " + titles.size() + " titles for " + n + " images");
        }
        if (scale < 1 || scale > 64) {
            throw new IllegalArgumentException("images: scale must be 1..64 screen pixels per value, got " + scale);
        }
        int s = scale;
        int titleH = titles == null ? 0 : 18;
        int cellW = Math.max(w * s + 2 * PAD, titleWidth(titles) + TITLE_GAP);
        int cellH = h * s + 2 * PAD + titleH;
        int cols = Math.max(1, Math.min(n, PER_ROW));
        int gridRows = Math.max(1, (n + cols - 1) / cols);
        BufferedImage out = new BufferedImage(cols * cellW, gridRows * cellH, BufferedImage.TYPE_INT_RGB);
        int[] pixels = new int[out.getWidth() * out.getHeight()];
        java.util.Arrays.fill(pixels, 0xffffffff);
        double[] v = rows.toArray();
        double lo = map.isDiverging() ? -rows.abs().max() : rows.min();
        double range = (map.isDiverging() ? -lo : rows.max()) - lo;
        range = range > 0 ? range : 1;
        for (int r = 0; r < n; r++) {
            int left = (r % cols) * cellW + (cellW - w * s) / 2;
            int top = (r / cols) * cellH + PAD + titleH;
            for (int i = 0; i < h; i++) {
                for (int j = 0; j < w; j++) {
                    int rgb = map.argb((v[r * h * w + i * w + j] - lo) / range);
                    for (int dy = 0; dy < s; dy++) {
                        int base = (top + i * s + dy) * out.getWidth() + left + j * s;
                        java.util.Arrays.fill(pixels, base, base + s, rgb);
                    }
                }
            }
        }
        out.setRGB(0, 0, out.getWidth(), out.getHeight(), pixels, 0, out.getWidth());
        if (titles != null) {
            drawTitles(out, titles, cols, cellW, cellH);
        }
        return out;
    }

    /** The width in pixels of the widest title (0 without titles). */
    private static int titleWidth(List<String> titles) {
        if (titles == null) {
            return 0;
        }
        Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        FontMetrics fm = g.getFontMetrics(TITLE);
        int widest = 0;
        for (String t : titles) {
            widest = Math.max(widest, t == null ? 0 : fm.stringWidth(t));
        }
        g.dispose();
        return widest;
    }

    private static void drawTitles(BufferedImage out, List<String> titles, int cols, int cellW, int cellH) {
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(TITLE);
        g.setColor(new Color(0x262626));
        FontMetrics fm = g.getFontMetrics();
        for (int r = 0; r < titles.size(); r++) {
            String t = titles.get(r) == null ? "" : titles.get(r);
            int x = (r % cols) * cellW + (cellW - fm.stringWidth(t)) / 2;
            int y = (r / cols) * cellH + PAD + fm.getAscent();
            g.drawString(t, x, y);
        }
        g.dispose();
    }
}
