package io.ngxtime.analyzer.report;

import java.util.List;

/**
 * Everything a renderer needs, computed once: renderers (terminal, JSON, CSV, HTML, charts) never
 * re-aggregate and never see a raw line (except the escaped rejected-line samples).
 *
 * @param inputs     the inputs read, in reading order
 * @param format     the log format's name
 * @param lines      lines read (requests + rejected, empty lines among the rejected)
 * @param filter     the filters applied, as a user would read them (empty: none)
 * @param comparison the baseline comparison, or null
 * @param upstreamTotals retried requests and internal redirects; empty when the format logs no upstream variable
 * @param notes      accepted lines the report says something about
 * @param cacheWhatIf what a TTL cache would have saved on the cache candidates (after its pass); empty when not asked for
 * @param cdnOffload the static assets' share, and what a CDN would take off the origin
 */
public record Report(List<String> inputs, String format, long lines, String filter, Summary summary,
                     RejectSummary rejects, TimingReport timing, List<UpstreamReport> upstreams,
                     TrafficReport traffic, List<PeakReport> peaks, RoutesReport routes, List<Finding> findings,
                     Comparison comparison, java.util.Optional<UpstreamTotals> upstreamTotals, NoteSummary notes,
                     java.util.Optional<CacheWhatIf> cacheWhatIf, CdnOffload cdnOffload) {
    public Report {
        inputs = List.copyOf(inputs);
        upstreams = List.copyOf(upstreams);
        peaks = List.copyOf(peaks);
        findings = List.copyOf(findings);
    }

    /** A report without a cache what-if and without static assets. */
    public Report(List<String> inputs, String format, long lines, String filter, Summary summary,
                  RejectSummary rejects, TimingReport timing, List<UpstreamReport> upstreams,
                  TrafficReport traffic, List<PeakReport> peaks, RoutesReport routes, List<Finding> findings,
                  Comparison comparison, java.util.Optional<UpstreamTotals> upstreamTotals, NoteSummary notes) {
        this(inputs, format, lines, filter, summary, rejects, timing, upstreams, traffic, peaks, routes, findings,
                comparison, upstreamTotals, notes, java.util.Optional.empty(), CdnOffload.EMPTY);
    }

    /** The same report with a cache what-if (after its pass), and its finding added when there is one. */
    public Report withCacheWhatIf(CacheWhatIf w, java.util.Optional<Finding> finding) {
        List<Finding> all = new java.util.ArrayList<>(findings);
        finding.ifPresent(all::add);
        return new Report(inputs, format, lines, filter, summary, rejects, timing, upstreams, traffic, peaks, routes,
                all, comparison, upstreamTotals, notes, java.util.Optional.of(w), cdnOffload);
    }

    /** The same report with a comparison. */
    public Report withComparison(Comparison c) {
        return new Report(inputs, format, lines, filter, summary, rejects, timing, upstreams, traffic, peaks, routes,
                findings, c, upstreamTotals, notes, cacheWhatIf, cdnOffload);
    }

    /** The same report with peaks (after the attribution pass). */
    public Report withPeaks(List<PeakReport> p) {
        return new Report(inputs, format, lines, filter, summary, rejects, timing, upstreams, traffic, p, routes,
                findings, comparison, upstreamTotals, notes, cacheWhatIf, cdnOffload);
    }
}
