package io.ngxtime.analyzer.aggregate;

import io.ngxtime.analyzer.ingest.Rejects;
import io.ngxtime.analyzer.record.Request;
import io.ngxtime.analyzer.report.RejectSummary;
import io.ngxtime.analyzer.report.Report;
import java.util.List;
import java.util.Map;

/**
 * Every aggregator of a report, fed together, behind the report's filter: counts, timing, upstreams,
 * traffic, routes, slow clients, and rejected lines. Single-writer; mergeable.
 */
public final class Aggregation implements Aggregator<Aggregation> {
    private final RequestFilter filter;
    private final SummaryAggregator summary = new SummaryAggregator();
    private final TimingAggregator timing = new TimingAggregator();
    private final UpstreamAggregator upstreams = new UpstreamAggregator();
    private final TrafficAggregator traffic = new TrafficAggregator();
    private final RouteAggregator routes = new RouteAggregator();
    private final SlowClientAggregator slowClients = new SlowClientAggregator();
    private final Rejects rejects;

    public Aggregation(int maxRejectSamples, RequestFilter filter) {
        this.rejects = new Rejects(maxRejectSamples, null);
        this.filter = filter;
    }

    public Aggregation(int maxRejectSamples) {
        this(maxRejectSamples, RequestFilter.ALL);
    }

    public Aggregation() {
        this(10);
    }

    /** A new, empty aggregation with the same filter and sample limit. */
    public Aggregation emptyCopy() {
        return new Aggregation(rejects.maxSamples(), filter);
    }

    @Override
    public void add(Request r) {
        if (!filter.test(r)) {
            return;
        }
        summary.add(r);
        timing.add(r);
        upstreams.add(r);
        traffic.add(r);
        routes.add(r);
        slowClients.add(r);
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
        timing.merge(o.timing);
        upstreams.merge(o.upstreams);
        traffic.merge(o.traffic);
        routes.merge(o.routes);
        slowClients.merge(o.slowClients);
        rejects.merge(o.rejects);
    }

    public RequestFilter filter() {
        return filter;
    }

    public SummaryAggregator summary() {
        return summary;
    }

    public TimingAggregator timing() {
        return timing;
    }

    public UpstreamAggregator upstreams() {
        return upstreams;
    }

    public TrafficAggregator traffic() {
        return traffic;
    }

    public RouteAggregator routes() {
        return routes;
    }

    public SlowClientAggregator slowClients() {
        return slowClients;
    }

    /** The report (peaks found but not yet attributed: see {@link PeakAttribution}). */
    public Report report(List<String> inputs, String format, int peaks) {
        int offset = summary.lastOffsetSeconds();
        return new Report(inputs, format, summary.requests() + rejects.total(), filter.description(),
                summary.summary(), RejectSummary.of(rejects), ReportBuilder.timing(timing),
                ReportBuilder.upstreams(upstreams), ReportBuilder.traffic(traffic, summary, offset),
                ReportBuilder.peaks(PeakFinder.find(traffic, peaks), null, offset), ReportBuilder.routes(routes),
                ReportBuilder.findings(this), null);
    }

    public Report report(List<String> inputs, String format) {
        return report(inputs, format, 5);
    }
}
