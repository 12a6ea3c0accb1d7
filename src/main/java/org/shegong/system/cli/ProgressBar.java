package org.shegong.system.cli;

import java.io.PrintStream;

/** A one-line progress bar for terminals; prints nothing when output is not a terminal (logs carry counts). */
public final class ProgressBar {

    private static final int WIDTH = 30;

    private final PrintStream out;
    private final boolean enabled;
    private final String unit;
    private final long startNanos = System.nanoTime();
    private int lastPercent = -1;

    public ProgressBar(PrintStream out, boolean enabled) {
        this(out, enabled, "行");
    }

    /** Counts in {@code unit}: 行 for line formats, 项 for a WordPress export's posts. */
    public ProgressBar(PrintStream out, boolean enabled, String unit) {
        this.out = out;
        this.enabled = enabled;
        this.unit = unit;
    }

    public static ProgressBar forConsole() {
        return forConsole("行");
    }

    public static ProgressBar forConsole(String unit) {
        return new ProgressBar(System.err, System.console() != null, unit);
    }

    /** Shows {@code done} of {@code total} units, labelled with a count of items. */
    public void update(long done, long total, long items) {
        if (!enabled || total <= 0) {
            return;
        }
        int percent = (int) Math.min(100, done * 100 / total);
        if (percent == lastPercent) {
            return;
        }
        lastPercent = percent;
        int filled = percent * WIDTH / 100;
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        out.printf("\r[%s%s] %3d%%  %,d %s  %.0f %s/秒", "#".repeat(filled), " ".repeat(WIDTH - filled), percent,
                items, unit, seconds > 0 ? items / seconds : 0, unit);
        out.flush();
    }

    public void finish() {
        if (enabled && lastPercent >= 0) {
            out.println();
        }
    }
}
