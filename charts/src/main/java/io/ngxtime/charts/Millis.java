package io.ngxtime.charts;

import java.util.Locale;

/** Durations for people: {@code 0.4 ms}, {@code 12.5 ms}, {@code 340 ms}, {@code 1.25 s}, {@code 42 s}. */
public final class Millis {
    private Millis() {
    }

    /** A duration given in milliseconds. */
    public static String format(double ms) {
        if (ms >= 10_000) {
            return String.format(Locale.ROOT, "%.0f s", ms / 1000);
        }
        if (ms >= 1000) {
            return String.format(Locale.ROOT, "%.2f s", ms / 1000);
        }
        if (ms >= 100) {
            return String.format(Locale.ROOT, "%.0f ms", ms);
        }
        return String.format(Locale.ROOT, ms >= 10 ? "%.1f ms" : "%.2f ms", ms);
    }

    /** A duration given in microseconds. */
    public static String micros(long micros) {
        return format(micros / 1000.0);
    }
}
