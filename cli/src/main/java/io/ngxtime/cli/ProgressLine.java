package io.ngxtime.cli;

import io.ngxtime.analyzer.ProgressListener;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Progress of a long run on a terminal's stderr: one line, redrawn in place at most every
 * {@link #REDRAW_NANOS}, saying how much of the inputs was read (bytes and lines), how fast and how long
 * is left; erased when the run is done, so what follows on stderr starts on a clean line. Only for a
 * terminal: {@link ProgressOption} decides. Thread-safe (the report's parse thread calls it).
 */
final class ProgressLine implements ProgressListener {
    /** How often the line is redrawn at most. */
    static final long REDRAW_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    private final PrintWriter err;
    private final LongSupplier nanoClock;
    /** The terminal's width: the line is cut to one column less, for a line that wraps cannot be redrawn with \r. */
    private final java.util.function.IntSupplier columns;
    private final long startNanos;
    private long drawnNanos;
    private boolean drawn;
    private int width;

    /**
     * @param nanoClock a monotonic clock in nanoseconds ({@code System::nanoTime}; a fake one in tests)
     * @param columns   the terminal's width (asked at every redraw: cheap; {@link Terminal#columns()} asks the device
     *                  once, so a resized window is followed only through {@code COLUMNS})
     */
    ProgressLine(PrintWriter err, LongSupplier nanoClock, java.util.function.IntSupplier columns) {
        this.err = err;
        this.nanoClock = nanoClock;
        this.columns = columns;
        this.startNanos = nanoClock.getAsLong();
    }

    @Override
    public synchronized void progress(Progress p) {
        long now = nanoClock.getAsLong();
        if (p.done()) {
            if (drawn) {
                err.print("\r" + " ".repeat(width) + "\r");
                err.flush();
                drawn = false;
            }
            return;
        }
        if (drawn && now - drawnNanos < REDRAW_NANOS) {
            return;
        }
        // cut to fit: on a narrow terminal a wrapped line would leave a copy of itself behind at every redraw
        String text = io.ngxtime.cli.render.TerminalColumns.clip(text(p, now - startNanos), Math.max(10, columns.getAsInt() - 1));
        err.print("\r" + text + " ".repeat(Math.max(0, width - text.length())));
        err.flush();
        width = Math.max(width, text.length());
        drawn = true;
        drawnNanos = now;
    }

    /**
     * {@code read 12.0 MB of 48.0 MB (25%), 40,000 lines, 4,000 lines/s, 30 s left}; without a known total
     * (standard input), only what was read and how fast.
     */
    static String text(Progress p, long elapsedNanos) {
        double seconds = elapsedNanos / 1e9;
        StringBuilder b = new StringBuilder("ngxtime: read ").append(megabytes(p.bytesRead()));
        double fraction = p.fraction();
        if (fraction >= 0) {
            b.append(" of ").append(megabytes(p.totalBytes()))
                    .append(String.format(Locale.US, " (%d%%)", (int) Math.floor(fraction * 100)));
        }
        b.append(String.format(Locale.US, ", %,d lines", p.linesRead()));
        if (seconds >= 1) {
            b.append(String.format(Locale.US, ", %,d lines/s", Math.round(p.linesRead() / seconds)));
            if (fraction > 0 && fraction < 1) {
                b.append(", ").append(duration(Math.round(seconds * (1 - fraction) / fraction))).append(" left");
            }
        }
        return b.toString();
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.US, "%.1f MB", bytes / 1e6);
    }

    private static String duration(long seconds) {
        return seconds < 60 ? seconds + " s" : String.format(Locale.US, "%d min %02d s", seconds / 60, seconds % 60);
    }
}
