package io.ngxtime.analyzer.report;

import io.ngxtime.analyzer.record.LineSample;
import java.util.List;
import java.util.Map;

/**
 * Accepted lines the report says something about (their upstream lists disagree in length, ...): how
 * many by reason, and the first of them as samples (whose text renderers must escape).
 */
public record NoteSummary(Map<String, Long> byReason, List<LineSample> samples) {
    public NoteSummary {
        byReason = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byReason));
        samples = List.copyOf(samples);
    }

    public static NoteSummary empty() {
        return new NoteSummary(Map.of(), List.of());
    }

    /** Noted lines in all. */
    public long total() {
        return byReason.values().stream().mapToLong(Long::longValue).sum();
    }
}
