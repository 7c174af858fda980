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
 */
public record Report(List<String> inputs, String format, long lines, String filter, Summary summary,
                     RejectSummary rejects, TimingReport timing, List<UpstreamReport> upstreams,
                     TrafficReport traffic, List<PeakReport> peaks, RoutesReport routes, List<Finding> findings,
                     Comparison comparison, java.util.Optional<UpstreamTotals> upstreamTotals, NoteSummary notes) {
    public Report {
        inputs = List.copyOf(inputs);
        upstreams = List.copyOf(upstreams);
        peaks = List.copyOf(peaks);
        findings = List.copyOf(findings);
    }

    /** The same report with a comparison. */
    public Report withComparison(Comparison c) {
        return new Report(inputs, format, lines, filter, summary, rejects, timing, upstreams, traffic, peaks, routes,
                findings, c, upstreamTotals, notes);
    }

    /** The same report with peaks (after the attribution pass). */
    public Report withPeaks(List<PeakReport> p) {
        return new Report(inputs, format, lines, filter, summary, rejects, timing, upstreams, traffic, p, routes,
                findings, comparison, upstreamTotals, notes);
    }
}
