package io.ngxtime.analyzer.report;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * Counts over the whole analysed range.
 *
 * @param requests    parsed lines (requests)
 * @param status      requests by status code, ascending ({@code -1}: a status nginx cannot write)
 * @param first       earliest request time with the offset it was logged in, or null without times
 * @param last        latest request time, or null
 * @param withoutTime requests whose line had no time
 */
public record Summary(long requests, Map<Integer, Long> status, OffsetDateTime first, OffsetDateTime last,
                      long withoutTime) {
    public Summary {
        status = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(status));
    }

    /** Requests with a status in {@code [from, to]}. */
    public long statusBetween(int from, int to) {
        return status.entrySet().stream().filter(e -> e.getKey() >= from && e.getKey() <= to)
                .mapToLong(Map.Entry::getValue).sum();
    }
}
