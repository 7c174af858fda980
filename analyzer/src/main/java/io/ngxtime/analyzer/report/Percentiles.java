package io.ngxtime.analyzer.report;

/**
 * Percentiles of a latency distribution in microseconds: values are HdrHistogram's (within its stated
 * relative precision of the exact nearest-rank value), {@code max} is exact. {@code clamped} counts
 * values above the histogram's range, recorded as its maximum.
 */
public record Percentiles(long count, long p50, long p90, long p95, long p99, long p999, long max, long clamped,
                          double meanMicros) {
    public static final Percentiles EMPTY = new Percentiles(0, 0, 0, 0, 0, 0, 0, 0, 0);

    /**
     * The top of the range (one hour): a longer value is counted in {@code clamped} and as this in every
     * figure. Here, with the figures, so that a renderer that states the range needs only the report.
     */
    public static final long HIGHEST_MICROS = 3_600_000_000L;
}
