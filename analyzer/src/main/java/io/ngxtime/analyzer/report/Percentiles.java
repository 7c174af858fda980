package io.ngxtime.analyzer.report;

/**
 * Percentiles of a latency distribution in microseconds: values are HdrHistogram's (within its stated
 * relative precision of the exact nearest-rank value), {@code max} is exact. {@code clamped} counts
 * values above the histogram's range, recorded as its maximum.
 */
public record Percentiles(long count, long p50, long p90, long p95, long p99, long p999, long max, long clamped,
                          double meanMicros) {
    public static final Percentiles EMPTY = new Percentiles(0, 0, 0, 0, 0, 0, 0, 0, 0);
}
