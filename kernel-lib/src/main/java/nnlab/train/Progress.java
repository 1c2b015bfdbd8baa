package nnlab.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;
import nnlab.display.Display;
import nnlab.display.HtmlDisplayable;

/**
 * Compact training progress, like tqdm: one line that updates in place, and a short table of every
 * {@code every}-th epoch (and the last), instead of a line for each of 100 epochs.
 *
 * <p>The line: {@code epoch 37/100 [#######.............] 37%  train loss 0.1234  test loss 0.1410  1.5 s,
 * about 2.6 s left} (time left = elapsed / epochs done · epochs to go); at the end just the epochs and the
 * time, {@code epoch 100/100 [####################] 100%  4.1 s}, under the table's last row. By default {@code every} is
 * {@code ceil(epochs / 10)}, so the table has at most about ten rows; {@code every = 1} gives a row per
 * epoch, {@code every = 0} only the last. In a notebook the line and the table are one output redrawn in
 * place ({@code Display.update}, at most every 0.2 s and at each table row); elsewhere each table row is
 * printed as it comes and the line is drawn with {@code \r} only on a terminal. Inside
 * {@code try (var quiet = Progress.silence())} nothing is shown.
 *
 * <pre>{@code
 * Progress progress = new Progress(epochs, "train loss", "test loss", "test accuracy");
 * for (int epoch = 1; epoch <= epochs; epoch++) { ...; progress.update(epoch, trainLoss, testLoss, testAcc); }
 * new Trainer().verbose(5).run(net, loss, opt, train, test, 50, 32);   // the Trainer's own, a row every 5
 * }</pre>
 */
public final class Progress implements HtmlDisplayable {
    private static final int BAR = 20;
    private static final long REDRAW_NANOS = 200_000_000L;
    private static int silenced;
    private final int epochs;
    private final int every;
    private final String[] columns;
    private final List<double[]> rows = new ArrayList<>();
    private final LongSupplier clock;
    private long start = -1;
    private long lastDraw;
    private int epoch;
    private double[] latest;
    private String displayId;
    private String stopped;

    /** Progress of {@code epochs} epochs reporting the named values; a table row every ceil(epochs / 10) epochs. */
    public Progress(int epochs, String... columns) {
        this(epochs, (epochs + 9) / 10, System::nanoTime, columns);
    }

    /** As {@link #Progress(int, String...)} with a table row every {@code every} epochs (0: only the last). */
    public Progress(int epochs, int every, String... columns) {
        this(epochs, every, System::nanoTime, columns);
    }

    Progress(int epochs, int every, LongSupplier clock, String... columns) {
        if (epochs < 1) {
            throw new IllegalArgumentException("Progress: epochs must be >= 1, got " + epochs);
        }
        if (every < 0) {
            throw new IllegalArgumentException("Progress: every must be >= 0 (0: only the last epoch), got " + every);
        }
        if (columns == null || columns.length == 0) {
            throw new IllegalArgumentException("Progress: name at least one value to report, e.g. \"train loss\"");
        }
        this.epochs = epochs;
        this.every = every;
        this.columns = columns.clone();
        this.clock = clock;
    }

    /** Shows nothing until closed (e.g. while a check runs training a few times): {@code try (var q = Progress.silence())}. */
    public static Quiet silence() {
        synchronized (Progress.class) {
            silenced++;
        }
        return new Quiet();
    }

    /** Records epoch {@code epoch} (from 1) with one value per column, and redraws. */
    public void update(int epoch, double... values) {
        if (values == null || values.length != columns.length) {
            throw new IllegalArgumentException("Progress.update: expected " + columns.length + " values "
                    + Arrays.toString(columns) + ", got " + (values == null ? "null" : values.length));
        }
        if (epoch < 1 || epoch > epochs) {
            throw new IllegalArgumentException("Progress.update: epoch must be in 1.." + epochs + ", got " + epoch);
        }
        long now = clock.getAsLong();
        if (start < 0) {
            start = now - 1;
        }
        this.epoch = epoch;
        this.latest = values.clone();
        boolean row = epoch == epochs || (every > 0 && epoch % every == 0);
        if (row) {
            addRow();
        }
        if (!isSilenced()) {
            show(row, now);
        }
    }

