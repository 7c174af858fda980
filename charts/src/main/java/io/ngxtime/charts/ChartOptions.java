package io.ngxtime.charts;

import java.time.Instant;

/**
 * How to draw: the image size, where the week chart starts, and whether it shows the p99 overlay.
 *
 * @param size           image size
 * @param weekFrom       the week chart's first instant, or null for the last seven days present in the data
 * @param latencyOverlay whether the week chart draws request p99 on a second axis
 */
public record ChartOptions(ChartSize size, Instant weekFrom, boolean latencyOverlay) {
    public ChartOptions {
        if (size == null) {
            throw new IllegalArgumentException("size is required");
        }
    }

    /** 1600x600, the last week present, no overlay. */
    public static ChartOptions defaults() {
        return new ChartOptions(ChartSize.DEFAULT, null, false);
    }

    public ChartOptions withSize(ChartSize s) {
        return new ChartOptions(s, weekFrom, latencyOverlay);
    }

    public ChartOptions withWeekFrom(Instant from) {
        return new ChartOptions(size, from, latencyOverlay);
    }

    public ChartOptions withLatencyOverlay(boolean on) {
        return new ChartOptions(size, weekFrom, on);
    }
}
