package io.ngxtime.analyzer.aggregate;

import io.ngxtime.analyzer.ingest.Rejects;
import io.ngxtime.analyzer.record.Request;
import io.ngxtime.analyzer.report.RejectSummary;
import io.ngxtime.analyzer.report.Report;
import java.util.List;
import java.util.Map;

/**
 * Every aggregator of a report, fed together: requests, and rejected lines as counts and samples.
 * Single-writer; mergeable.
 */
public final class Aggregation implements Aggregator<Aggregation> {
    private final SummaryAggregator summary = new SummaryAggregator();
    private final Rejects rejects;

    public Aggregation(int maxRejectSamples) {
        this.rejects = new Rejects(maxRejectSamples, null);
    }

    public Aggregation() {
        this(10);
    }

    @Override
    public void add(Request r) {
        summary.add(r);
    }

    /** Counts rejected lines reported in bulk (from a queue batch). */
    public void addRejects(long count, Map<String, Long> byReason, List<Rejects.Sample> samples) {
        rejects.addCounted(count, byReason, samples);
    }

    /** The rejected-line tally, for direct reading. */
    public Rejects rejects() {
        return rejects;
    }

    @Override
    public void merge(Aggregation o) {
        summary.merge(o.summary);
        rejects.merge(o.rejects);
    }

    public SummaryAggregator summary() {
        return summary;
    }

    /** The report. */
    public Report report(List<String> inputs, String format) {
        long requests = summary.requests();
        return new Report(inputs, format, requests + rejects.total(), summary.summary(), RejectSummary.of(rejects));
    }
}
