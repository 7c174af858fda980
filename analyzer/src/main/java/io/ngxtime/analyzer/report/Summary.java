package io.ngxtime.analyzer.report;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Counts over the whole analysed range.
 *
 * @param requests      parsed lines (requests)
 * @param status        requests by status code, ascending, over the requests whose format logs {@code $status}
 * @param first         earliest request time with the offset it was logged in, or null without times
 * @param last          latest request time, or null
 * @param withoutTime   requests whose line had no time
 * @param withoutStatus requests whose format does not log {@code $status}: their status is unknown
 */
public record Summary(long requests, Map<Integer, Long> status, OffsetDateTime first, OffsetDateTime last,
                      long withoutTime, long withoutStatus) {
    public Summary {
        status = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(status));
    }

    /** Whether any request's status was logged (with none, every status figure is unknown). */
    public boolean statusLogged() {
        return requests > withoutStatus;
    }

    /** Requests with a status in {@code [from, to]}; empty when no request's status was logged. */
    public OptionalLong statusBetween(int from, int to) {
        if (!statusLogged()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(status.entrySet().stream().filter(e -> e.getKey() >= from && e.getKey() <= to)
                .mapToLong(Map.Entry::getValue).sum());
    }

    /** The share of the requests with a logged status that fall in {@code [from, to]}; empty when unknown. */
    public java.util.OptionalDouble statusShare(int from, int to) {
        long logged = requests - withoutStatus;
        if (logged <= 0) {
            return java.util.OptionalDouble.empty();
        }
        return java.util.OptionalDouble.of((double) statusBetween(from, to).getAsLong() / logged);
    }
}
