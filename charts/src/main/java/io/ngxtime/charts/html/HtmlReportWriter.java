package io.ngxtime.charts.html;

import io.ngxtime.analyzer.record.LineSample;
import io.ngxtime.analyzer.report.AttributionItem;
import io.ngxtime.analyzer.report.Latency;
import io.ngxtime.analyzer.report.Percentiles;
import io.ngxtime.analyzer.report.Comparison;
import io.ngxtime.analyzer.report.Finding;
import io.ngxtime.analyzer.report.PeakReport;
import io.ngxtime.analyzer.report.PeakWindow;
import io.ngxtime.analyzer.report.Ranked;
import io.ngxtime.analyzer.report.Report;
import io.ngxtime.analyzer.report.RouteReport;
import io.ngxtime.analyzer.report.Summary;
import io.ngxtime.analyzer.report.TierReport;
import io.ngxtime.analyzer.report.TimingReport;
import io.ngxtime.analyzer.report.UpstreamReport;
import io.ngxtime.analyzer.report.UpstreamTotals;
import io.ngxtime.charts.ChangeText;
import io.ngxtime.charts.ChartKind;
import io.ngxtime.charts.ChartOptions;
import io.ngxtime.charts.ChartSize;
import io.ngxtime.charts.Charts;
import io.ngxtime.charts.Figures;
import io.ngxtime.charts.FindingText;
import io.ngxtime.charts.TierNotes;
import io.ngxtime.charts.Palette;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The report as one self-contained HTML page: summary, charts (inline SVG), peaks with attribution,
 * tiers, where the time goes, upstreams, routes, findings, the baseline comparison, status codes and
 * rejected lines. The page loads nothing: no script, no font, no stylesheet or image from elsewhere
 * (a Content-Security-Policy says so too), so it opens offline and is safe to mail around. Every
 * string from a log line is escaped with {@link Html}. Output is deterministic (no generation time).
 */
public final class HtmlReportWriter {
    /** Chart size in the page: about the width of the content column, so text is drawn at its size. */
    public static final ChartSize CHART_SIZE = new ChartSize(1200, 460);
    static final int MAX_ROUTES = 50;


    private final ChartOptions options;

    /** Charts at {@link #CHART_SIZE}, the week chart with its p99 overlay. */
    public HtmlReportWriter() {
        this(ChartOptions.defaults().withSize(CHART_SIZE).withLatencyOverlay(true));
    }

    public HtmlReportWriter(ChartOptions options) {
        this.options = options;
    }

    /**
     * Writes the page.
     *
     * @throws io.ngxtime.charts.NoFontsException when charts cannot be drawn for lack of fonts
     */
    public void write(Report r, Writer out) throws IOException {
        StringBuilder h = new StringBuilder(256 * 1024);
        head(r, h);
        summary(r, h);
        charts(r, h);
        peaks(r, h);
        StoryHtmlRenderer.write(r, h);
        tiers(r.timing(), h);
        where(r.timing(), h);
        upstreams(r, h);
        routes(r, h);
        WhatIfSection.write(r, h);
        findings(r.findings(), h);
        if (r.comparison() != null) {
            comparison(r.comparison(), r.traffic().offsetSeconds(), h);
        }
        status(r.summary(), h);
        rejects(r, h);
        h.append("<footer>Made by ngxtime from the report model; this page loads nothing from anywhere.</footer>\n");
        h.append("</main>\n</body>\n</html>\n");
        out.write(h.toString());
        out.flush();
    }