    /** Training ended before the last epoch (early stopping): the table gets this epoch's row and the reason. */
    public void stop(String reason) {
        if (latest == null) {
            return;
        }
        stopped = reason;
        if (rows.isEmpty() || rows.get(rows.size() - 1)[0] != epoch) {
            addRow();
        }
        if (!isSilenced()) {
            show(true, clock.getAsLong());
        }
    }

    private void addRow() {
        double[] r = new double[latest.length + 1];
        r[0] = epoch;
        System.arraycopy(latest, 0, r, 1, latest.length);
        rows.add(r);
    }

    private static synchronized boolean isSilenced() {
        return silenced > 0;
    }

    private void show(boolean row, long now) {
        if (Display.inNotebook()) {
            if (displayId == null) {
                displayId = Display.display(this);
                lastDraw = now;
            } else if (row || now - lastDraw >= REDRAW_NANOS) {
                Display.update(displayId, this);
                lastDraw = now;
            }
            return;
        }
        boolean terminal = System.console() != null;
        if (row) {
            System.out.print((terminal ? "\r\033[K" : "") + (rows.size() == 1 ? header() + "\n" : "")
                    + format(rows.get(rows.size() - 1)) + "\n");
        }
        if (terminal) {
            System.out.print("\r\033[K" + line() + (done() ? "\n" : ""));
        } else if (done()) {
            System.out.println(line());
        }
        System.out.flush();
    }

    /** The progress line: epoch, bar, percentage, latest values, time so far and time left. */
    String line() {
        int filled = (int) Math.round((double) BAR * epoch / epochs);
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "epoch %" + digits() + "d/%d [%s%s] %3d%%",
                epoch, epochs, "#".repeat(filled), ".".repeat(BAR - filled), Math.round(100.0 * epoch / epochs)));
        for (int i = 0; i < columns.length && !done(); i++) {   // once done, the table's last row has them
            sb.append(String.format(Locale.ROOT, "  %s %.4f", columns[i], latest[i]));
        }
        double elapsed = (clock.getAsLong() - start) / 1e9;
        sb.append(String.format(Locale.ROOT, "  %s", seconds(elapsed)));
        if (stopped != null) {
            sb.append("; stopped: ").append(stopped);
        } else if (epoch < epochs) {
            sb.append(String.format(Locale.ROOT, ", about %s left", seconds(elapsed / epoch * (epochs - epoch))));
        }
        return sb.toString();
    }

    /** The table's header: "epoch" and the column names. */
    String header() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%" + Math.max(5, digits()) + "s", "epoch"));
        for (String c : columns) {
            sb.append(String.format(Locale.ROOT, "  %" + Math.max(8, c.length()) + "s", c));
        }
        return sb.toString();
    }

    private String format(double[] row) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%" + Math.max(5, digits()) + "d", (int) row[0]));
        for (int i = 0; i < columns.length; i++) {
            sb.append(String.format(Locale.ROOT, "  %" + Math.max(8, columns[i].length()) + ".4f", row[i + 1]));
        }
        return sb.toString();
    }

    private boolean done() {
        return epoch == epochs || stopped != null;
    }

    private int digits() {
        return Integer.toString(epochs).length();
    }

    private static String seconds(double s) {
        return s < 60 ? String.format(Locale.ROOT, "%.1f s", s) : String.format(Locale.ROOT, "%d min %02d s",
                (long) s / 60, (long) s % 60);
    }

    /** The table so far, then the progress line. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        if (!rows.isEmpty()) {
            sb.append(header()).append('\n');
            rows.forEach(r -> sb.append(format(r)).append('\n'));
        }
        return sb.append(latest == null ? "epoch 0/" + epochs : line()).toString();
    }

    /** The same as {@link #toString()}, in a monospaced block that the notebook redraws in place. */
    @Override
    public String toHtml() {
        String text = toString().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        return "<pre class=\"nnlab-progress\" style=\"margin:0\">" + text + "</pre>";
    }

    /** What {@link #silence()} returns: progress shows again once every open one is closed. */
    public static final class Quiet implements AutoCloseable {
        private boolean closed;

        private Quiet() {
        }

        @Override
        public void close() {
            synchronized (Progress.class) {
                if (!closed) {
                    closed = true;
                    silenced--;
                }
            }
        }
    }
}
