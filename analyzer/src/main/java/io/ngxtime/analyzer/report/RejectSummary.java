package io.ngxtime.analyzer.report;

import io.ngxtime.analyzer.ingest.Rejects;
import java.util.List;
import java.util.Map;

/** Rejected lines: how many, by reason (most frequent first), and the first samples. */
public record RejectSummary(long total, Map<String, Long> byReason, List<Rejects.Sample> samples) {
    public static RejectSummary of(Rejects r) {
        return new RejectSummary(r.total(), r.byReason(), List.copyOf(r.samples()));
    }
}