    static String css() {
        return """
                :root{color-scheme:light}
                body{margin:0;font-family:system-ui,-apple-system,"Segoe UI","DejaVu Sans",sans-serif;font-size:15px;\
                line-height:1.45;color:#222;background:#fff}
                main{max-width:1240px;margin:0 auto;padding:16px 20px 40px}
                h1{font-size:26px;margin:8px 0 4px}
                h2{font-size:20px;margin:34px 0 8px;padding-bottom:4px;border-bottom:1px solid #dde1e5}
                h3{font-size:16px;margin:18px 0 6px}
                nav a{margin-right:14px;color:#0072b2;text-decoration:none}
                dl.summary{display:grid;grid-template-columns:max-content 1fr;gap:2px 18px;margin:12px 0}
                dl.summary dt{color:#5a6570}
                dl.summary dd{margin:0}
                table{border-collapse:collapse;margin:6px 0 12px;font-variant-numeric:tabular-nums}
                th,td{padding:3px 10px;border-bottom:1px solid #eceff2;text-align:left;vertical-align:top}
                th{background:#f3f5f7;font-weight:600}
                td.n,th.n{text-align:right;white-space:nowrap}
                td.t{max-width:560px;overflow-wrap:anywhere}
                tr.slow td{color:#d55e00}
                figure{margin:14px 0 22px}
                figure svg{width:100%;height:auto;display:block}
                figcaption{color:#5a6570;font-size:13px;margin-top:2px}
                .sw{display:inline-block;width:11px;height:11px;margin-right:6px;border-radius:2px;vertical-align:-1px}
                .missing{color:#5a6570;font-style:italic}
                pre{background:#f6f8fa;padding:6px 8px;white-space:pre-wrap;overflow-wrap:anywhere;margin:2px 0 10px}
                footer{margin-top:40px;color:#5a6570;font-size:13px}
                """;
    }

