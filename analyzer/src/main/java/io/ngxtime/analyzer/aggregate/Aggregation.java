package io.ngxtime.analyzer.aggregate;

import io.ngxtime.analyzer.record.LineSample;
import io.ngxtime.analyzer.ingest.Rejects;
import io.ngxtime.analyzer.record.Request;
import io.ngxtime.analyzer.record.LineSample;
import io.ngxtime.analyzer.record.TimeWindow;
import io.ngxtime.analyzer.report.NoteSummary;
import io.ngxtime.analyzer.report.RejectSummary;
import io.ngxtime.analyzer.report.Report;
import java.util.List;
import java.util.Map;

/**
 * Every aggregator of a report, fed together, behind the report's filter: counts, timing, upstreams,
 * traffic, routes, slow clients, load and latency per backend (saturation), static assets, and rejected lines.
 * Single-writer; mergeable.
 */
public final class Aggregation implements Aggregator<Aggregation>, java.io.Serializable {
    private final RequestFilter filter;
    private final SummaryAggregator summary = new SummaryAggregator();
    private final TimingAggregator timing = new TimingAggregator();
    private final UpstreamAggregator upstreams = new UpstreamAggregator();
    private final TrafficAggregator traffic = new TrafficAggregator();
    private final RouteAggregator routes = new RouteAggregator();
    private final SlowClientAggregator slowClients = new SlowClientAggregator();
    private final SaturationAggregator saturation = new SaturationAggregator();
    private final CdnOffloadAggregator cdnOffload = new CdnOffloadAggregator();
    private final Rejects rejects;
    /** Samples of accepted lines with a note; the counts come from the requests themselves. */
    private final Rejects noteSamples;
    private long inconsistentUpstreamLists;
    /** Requests offered but left out by the filter. */
    private long outsideFilter;
    /** The time window {@code [from, to)} the reader applies, for the report's description. */
    private TimeWindow window = TimeWindow.ALL;
    /** The zone offset of the last request offered, filtered or not: the window is told in it. */
    private int offeredOffsetSeconds;
    private boolean offered;

    public Aggregation(int maxRejectSamples, RequestFilter filter) {
        this.rejects = new Rejects(maxRejectSamples);
        this.noteSamples = new Rejects(maxRejectSamples);
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

    /** Records the time window the reader keeps requests in, for the report. */
    public void window(TimeWindow window) {
        this.window = window;
    }

    /**
     * A request (with a time) the reader left out for its time. It is not counted (not even in
     * {@code lines}: a window's lines are its own), but the zone offset of the last one read tells the
     * window in the log's offset when no request is in it.
     */
    public void seenOutsideWindow(int offsetSeconds) {
        if (!offered) {
            offeredOffsetSeconds = offsetSeconds;
        }
    }

    /** What the log's format records ({@code Logged} bits): the report knows it even for a range without requests. */
    public void logged(int loggedFields) {
        timing.logged(loggedFields);
    }

    /** Keeps a sample of an accepted line with a note (the count comes from its request). */
    public void noteSample(LineSample sample) {
        noteSamples.addCounted(0, Map.of(), List.of(sample));
    }

    /**
     * Adds a request (if the filter keeps it).
     *
     * @return whether the request is in the report
     */
    public boolean offer(Request r) {
        add(r);
        return lastKept;
    }

    private boolean lastKept;

    @Override
    public void add(Request r) {
        offered = true;
        offeredOffsetSeconds = r.offsetSeconds();
        lastKept = filter.test(r);
        if (!lastKept) {
            outsideFilter++;
            return;
        }
        if (r.upstreamListsInconsistent()) {
            inconsistentUpstreamLists++;
        }
        summary.add(r);
        timing.add(r);
        upstreams.add(r);
        traffic.add(r);
        routes.add(r);
        slowClients.add(r);
        saturation.add(r);
        cdnOffload.add(r);
    }

    /** Counts rejected lines reported in bulk (from a queue batch). */
    public void addRejects(long count, Map<String, Long> byReason, List<LineSample> samples) {
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
        saturation.merge(o.saturation);
        cdnOffload.merge(o.cdnOffload);
        rejects.merge(o.rejects);
        noteSamples.merge(o.noteSamples);
        inconsistentUpstreamLists += o.inconsistentUpstreamLists;
        outsideFilter += o.outsideFilter;
        if (!offered && o.offered) {
            offered = true;
            offeredOffsetSeconds = o.offeredOffsetSeconds;
        }
        if (!window.isBounded()) {
            window(o.window);
        }
    }

    public RequestFilter filter() {
        return filter;
    }

    /** The time window the reader applied ({@link TimeWindow#ALL} when none). */
    public TimeWindow window() {
        return window;
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

    public SaturationAggregator saturation() {
        return saturation;
    }

    public CdnOffloadAggregator cdnOffload() {
        return cdnOffload;
    }

    /** The report (peaks found but not yet attributed: see {@link PeakAttribution}). */
    public Report report(List<String> inputs, String format, int peaks) {
        int offset = summary.lastOffsetSeconds();
        // the lines of the window: its requests, those the filters left out, and its rejected lines
        long lines = summary.requests() + outsideFilter + rejects.total();
        return new Report(inputs, format, lines, describe(summary.requests() > 0 ? offset : offeredOffsetSeconds),
                summary.summary(), new RejectSummary(rejects.total(), rejects.byReason(), rejects.samples()), ReportAssembler.timing(timing),
                ReportAssembler.upstreams(upstreams, saturation), ReportAssembler.traffic(traffic, summary, offset),
                ReportAssembler.peaks(PeakFinder.find(traffic, peaks), null, offset), ReportAssembler.routes(routes),
                ReportAssembler.findings(this), null, ReportAssembler.upstreamTotals(timing, upstreams), notes(),
                java.util.Optional.empty(), cdnOffload.report());
    }

    /** The notes on accepted lines: counted from the requests in the report, sampled as they were read. */
    private NoteSummary notes() {
        if (inconsistentUpstreamLists == 0) {
            return NoteSummary.empty();
        }
        return new NoteSummary(Map.of(io.ngxtime.analyzer.ingest.InputParser.INCONSISTENT_UPSTREAM_LISTS,
                inconsistentUpstreamLists), noteSamples.samples());
    }

    /** The time window and the filters as a user would read them (the window in the log's offset), or empty. */
    private String describe(int offsetSeconds) {
        List<String> parts = new java.util.ArrayList<>();
        java.time.ZoneOffset zone = java.time.ZoneOffset.ofTotalSeconds(offsetSeconds);
        if (window.hasStart()) {
            parts.add("from " + iso(window.fromMillis(), zone));
        }
        if (window.hasEnd()) {
            parts.add("to " + iso(window.toMillis(), zone));
        }
        if (!filter.isAll()) {
            parts.add(filter.description());
        }
        return String.join("; ", parts);
    }

    private static String iso(long millis, java.time.ZoneOffset zone) {
        return io.ngxtime.analyzer.report.InstantText.iso(java.time.Instant.ofEpochMilli(millis).atOffset(zone));
    }

    public Report report(List<String> inputs, String format) {
        return report(inputs, format, 5);
    }
}
