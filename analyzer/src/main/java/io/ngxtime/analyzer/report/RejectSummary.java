package io.ngxtime.analyzer.report;

import io.ngxtime.analyzer.record.LineSample;
import java.util.List;
import java.util.Map;

/** Rejected lines: how many, by reason (most frequent first), and the first samples. */
public record RejectSummary(long total, Map<String, Long> byReason, List<LineSample> samples) {
    public RejectSummary {
        byReason = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byReason));
        samples = List.copyOf(samples);
    }
}