    private void head(Report r, StringBuilder h) {
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        h.append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
                + "img-src data:\">\n");
        h.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        h.append("<title>ngxtime report: ").append(Html.text(String.join(", ", r.inputs()))).append("</title>\n");
        h.append("<style>\n").append(css()).append("</style>\n</head>\n<body>\n<main>\n");
        h.append("<h1>ngxtime report</h1>\n<nav>");
        // every section the page has, in the page's order: the what-if and the comparison only when written
        List<String[]> sections = new ArrayList<>(List.of(new String[] {"charts", "Charts"}, new String[] {"peaks", "Peaks"},
                new String[] {"story", "What happened"}, new String[] {"tiers", "Tiers"},
                new String[] {"upstreams", "Upstreams"}, new String[] {"routes", "Routes"}));
        if (WhatIfSection.isWritten(r)) {
            sections.add(new String[] {"what-if", "What if"});
        }
        sections.add(new String[] {"findings", "Findings"});
        if (r.comparison() != null) {
            sections.add(new String[] {"comparison", "Baseline"});
        }
        sections.add(new String[] {"status", "Status"});
        sections.add(new String[] {"rejects", "Rejected lines"});
        for (String[] s : sections) {
            h.append("<a href=\"#").append(s[0]).append("\">").append(s[1]).append("</a>");
        }
        h.append("</nav>\n");
    }

    private static String num(long n) {
        return Figures.count(n);
    }

    private static String pct(double share) {
        return Figures.percent(share);
    }

    private static String pct(long part, long whole) {
        return Figures.percent(part, whole);
    }

    private static String ms(long micros) {
        return Figures.duration(micros);
    }

    /** A time, or "n/a" when nothing behind it was timed (a format without $request_time). */
    private static String ms(long micros, boolean timed) {
        return timed ? ms(micros) : Figures.NOT_AVAILABLE;
    }

    private static void dt(StringBuilder h, String term, String escapedValue) {
        h.append("<dt>").append(term).append("</dt><dd>").append(escapedValue).append("</dd>\n");
    }

    private void summary(Report r, StringBuilder h) {
        Summary s = r.summary();
        h.append("<dl class=\"summary\">\n");
        dt(h, "inputs", Html.text(String.join(", ", r.inputs())));
        dt(h, "log format", Html.text(r.format()));
        if (!r.filter().isEmpty()) {
            dt(h, "filter", Html.text(r.filter()));
        }
        dt(h, "lines", num(r.lines()));
        dt(h, "requests", num(s.requests()));
        dt(h, "rejected", num(r.rejects().total()) + (r.lines() > 0 ? " (" + Figures.percent(r.rejects().total(), r.lines()) + ")" : ""));
        if (r.notes().total() > 0) {
            dt(h, "noted", Html.text(notes(r)));
        }
        if (s.first() != null) {
            dt(h, "first", Figures.instant(s.first()));
            dt(h, "last", Figures.instant(s.last()));
            dt(h, "load", Figures.perSecond(r.traffic().meanPerSecond()) + " on average, "
                    + Figures.perSecond(r.traffic().maxPerSecond()) + " at most");
        }
        if (s.withoutTime() > 0) {
            dt(h, "without a time", num(s.withoutTime()));
        }
        if (s.requests() > 0) {
            dt(h, "errors", s.statusLogged() ? Figures.percent(s.statusShare(500, 599)) + " 5xx, "
                    + Figures.percent(s.statusShare(400, 499)) + " 4xx" : Figures.NOT_AVAILABLE + " ($status is not logged)");
        }
        r.upstreamTotals().ifPresent(u -> dt(h, "upstream", Figures.count(u.requestsWithAttempts(), "request")
                + " with an attempt, " + Figures.count(u.retriedRequests()) + " retried, "
                + Figures.count(u.internalRedirects(), "internal redirect")));
        TimingReport t = r.timing();
        dt(h, "request time", t.requestTime().measured().map(p -> "p50 " + ms(p.p50()) + ", p99 " + ms(p.p99()) + ", max "
                + ms(p.max()) + clampedNote(p)).orElse(missing(t.requestTime(), "$request_time")));
        h.append("</dl>\n");
    }

    /** Why a distribution is missing, in words. */
    private static String missing(Latency l, String variable) {
        return l.isLogged() ? Figures.NOT_AVAILABLE + " (no value logged)" : Figures.NOT_AVAILABLE + " (" + variable + " is not logged)";
    }

    private static String clampedNote(Percentiles p) {
        return p.clamped() == 0 ? "" : " (" + Figures.count(p.clamped(), "value") + " above " + ms(Percentiles.HIGHEST_MICROS)
                + " counted as " + ms(Percentiles.HIGHEST_MICROS) + ")";
    }

    private static String notes(Report r) {
        StringBuilder sb = new StringBuilder();
        r.notes().byReason().forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(Figures.count(v, "line"))
                .append(" with ").append(k));
        return sb.toString();
    }

    private static final Map<ChartKind, String> CAPTIONS = Map.of(
            ChartKind.REQUESTS, "Requests per second. The band spans the quietest and the busiest second of each column, "
                    + "so a spike of one second is never averaged away; peaks are numbered as in the table below.",
            ChartKind.WEEK, "The last seven days present, in sequence, with the request p99 on the right axis.",
            ChartKind.TIER_LATENCY, "Request time percentiles per minute, by which part of the stack answered.",
            ChartKind.TIME_SPLIT, "Mean time per request, split into upstream connect, wait for the first byte, body "
                    + "transfer, and nginx and the client.",
            ChartKind.UPSTREAMS, "Response time per attempt of each upstream: a slow backend sits to the right.",
            ChartKind.STATUS, "Responses per second by status class.",
            ChartKind.LOAD_LATENCY, "Each dot is a minute: its load against its upstream p99. Where latency climbs with "
                    + "load, a backend is saturating.");

    private void charts(Report r, StringBuilder h) {
        h.append("<h2 id=\"charts\">Charts</h2>\n");
        for (ChartKind kind : ChartKind.values()) {
            if (kind == ChartKind.WEEK && !spansDays(r)) {
                continue;
            }
            Optional<String> missing = kind.missingData(r);
            if (missing.isPresent()) {
                h.append("<p class=\"missing\">No ").append(Html.text(kind.key())).append(" chart: ")
                        .append(Html.text(missing.get())).append(".</p>\n");
                continue;
            }
            h.append("<figure id=\"chart-").append(kind.key()).append("\">\n");
            h.append(Charts.inlineSvg(kind.create(r, options), options.size(), kind.key())).append('\n');
            h.append("<figcaption>").append(Html.text(CAPTIONS.get(kind))).append("</figcaption>\n</figure>\n");
        }
    }

    /** Whether the traffic covers more than one day (otherwise the week chart repeats the requests chart). */
    private static boolean spansDays(Report r) {
        return r.traffic().perSecond().length > 86_400;
    }

    static void table(StringBuilder h, String... headers) {
        h.append("<table>\n<tr>");
        for (String head : headers) {
            boolean numeric = head.startsWith("#");
            h.append(numeric ? "<th class=\"n\">" : "<th>").append(numeric ? head.substring(1) : head).append("</th>");
        }
        h.append("</tr>\n");
    }

    static String n(String escaped) {
        return "<td class=\"n\">" + escaped + "</td>";
    }

    static String t(String raw) {
        return "<td class=\"t\">" + Html.text(raw) + "</td>";
    }

    private void peaks(Report r, StringBuilder h) {
        h.append("<h2 id=\"peaks\">Peaks</h2>\n");
        if (r.peaks().isEmpty()) {
            h.append("<p class=\"missing\">No peaks (no request has a time, none stands out from its baseline,"
                    + " or none were asked for).</p>\n");
            return;
        }
        table(h, "#peak", "busiest second", "#req in it", "busiest minute", "#req in it", "surge", "#req in it",
                "#at the baseline rate", "#baseline req/s", "#p99 before → during", "#5xx before → during");
        int i = 1;
        for (PeakReport p : r.peaks()) {
            PeakWindow w = p.window();
            int off = p.offsetSeconds();
            h.append("<tr>").append(n(Integer.toString(i++))).append("<td>").append(Figures.instant(w.busiestSecond(), off))
                    .append("</td>").append(n(num(w.busiestSecondCount()))).append("<td>")
                    .append(Figures.clock(w.busiestMinute(), off)).append("</td>").append(n(num(w.busiestMinuteCount())))
                    .append("<td>").append(Figures.clock(w.startSecond(), off)).append(" to ")
                    .append(Figures.clock(w.endSecond(), off)).append("</td>").append(n(num(w.surgeRequests())))
                    .append(n(num(Math.round(w.expectedRequests()))))
                    .append(n(Figures.perSecond(w.baselinePerMinute() / 60)));
            if (p.measures().isPresent()) {
                PeakReport.Measures m = p.measures().get();
                h.append(n(Figures.duration(m.p99BeforeMicros()) + " → " + Figures.duration(m.p99DuringMicros())))
                        .append(n(Figures.percent(m.errorRateBefore()) + " → " + Figures.percent(m.errorRateDuring())));
            } else {
                h.append(n(Figures.NOT_AVAILABLE)).append(n(Figures.NOT_AVAILABLE));
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n");
        i = 1;
        for (PeakReport p : r.peaks()) {
            int rank = i++;
            if (p.attribution().values().stream().allMatch(List::isEmpty)) {
                continue;
            }
            PeakReport.Measures m = p.measures().orElseThrow();
            h.append("<h3>What drove peak ").append(rank).append(m.approximate() ? " (some counts approximate)" : "")
                    .append("</h3>\n");
            m.driver().ifPresent(d -> h.append("<p>Mostly ").append(Html.text(d.dimension().replace('_', ' '))).append(" <b>")
                    .append(Html.text(d.item().value())).append("</b> (")
                    .append(num(Math.round(d.item().excessRequests()))).append(" excess requests).</p>\n"));
            table(h, "dimension", "value", "#share during", "#share before", "#excess requests");
            for (Map.Entry<String, List<AttributionItem>> e : p.attribution().entrySet()) {
                for (AttributionItem it : e.getValue().subList(0, Math.min(3, e.getValue().size()))) {
                    h.append("<tr><td>").append(Html.text(e.getKey().replace('_', ' '))).append("</td>")
                            .append(t(it.value())).append(n(pct(it.duringShare())))
                            .append(n(m.requestsBefore() > 0 ? pct(it.beforeShare()) : Figures.NOT_AVAILABLE))
                            .append(n(num(Math.round(it.excessRequests())))).append("</tr>\n");
                }
            }
            h.append("</table>\n");
        }
    }

    private void tiers(TimingReport t, StringBuilder h) {
        h.append("<h2 id=\"tiers\">Request time by tier</h2>\n");
        table(h, "tier", "#requests", "#share", "#p50", "#p90", "#p99", "#p99.9", "#max");
        for (TierReport tier : t.tiers()) {
            String swatch = "<span class=\"sw\" style=\"background:" + Palette.hex(Palette.tier(tier.tier())) + "\"></span>";
            percentileRow(h, swatch + Html.text(tier.tier().replace('_', ' ')), num(tier.requests()), pct(tier.share()),
                    tier.requestTime());
        }
        for (String unknown : t.unknownTiers()) {
            percentileRow(h, Html.text(unknown), Figures.NOT_AVAILABLE, Figures.NOT_AVAILABLE, Latency.Missing.NOT_LOGGED);
        }
        long all = t.tiers().stream().mapToLong(TierReport::requests).sum();
        percentileRow(h, "all", num(all), pct(1), t.requestTime());
        h.append("</table>\n");
        if (!t.unknownTiers().isEmpty()) {
            h.append("<p>").append(Html.text(TierNotes.unknown(t))).append("</p>\n");
        }
        if (t.requestTime().isLogged() && t.withoutRequestTime() > 0) {
            h.append("<p>").append(Figures.count(t.withoutRequestTime(), "request")).append(" without a request time are not timed.</p>\n");
        }
    }

    private static void percentileRow(StringBuilder h, String escapedName, String n, String share, Latency l) {
        h.append("<tr><td>").append(escapedName).append("</td>").append(n(n)).append(n(share))
                .append(n(Figures.duration(l, Percentiles::p50))).append(n(Figures.duration(l, Percentiles::p90)))
                .append(n(Figures.duration(l, Percentiles::p99))).append(n(Figures.duration(l, Percentiles::p999)))
                .append(n(Figures.duration(l, Percentiles::max))).append("</tr>\n");
    }

    private void where(TimingReport t, StringBuilder h) {
        if (t.upstreamTime().count() == 0 && t.upstreamConnect().count() == 0) {
            return;
        }
        h.append("<h3>Where the time goes</h3>\n<p>Upstream parts over requests with an attempt, summed over attempts.</p>\n");
        table(h, "part", "#requests", "#p50", "#p90", "#p99", "#max");
        part(h, Palette.CONNECT, "upstream connect", t.upstreamConnect());
        part(h, Palette.WAIT, "upstream header (time to first byte)", t.upstreamHeader());
        part(h, Palette.TRANSFER, "upstream response", t.upstreamTime());
        part(h, Palette.NGINX, "nginx and client", t.nginxTime());
        h.append("</table>\n");
        if (t.upstreamExceedsRequest().orElse(0) > 0) {
            h.append("<p>").append(num(t.upstreamExceedsRequest().getAsLong()))
                    .append(" requests logged more upstream time than request time (nginx/client time taken as 0).</p>\n");
        }
    }

    private static void part(StringBuilder h, java.awt.Color c, String name, Latency l) {
        h.append("<tr><td><span class=\"sw\" style=\"background:").append(Palette.hex(c)).append("\"></span>")
                .append(name).append("</td>").append(n(l.isLogged() ? num(l.count()) : Figures.NOT_AVAILABLE))
                .append(n(Figures.duration(l, Percentiles::p50))).append(n(Figures.duration(l, Percentiles::p90)))
                .append(n(Figures.duration(l, Percentiles::p99))).append(n(Figures.duration(l, Percentiles::max)))
                .append("</tr>\n");
    }

    private void upstreams(Report r, StringBuilder h) {
        h.append("<h2 id=\"upstreams\">Upstreams</h2>\n");
        if (r.upstreams().isEmpty()) {
            h.append("<p class=\"missing\">No upstream attempts.</p>\n");
            return;
        }
        if (r.upstreamTotals().map(UpstreamTotals::addressesApproximate).orElse(false)) {
            h.append("<p>Approximate: more upstream addresses came than the table keeps; the"
                    + " figures of a kept address are upper bounds.</p>\n");
        }
        java.util.Set<String> slow = new java.util.HashSet<>();
        for (Finding f : r.findings()) {
            if (f.kind() == Finding.Kind.SLOW_BACKEND) {
                f.items().forEach(i -> slow.add(i.subject()));
            }
        }
        h.append("<p>Per attempt; rows in the alert colour are slower than their peers. Latencies leave out attempts "
                + "that got no connection and those the client abandoned.</p>\n");
        table(h, "address", "#attempts", "#failed", "#no connection", "#client aborts", "#retries caused",
                "#connect p50 / p99", "#header p50 / p99", "#response p50 / p99", "#response max");
        for (UpstreamReport u : r.upstreams()) {
            String name = switch (u.kind()) {
                case ADDRESS -> Html.text(u.address());
                case GROUP -> "group " + Html.text(u.address()) + " (no live server)";
                case NOT_LOGGED -> "(address not logged)";
            };
            h.append(slow.contains(u.address()) ? "<tr class=\"slow\">" : "<tr>")
                    .append("<td class=\"t\" title=\"").append(Html.attr(u.address())).append("\">")
                    .append(name).append("</td>")
                    .append(n(num(u.attempts()))).append(n(u.failed().isPresent() ? pct(u.failed().getAsLong(), u.attempts())
                            : Figures.NOT_AVAILABLE)).append(n(Figures.count(u.notConnected()))).append(n(Figures.count(u.clientAborts())))
                    .append(n(num(u.retriesCaused()))).append(n(Figures.p50p99(u.connect())))
                    .append(n(Figures.p50p99(u.header()))).append(n(Figures.p50p99(u.response())))
                    .append(n(Figures.duration(u.response(), Percentiles::max))).append("</tr>\n");
        }
        h.append("</table>\n");
        if (r.upstreams().stream().anyMatch(u -> u.failed().isEmpty())) {
            h.append("<p>Failed: n/a where $upstream_status is not logged, so no attempt's outcome is known.</p>\n");
        }
    }

    private void routes(Report r, StringBuilder h) {
        h.append("<h2 id=\"routes\">Routes</h2>\n");
        List<RouteReport> routes = r.routes().routes();
        if (routes.isEmpty()) {
            h.append("<p class=\"missing\">No routes.</p>\n");
        } else {
            h.append("<p>Heaviest first").append(r.routes().routesApproximate() ? "; counts approximate (more routes than kept)" : "")
                    .append("; latency within 3.2%.</p>\n");
            table(h, "route", "#requests", "#p50", "#p99", "#5xx", "#bytes");
            for (RouteReport rt : routes.subList(0, Math.min(MAX_ROUTES, routes.size()))) {
                h.append("<tr><td class=\"t\" title=\"").append(Html.attr(rt.route())).append("\">")
                        .append(Html.text(rt.route())).append("</td>").append(n(num(rt.requests())))
                        .append(n(Figures.duration(rt.p50Micros()))).append(n(Figures.duration(rt.p99Micros())))
                        .append(n(Figures.percent(rt.errorRate())))
                        .append(n(num(rt.bytes()))).append("</tr>\n");
            }
            h.append("</table>\n");
        }
        ranked(h, "Paths", r.routes().paths(), r.routes().pathsApproximate());
        ranked(h, "Clients", r.routes().clients(), r.routes().clientsApproximate());
    }

    private static void ranked(StringBuilder h, String title, List<Ranked> list, boolean approximate) {
        if (list.isEmpty()) {
            return;
        }
        h.append("<h3>").append(title).append(approximate ? " (approximate)" : "").append("</h3>\n");
        table(h, "value", "#requests");
        for (Ranked x : list) {
            h.append("<tr>").append(t(x.value())).append(n(num(x.count()))).append("</tr>\n");
        }
        h.append("</table>\n");
    }

    private void findings(List<Finding> findings, StringBuilder h) {
        h.append("<h2 id=\"findings\">Findings</h2>\n");
        if (findings.isEmpty()) {
            h.append("<p class=\"missing\">Nothing stood out.</p>\n");
            return;
        }
        for (Finding f : findings) {
            h.append("<h3>").append(Html.text(FindingText.title(f))).append("</h3>\n<p>").append(Html.text(FindingText.detail(f)))
                    .append("</p>\n");
            if (!f.items().isEmpty()) {
                h.append("<ul>\n");
                for (String item : FindingText.items(f)) {
                    h.append("<li>").append(Html.text(item)).append("</li>\n");
                }
                h.append("</ul>\n");
            }
        }
    }

    private void comparison(Comparison c, int offset, StringBuilder h) {
        h.append("<h2 id=\"comparison\">Compared with the baseline</h2>\n<p>Baseline ")
                .append(Figures.instant(c.baselineFromSecond(), offset)).append(" to ").append(Figures.instant(c.baselineToSecond(), offset));
        if (c.baselineEmpty()) {
            h.append(": it has no requests (none that pass the filters), so there is nothing to compare with.</p>\n");
            return;
        }
        boolean sameLength = c.baselineSeconds() == c.windowSeconds();
        h.append(" (").append(Figures.count(c.baselineRequests(), "request")).append(" in ")
                .append(Figures.span(c.baselineSeconds())).append(sameLength ? "" : "; the window is "
                        + Figures.span(c.windowSeconds()) + ", so counts are compared per second").append("). Ranked by how many requests each change"
                        + " concerns: extra requests at the baseline's rate, requests in a changed share, timed requests"
                        + " by how far their time moved.</p>\n");
        table(h, "subject", "metric", "#before", "#after", "#change");
        for (List<Comparison.Change> list : List.of(c.changes(), c.upstreams(), c.routes())) {
            for (Comparison.Change ch : list.subList(0, Math.min(10, list.size()))) {
                h.append("<tr>").append(t(ch.subject())).append("<td>").append(Html.text(ch.metric())).append("</td>")
                        .append(n(ChangeText.before(ch, sameLength))).append(n(ChangeText.after(ch, sameLength)))
                        .append(n(Html.text(ChangeText.change(ch)))).append("</tr>\n");
            }
        }
        h.append("</table>\n");
    }

    private void status(Summary s, StringBuilder h) {
        h.append("<h2 id=\"status\">Requests by status</h2>\n");
        if (!s.statusLogged()) {
            h.append("<p class=\"missing\">Unknown: the log format does not have $status.</p>\n");
            return;
        }
        long logged = s.requests() - s.withoutStatus();
        table(h, "status", "#requests", "#share");
        for (Map.Entry<Integer, Long> e : s.status().entrySet()) {
            int code = e.getKey();
            int cls = code >= 100 && code < 600 ? code / 100 : 0;
            h.append("<tr><td><span class=\"sw\" style=\"background:").append(Palette.hex(Palette.statusClass(cls)))
                    .append("\"></span>").append(code < 0 ? "other" : Integer.toString(code)).append("</td>")
                    .append(n(num(e.getValue()))).append(n(pct(e.getValue(), logged)))
                    .append("</tr>\n");
        }
        h.append("</table>\n");
        if (s.withoutStatus() > 0) {
            h.append("<p>").append(Figures.count(s.withoutStatus(), "request")).append(" from a format without $status are not counted here.</p>\n");
        }
    }

    private void rejects(Report r, StringBuilder h) {
        h.append("<h2 id=\"rejects\">Rejected lines</h2>\n");
        if (r.rejects().total() == 0) {
            h.append("<p class=\"missing\">None: every line matched the log format.</p>\n");
            return;
        }
        h.append("<p>").append(num(r.rejects().total())).append(r.rejects().total() == 1 ? " line does" : " lines do")
                .append(" not match the log format.</p>\n");
        table(h, "reason", "#lines");
        for (Map.Entry<String, Long> e : r.rejects().byReason().entrySet()) {
            h.append("<tr>").append(t(e.getKey())).append(n(num(e.getValue()))).append("</tr>\n");
        }
        h.append("</table>\n<h3>First rejected lines</h3>\n");
        for (LineSample sample : r.rejects().samples()) {
            h.append("<p><code>").append(Html.text(sample.source())).append(':').append(sample.line()).append("</code> ")
                    .append(Html.text(sample.message())).append("</p>\n<pre>").append(Html.text(sample.text()))
                    .append("</pre>\n");
        }
    }
}
