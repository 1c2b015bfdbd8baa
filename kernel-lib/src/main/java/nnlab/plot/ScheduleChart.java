package nnlab.plot;

import nnlab.optim.Schedule;
import org.knowm.xchart.XYChart;

/**
 * A learning-rate schedule drawn as η against epoch: epoch e = 1, 2, ..., epochs gets {@code s.at(e - 1)}, the rate
 * the {@code Trainer} uses in that epoch (so the curve lines up with a History's {@code lr} column). The line is
 * named by the schedule without "Schedule.", e.g. "exponential(eta0=0.1, d=0.9)".
 *
 * <pre>{@code
 * XYChart c = Plots.schedule(Schedule.exponential(0.1, 0.9), 30);
 * Plots.schedule(c, Schedule.step(0.1, 0.5, 10), 30);      // a second schedule on the same chart
 * Plots.show(c);
 * }</pre>
 */
final class ScheduleChart {
    private ScheduleChart() {
    }

    /** Adds {@code s} over {@code epochs >= 1} epochs to {@code chart} (a new chart when null), named by the schedule. */
    static XYChart add(XYChart chart, Schedule s, int epochs) {
        if (s == null) {
            throw new IllegalArgumentException("schedule: the schedule is null; expected e.g. Schedule.exponential(0.1, 0.9)");
        }
        if (epochs < 1) {
            throw new IllegalArgumentException("schedule: epochs must be >= 1, got " + epochs);
        }
        double[] xs = new double[epochs];
        double[] eta = new double[epochs];
        for (int e = 1; e <= epochs; e++) {
            xs[e - 1] = e;
            eta[e - 1] = s.at(e - 1);
        }
        XYChart c = chart != null ? chart : Style.xyChart("Learning-rate schedule", "epoch", "learning rate η");
        return Lines.line(c, xs, eta, s.toString().replaceFirst("^Schedule\\.", ""));
    }
}
