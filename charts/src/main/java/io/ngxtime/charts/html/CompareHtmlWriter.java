package io.ngxtime.charts.html;

import io.ngxtime.analyzer.report.Comparison;
import io.ngxtime.analyzer.report.Latency;
import io.ngxtime.analyzer.report.Percentiles;
import io.ngxtime.analyzer.report.Report;
import io.ngxtime.analyzer.report.RunComparison;
import io.ngxtime.analyzer.report.TierReport;
import io.ngxtime.charts.ChangeText;
import io.ngxtime.charts.Charts;
import io.ngxtime.charts.Figures;
import io.ngxtime.charts.RunLatencyChart;
import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToLongFunction;

/**
 * Two runs compared ({@code ngxtime compare --html}) as one self-contained page, in the report page's look
 * ({@link HtmlReportWriter}): each run's summary, both runs' latency percentile curves ({@link RunLatencyChart},
 * inline SVG), request time by tier side by side, and what changed from A to B. Like the report page it
 * loads nothing and escapes every string from a log line with {@link Html}; deterministic.
 */
public final class CompareHtmlWriter {
    private static final List<String> PERCENTILE_NAMES = List.of("p50", "p90", "p95", "p99", "p99.9", "max");
    private static final List<ToLongFunction<Percentiles>> PERCENTILES = List.of(Percentiles::p50, Percentiles::p90,
            Percentiles::p95, Percentiles::p99, Percentiles::p999, Percentiles::max);

    /**
     * Writes the page.
     *
     * @throws io.ngxtime.charts.NoFontsException when the chart cannot be drawn for lack of fonts
     */
    public void write(RunComparison c, Writer out) throws IOException {
        StringBuilder h = new StringBuilder(128 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        h.append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
                + "img-src data:\">\n");
        h.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        h.append("<title>ngxtime compare: ").append(Html.text(String.join(", ", c.before().report().inputs())))
                .append(" against ").append(Html.text(String.join(", ", c.after().report().inputs()))).append("</title>\n");
        h.append("<style>\n").append(HtmlReportWriter.css()).append("</style>\n</head>\n<body>\n<main>\n");
        h.append("<h1>ngxtime compare</h1>\n<p>A is the before, B the after: what changed from A to B.</p>\n");
        h.append("<dl class=\"summary\">\n");
        run("A (before)", c.before(), h);
        run("B (after)", c.after(), h);
        h.append("</dl>\n");
        h.append("<h2 id=\"latency\">Request time, A against B</h2>\n<figure>")
                .append(Charts.inlineSvg(RunLatencyChart.create(c, HtmlReportWriter.CHART_SIZE), HtmlReportWriter.CHART_SIZE,
                        RunLatencyChart.KEY))
                .append("</figure>\n");
        latency(c, h);
        changes(c.comparison(), h);
        h.append("<footer>Made by ngxtime from the two runs' reports; this page loads nothing from anywhere.</footer>\n");
        h.append("</main>\n</body>\n</html>\n");
        out.write(h.toString());
        out.flush();
    }

    private static void run(String label, RunComparison.Run run, StringBuilder h) {
        Report r = run.report();
        int off = r.traffic().offsetSeconds();
        h.append("<dt>").append(label).append("</dt><dd>").append(Figures.instant(run.fromSecond(), off)).append(" to ")
                .append(Figures.instant(run.toSecond(), off)).append(" (").append(Figures.span(run.seconds())).append("); ")
                .append(Figures.count(run.requests(), "request")).append(", ").append(Figures.perSecond(run.perSecond()))
                .append("; ").append(Figures.count(r.rejects().total())).append(" rejected; log format ")
                .append(Html.text(r.format())).append("; ").append(Html.text(String.join(", ", r.inputs())));
        if (!r.filter().isEmpty()) {
            h.append("; ").append(Html.text(r.filter()));
        }
        h.append("</dd>\n");
    }

    private static void latency(RunComparison c, StringBuilder h) {
        h.append("<table>\n<tr><th>subject</th><th>run</th><th class=\"n\">req/s</th>");
        for (String p : PERCENTILE_NAMES) {
            h.append("<th class=\"n\">").append(p).append("</th>");
        }
        h.append("</tr>\n");
        Report a = c.before().report();
        Report b = c.after().report();
        row("all", "A", c.before().perSecond(), a.timing().requestTime(), h);
        row("all", "B", c.after().perSecond(), b.timing().requestTime(), h);
        Set<String> tiers = new LinkedHashSet<>();
        a.timing().tiers().forEach(t -> tiers.add(t.tier()));
        b.timing().tiers().forEach(t -> tiers.add(t.tier()));
        for (String t : tiers) {
            for (RunComparison.Run run : List.of(c.before(), c.after())) {
                TierReport tier = run.report().timing().tier(t).orElse(null);
                row(t, run == c.before() ? "A" : "B", tier == null ? 0 : (double) tier.requests() / run.seconds(),
                        tier == null ? Latency.Missing.NO_VALUES : tier.requestTime(), h);
            }
        }
        h.append("</table>\n");
    }

    private static void row(String subject, String run, double perSecond, Latency latency, StringBuilder h) {
        h.append("<tr><td>").append(subject).append("</td><td>").append(run).append("</td><td class=\"n\">")
                .append(Figures.perSecond(perSecond)).append("</td>");
        for (ToLongFunction<Percentiles> p : PERCENTILES) {
            h.append("<td class=\"n\">").append(Figures.duration(latency, p)).append("</td>");
        }
        h.append("</tr>\n");
    }

    private static void changes(Comparison c, StringBuilder h) {
        h.append("<h2 id=\"changes\">Changes from A to B</h2>\n");
        if (c.baselineEmpty()) {
            h.append("<p class=\"missing\">A has no requests (none that pass the filters): nothing to compare with.</p>\n");
            return;
        }
        boolean sameLength = c.baselineSeconds() == c.windowSeconds();
        h.append("<p>Ranked by how many requests each change concerns: extra requests at A's rate, requests in a changed"
                + " share, timed requests by how far their time moved")
                .append(sameLength ? "" : "; A lasted " + Figures.span(c.baselineSeconds()) + " and B "
                        + Figures.span(c.windowSeconds()) + ", so counts are compared per second").append(".</p>\n");
        h.append("<table>\n<tr><th>subject</th><th>metric</th><th class=\"n\">A</th><th class=\"n\">B</th>"
                + "<th class=\"n\">change</th></tr>\n");
        for (List<Comparison.Change> list : List.of(c.changes(), c.upstreams(), c.routes())) {
            for (Comparison.Change ch : list) {
                h.append("<tr><td class=\"t\">").append(Html.text(ch.subject())).append("</td><td>")
                        .append(Html.text(ch.metric())).append("</td><td class=\"n\">")
                        .append(Html.text(ChangeText.before(ch, sameLength))).append("</td><td class=\"n\">")
                        .append(Html.text(ChangeText.after(ch, sameLength))).append("</td><td class=\"n\">")
                        .append(Html.text(ChangeText.change(ch))).append("</td></tr>\n");
            }
        }
        h.append("</table>\n");
    }
}
