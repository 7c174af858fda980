package io.ngxtime.cli.render;

import io.ngxtime.analyzer.record.LineSample;
import io.ngxtime.analyzer.report.AttributionItem;
import io.ngxtime.analyzer.report.Latency;
import io.ngxtime.analyzer.report.Percentiles;
import io.ngxtime.charts.ChangeText;
import io.ngxtime.charts.Figures;
import io.ngxtime.charts.FindingText;
import io.ngxtime.charts.SaturationText;
import io.ngxtime.charts.TierNotes;
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
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import picocli.CommandLine.Help.Ansi;

/**
 * The report as aligned text tables for a terminal; colour through picocli's {@link Ansi} (the caller
 * decides: {@link Ansi#OFF} off a terminal). Log text is made safe.
 *
 * <p>Rows: with a row limit, every table shows at most that many rows and a last line says how many
 * more there are; without one, each table keeps its own (upstreams and routes 15, top clients 5, each
 * kind of change against the baseline 6, statuses and reasons all of them).
 */
public final class TextReportRenderer {
    static final int DEFAULT_ROWS = 15;
    private static final int DEFAULT_CLIENT_ROWS = 5;
    private static final int DEFAULT_CHANGE_ROWS = 6;
    /** Where a wrapped message about a sample line goes on: deeper than the line itself (indented 4). */
    private static final int SAMPLE_HANGING = 6;
    /** Tables in full, and narrower for a terminal they do not fit ({@link TableLayout}). */
    private static final String TIER_ROW = "  %-14s %12s %7s %9s %9s %9s %9s %9s%n";
    private static final String TIER_ROW_NARROW = "  %-14s %10s %7s %8s %8s %8s %8s %8s%n";
    private static final String WHERE_ROW = "  %-26s %12s %9s %9s %9s %9s%n";
    private static final String WHERE_ROW_NARROW = "  %-26s %10s %9s %9s %9s %9s%n";
    /** The upstream table on one line per address; narrower, its latencies on a second line. */
    /** Its first cell is padded to {@value #UPSTREAM_WIDTH} columns by {@link TerminalColumns#cell}, not by the format. */
    private static final String UPSTREAM_ROW = "  %s %10s %8s %8s %8s %17s %17s %17s%n";
    private static final String UPSTREAM_ROW_NARROW = "  %s %10s %8s %8s %8s%n";
    private static final int UPSTREAM_WIDTH = 28;
    private static final String UPSTREAM_LATENCIES = "    p50/p99  connect %s  header %s  response %s%n";
    private static final int ROUTE_WIDTH = 40;
    /** A peak's attributed values are clipped at this many characters (fewer where a terminal needs it). */
    private static final int ATTRIBUTION_VALUE_WIDTH = 60;

    private final Ansi ansi;
    private final OptionalInt rows;
    /** How wide the tables may be: a terminal's width, or {@link Integer#MAX_VALUE} for a pipe or a file. */
    private final int columns;

    /**
     * @param ansi colour or not ({@link Ansi#ON}, {@link Ansi#OFF}; never {@link Ansi#AUTO}, which guesses)
     * @param rows at most this many rows in every table, or empty for each table's own default
     */
    public TextReportRenderer(Ansi ansi, OptionalInt rows) {
        this(ansi, rows, Integer.MAX_VALUE);
    }

    /**
     * @param columns the terminal's width: tables wider than it take a narrower layout (the same figures); a pipe
     *                or a file ({@link Integer#MAX_VALUE}) gets the full layout
     */
    public TextReportRenderer(Ansi ansi, OptionalInt rows, int columns) {
        if (rows.isPresent() && rows.getAsInt() < 0) {
            throw new IllegalArgumentException("rows must not be negative, was " + rows.getAsInt());
        }
        this.ansi = ansi;
        this.rows = rows;
        this.columns = columns;
    }

    private String bold(String s) {
        return ansi.apply(s, List.of(Ansi.Style.bold)).toString();
    }

    /** How many rows of a table to show: the row limit given, or the table's own default. */
    private int shown(int size, int tableDefault) {
        return Math.min(size, rows.orElse(tableDefault));
    }

    /**
     * The line that says a table was cut: always when {@code saidByDefault} (a table that has always said
     * it), else only under a row limit given (without one the table keeps the layout it always had).
     */
    private void more(int size, int shown, boolean saidByDefault, PrintWriter out) {
        if (shown < size && (saidByDefault || rows.isPresent())) {
            out.printf(Locale.US, "  ... %d more%n", size - shown);
        }
    }

    private static String safe(String s) {
        return TerminalText.safe(s);
    }

    /** A time, or "n/a" when nothing behind it was timed (a format without $request_time). */
    static String ms(long micros, boolean timed) {
        return timed ? ms(micros) : Figures.NOT_AVAILABLE;
    }

    static String ms(long micros) {
        return Figures.duration(micros);
    }

    private static String pct(double share) {
        return Figures.percent(share);
    }

    public void render(Report r, PrintWriter out) {
        Summary s = r.summary();
        out.println(bold("ngxtime report"));
        out.printf(Locale.US, "  inputs      %s%n", safe(String.join(", ", r.inputs())));
        out.printf(Locale.US, "  log format  %s%n", safe(r.format()));
        if (!r.filter().isEmpty()) {
            out.printf(Locale.US, "  filter      %s%n", safe(r.filter()));
        }
        out.printf(Locale.US, "  lines       %s%n", Figures.count(r.lines()));
        out.printf(Locale.US, "  requests    %s%n", Figures.count(s.requests()));
        out.printf(Locale.US, "  rejected    %s%s%n", Figures.count(r.rejects().total()),
                r.lines() > 0 ? " (" + Figures.percent(r.rejects().total(), r.lines()) + ")" : "");
        if (r.notes().total() > 0) {
            r.notes().byReason().forEach((k, v) -> out.printf(Locale.US, "  noted       %s with %s%n",
                    Figures.count(v, "line"), safe(k)));
        }
        if (s.first() != null) {
            out.printf(Locale.US, "  first       %s%n", Figures.instant(s.first()));
            out.printf(Locale.US, "  last        %s%n", Figures.instant(s.last()));
            out.printf(Locale.US, "  load        %s on average, %s at most%n",
                    Figures.perSecond(r.traffic().meanPerSecond()),
                    Figures.perSecond(r.traffic().maxPerSecond()));
        }
        r.upstreamTotals().ifPresent(u -> out.printf(Locale.US, "  upstream    %s with an attempt, %s retried, %s%n",
                Figures.count(u.requestsWithAttempts(), "request"), Figures.count(u.retriedRequests()),
                Figures.count(u.internalRedirects(), "internal redirect")));
        tiers(r.timing(), out);
        where(r.timing(), out);
        upstreams(r.upstreams(), r.upstreamTotals().map(UpstreamTotals::addressesApproximate).orElse(false), out);
        peaks(r.peaks(), r.timing().requestTime().count() > 0, out);
        StoryTextRenderer.render(r, this::bold, columns, out);
        routes(r, out);
        new WhatIfTextRenderer(this::bold, rows.orElse(Integer.MAX_VALUE), columns).render(r, out);
        findings(r.findings(), out);
        if (r.comparison() != null) {
            comparison(r.comparison(), r.traffic().offsetSeconds(), out);
        }
        status(s, out);
        rejects(r, out);
        notes(r, out);
    }

    private void tiers(TimingReport t, PrintWriter out) {
        out.println();
        long all = 0;
        for (TierReport tier : t.tiers()) {
            all += tier.requests();
        }
        out.println(bold("Request time by tier") + "  (HdrHistogram, " + t.significantDigits() + " significant digits)"
                + (!t.requestTime().isLogged() ? "  (n/a: the log format has no $request_time)"
                : t.withoutRequestTime() > 0 ? "  (" + Figures.count(t.withoutRequestTime(), "request")
                + " without a request time are not timed)" : ""));
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {"tier", "requests", "share", "p50", "p90", "p99", "p99.9", "max"});
        for (TierReport tier : t.tiers()) {
            rows.add(row(tier.tier().replace('_', ' '), Figures.count(tier.requests()), pct(tier.share()), tier.requestTime()));
        }
        for (String unknown : t.unknownTiers()) {
            rows.add(row(unknown, Figures.NOT_AVAILABLE, Figures.NOT_AVAILABLE, Latency.Missing.NOT_LOGGED));
        }
        rows.add(row("all", Figures.count(all), pct(1), t.requestTime()));
        TableLayout.fitting(rows, TIER_ROW, TIER_ROW_NARROW, columns, out);
        if (!t.unknownTiers().isEmpty()) {
            out.println("  " + TierNotes.unknown(t));
        }
        t.requestTime().measured().filter(p -> p.clamped() > 0).ifPresent(p -> out.printf(Locale.US,
                "  %s above %s counted as %s (a clock that jumped?)%n", Figures.count(p.clamped(), "request time"),
                ms(Percentiles.HIGHEST_MICROS),
                ms(Percentiles.HIGHEST_MICROS)));
    }

    private static Object[] row(String name, String n, String share, Latency l) {
        return new Object[] {name, n, share, Figures.duration(l, Percentiles::p50), Figures.duration(l, Percentiles::p90),
            Figures.duration(l, Percentiles::p99), Figures.duration(l, Percentiles::p999), Figures.duration(l, Percentiles::max)};
    }


    private void where(TimingReport t, PrintWriter out) {
        if (t.upstreamTime().count() == 0 && t.upstreamConnect().count() == 0) {
            return;
        }
        out.println();
        out.println(bold("Where the time goes") + "  (upstream parts: requests with an attempt, summed over attempts)");
        TableLayout.fitting(List.of(new Object[] {"", "requests", "p50", "p90", "p99", "max"},
                part("upstream connect", t.upstreamConnect()), part("upstream header (TTFB)", t.upstreamHeader()),
                part("upstream response", t.upstreamTime()), part("nginx/client", t.nginxTime())), WHERE_ROW, WHERE_ROW_NARROW,
                columns, out);
        if (t.upstreamExceedsRequest().orElse(0) > 0) {
            out.printf(Locale.US, "  %s logged more upstream time than request time (nginx/client time taken as 0)%n",
                    Figures.count(t.upstreamExceedsRequest().getAsLong(), "request"));
        }
    }

    private static Object[] part(String name, Latency l) {
        return new Object[] {name, l.isLogged() ? Figures.count(l.count()) : Figures.NOT_AVAILABLE,
            Figures.duration(l, Percentiles::p50), Figures.duration(l, Percentiles::p90),
            Figures.duration(l, Percentiles::p99), Figures.duration(l, Percentiles::max)};
    }

    private void upstreams(List<UpstreamReport> ups, boolean approximate, PrintWriter out) {
        if (ups.isEmpty()) {
            return;
        }
        out.println();
        out.println(bold("Upstreams") + (approximate ? "  (approximate: more addresses than kept)" : "")
                + "  (per attempt; latencies leave out attempts without a connection or abandoned by the client)");
        int shown = shown(ups.size(), DEFAULT_ROWS);
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {TerminalColumns.cell("address", UPSTREAM_WIDTH), "attempts", "failed", "no conn", "retries", "connect p50/p99", "header p50/p99",
            "response p50/p99"});
        for (UpstreamReport u : ups.subList(0, shown)) {
            String name = switch (u.kind()) {
                case ADDRESS -> safe(u.address());
                case GROUP -> "group " + safe(u.address());
                case NOT_LOGGED -> "(address not logged)";
            };
            rows.add(new Object[] {TerminalColumns.cell(name, UPSTREAM_WIDTH), Figures.count(u.attempts()),
                u.failed().isPresent() ? Figures.percent(u.failed().getAsLong(), u.attempts()) : Figures.NOT_AVAILABLE,
                Figures.count(u.notConnected()), Figures.count(u.retriesCaused()),
                compact(u.connect()), compact(u.header()), compact(u.response())});
        }
        // narrower: each address's latencies on a line of their own under it
        TableLayout.fullOrTwoLines(rows, UPSTREAM_ROW, UPSTREAM_ROW_NARROW, 5, UPSTREAM_LATENCIES, columns, out);
        more(ups.size(), shown, true, out);
        for (UpstreamReport u : ups.subList(0, shown)) {
            u.saturation().ifPresent(sat -> out.printf(Locale.US, "  saturation of %s: %s%n", safe(u.address()),
                    SaturationText.line(sat)));
        }
        if (ups.stream().anyMatch(u -> u.kind() == UpstreamReport.Kind.GROUP)) {
            out.println("  group: nginx logged the upstream group's name (no live server in it), not a server's address");
        }
        if (ups.stream().anyMatch(u -> u.failed().isEmpty())) {
            out.println("  failed n/a: the log format has no $upstream_status, so no attempt's outcome is known");
        }
        long aborts = ups.stream().mapToLong(u -> u.clientAborts().orElse(0)).sum();
        if (aborts > 0) {
            out.printf(Locale.US, "  %s abandoned by the client (499) are not counted as failures%n",
                    Figures.count(aborts, "attempt"));
        }
    }

    /** "p50/p99" without spaces, for the narrow terminal columns. */
    private static String compact(Latency l) {
        return Figures.p50p99(l).replace(" / ", "/").replace(" ms", "ms").replace(" s", "s");
    }

    private void peaks(List<PeakReport> peaks, boolean timed, PrintWriter out) {
        if (peaks.isEmpty()) {
            return;
        }
        out.println();
        out.println(bold("Peaks") + "  (distinct events, busiest first)");
        int i = 1;
        for (PeakReport p : peaks) {
            PeakWindow w = p.window();
            int off = p.offsetSeconds();
            out.printf(Locale.US, "  %d. %s  %s req in that second; busiest minute %s with %s req%n", i++,
                    Figures.instant(w.busiestSecond(), off), Figures.count(w.busiestSecondCount()),
                    Figures.clock(w.busiestMinute(), off), Figures.count(w.busiestMinuteCount()));
            out.printf(Locale.US, "     surge %s to %s, %s req where the baseline rate gives %s;"
                            + " baseline %s to %s (median minute) %s%n",
                    Figures.clock(w.startSecond(), off), Figures.clock(w.endSecond(), off), Figures.count(w.surgeRequests()),
                    Figures.count(Math.round(w.expectedRequests())), Figures.clock(w.baselineStartSecond(), off),
                    Figures.clock(w.baselineEndSecond(), off), Figures.perSecond(w.baselinePerMinute() / 60));
            if (p.measures().isPresent()) {
                PeakReport.Measures m = p.measures().get();
                // no baseline request (the surge covers the whole range): nothing to compare with
                boolean before = m.requestsBefore() > 0;
                out.printf(Locale.US, "     p99 %s -> %s, 5xx %s -> %s%s%n", Figures.duration(m.p99BeforeMicros()),
                        Figures.duration(m.p99DuringMicros()), Figures.percent(m.errorRateBefore()),
                        Figures.percent(m.errorRateDuring()), m.approximate() ? "  (some counts approximate)" : "");
                // the driver's line is prose (a terminal wraps it); the attribution rows are a table, clipped to fit
                m.driver().ifPresent(d -> out.printf(Locale.US, "     driven by %s %s (+%s req)%n",
                        d.dimension().replace('_', ' '), TerminalColumns.clip(safe(d.item().value()), ATTRIBUTION_VALUE_WIDTH),
                        Figures.count(Math.round(d.item().excessRequests()))));
                // one wording for the surge's rows: the shorter one when a row would not fit even so
                List<Map.Entry<String, AttributionItem>> rows = new ArrayList<>();
                p.attribution().forEach((dimension, items) -> items.subList(0, Math.min(2, items.size()))
                        .forEach(it -> rows.add(Map.entry(dimension, it))));
                boolean shorter = rows.stream().anyMatch(row ->
                        TerminalColumns.width(attribution(row.getKey(), row.getValue(), before, false).stripTrailing()) > columns);
                rows.forEach(row -> out.print(attribution(row.getKey(), row.getValue(), before, shorter)));
            }
        }
    }

    /**
     * One attributed value of a peak: a table row (never wrapped), whose value is clipped at
     * {@value #ATTRIBUTION_VALUE_WIDTH} characters, or shorter where the terminal needs it (down to
     * {@value TableLayout#NARROWEST_NAME}).
     *
     * @param shorter the share during the surge without its word ("61.7% vs 0.070% before"): for a surge one of whose
     *                rows does not fit even with its value at the narrowest; the rows are under the surge they
     *                attribute, and every figure is kept
     */
    private String attribution(String dimension, AttributionItem it, boolean before, boolean shorter) {
        String value = safe(it.value());
        String during = pct(it.duringShare());
        String beforeShare = before ? pct(it.beforeShare()) : Figures.NOT_AVAILABLE;
        String excess = Figures.signedCount(Math.round(it.excessRequests()));
        String format = shorter ? "     %-15s %s  %s vs %s before (%s req)%n" : "     %-15s %s  %s during vs %s before (%s req)%n";
        String line = String.format(Locale.US, format, dimension, TerminalColumns.clip(value, ATTRIBUTION_VALUE_WIDTH), during,
                beforeShare, excess);
        int over = TerminalColumns.width(line.stripTrailing()) - columns;
        if (over > 0) {
            int width = Math.max(TableLayout.NARROWEST_NAME, Math.min(TerminalColumns.width(value), ATTRIBUTION_VALUE_WIDTH) - over);
            line = String.format(Locale.US, format, dimension, TerminalColumns.clip(value, width), during, beforeShare, excess);
        }
        return line;
    }

    private void routes(Report r, PrintWriter out) {
        List<RouteReport> routes = r.routes().routes();
        if (routes.isEmpty()) {
            return;
        }
        out.println();
        out.println(bold("Routes") + (r.routes().routesApproximate() ? "  (approximate: more routes than kept)" : "")
                + "  (latency ±3.2%)");
        // the route column gives up what a narrower terminal lacks (down to 16), the figures keep their width
        int shownRoutes = shown(routes.size(), DEFAULT_ROWS);
        List<String> names = new ArrayList<>();
        List<Object[]> figures = new ArrayList<>();
        names.add("route");
        figures.add(new Object[] {"requests", "p50", "p99", "5xx", "bytes"});
        for (RouteReport rt : routes.subList(0, shownRoutes)) {
            names.add(safe(rt.route()));
            figures.add(new Object[] {Figures.count(rt.requests()), Figures.duration(rt.p50Micros()),
                Figures.duration(rt.p99Micros()), Figures.percent(rt.errorRate()), Figures.count(rt.bytes())});
        }
        TableLayout.print(TableLayout.named("  %s %12s %9s %9s %7s %12s%n", ROUTE_WIDTH, names, figures, columns), out);
        more(routes.size(), shownRoutes, false, out);
        List<Ranked> clients = r.routes().clients();
        if (!clients.isEmpty()) {
            out.println();
            out.println(bold("Top clients") + (r.routes().clientsApproximate() ? "  (approximate)" : ""));
            int shownClients = shown(clients.size(), DEFAULT_CLIENT_ROWS);
            for (Ranked c : clients.subList(0, shownClients)) {
                out.printf(Locale.US, "  %s %,12d%n", TerminalColumns.cell(safe(c.value()), 40), c.count());
            }
            more(clients.size(), shownClients, false, out);
        }
    }

    private void findings(List<Finding> findings, PrintWriter out) {
        if (findings.isEmpty()) {
            return;
        }
        out.println();
        out.println(bold("Findings"));
        for (Finding f : findings) {
            out.printf(Locale.US, "  * %s%n    %s%n", FindingText.title(f), safe(FindingText.detail(f)));
            for (String item : FindingText.items(f)) {
                out.printf(Locale.US, "    - %s%n", safe(item));
            }
        }
    }

    private void comparison(Comparison c, int offset, PrintWriter out) {
        out.println();
        String window = Figures.instant(c.baselineFromSecond(), offset) + " to " + Figures.instant(c.baselineToSecond(), offset);
        if (c.baselineEmpty()) {
            out.println(bold("Compared with the baseline") + " " + window + ": the baseline has no requests"
                    + " (none that pass the filters), so there is nothing to compare with.");
            return;
        }
        boolean sameLength = c.baselineSeconds() == c.windowSeconds();
        out.println(bold("Compared with the baseline") + " " + window + " ("
                + Figures.count(c.baselineRequests(), "request") + " in " + Figures.span(c.baselineSeconds())
                + (sameLength ? "" : "; the window is " + Figures.span(c.windowSeconds()) + ", so counts are compared per second")
                + ")");
        out.println("  (ranked by the requests each change concerns; counts compared at the baseline's rate)");
        change("", c.changes(), sameLength, out);
        change("upstream ", c.upstreams(), sameLength, out);
        change("route ", c.routes(), sameLength, out);
    }

    private void change(String prefix, List<Comparison.Change> changes, boolean sameLength, PrintWriter out) {
        int shown = shown(changes.size(), DEFAULT_CHANGE_ROWS);
        TableLayout.changes(changes.subList(0, shown), prefix, sameLength, columns, out);
        more(changes.size(), shown, false, out);
    }

    private void status(Summary s, PrintWriter out) {
        if (s.requests() == 0) {
            return;
        }
        out.println();
        out.println(bold("Requests by status"));
        if (!s.statusLogged()) {
            out.println("  n/a: the log format has no $status");
            return;
        }
        long logged = s.requests() - s.withoutStatus();
        out.printf(Locale.US, "  %-6s %12s %8s%n", "status", "requests", "share");
        List<Map.Entry<Integer, Long>> statuses = new ArrayList<>(s.status().entrySet());
        int shown = shown(statuses.size(), Integer.MAX_VALUE);
        for (Map.Entry<Integer, Long> e : statuses.subList(0, shown)) {
            out.printf(Locale.US, "  %-6s %12s %8s%n", e.getKey() < 0 ? "other" : e.getKey(), Figures.count(e.getValue()),
                    Figures.percent(e.getValue(), logged));
        }
        more(statuses.size(), shown, false, out);
        if (s.withoutStatus() > 0) {
            out.printf(Locale.US, "  %s from a format without $status are not counted here%n",
                    Figures.count(s.withoutStatus(), "request"));
        }
    }

    private void rejects(Report r, PrintWriter out) {
        if (r.rejects().total() == 0) {
            return;
        }
        out.println();
        out.println(bold("Rejected lines by reason"));
        List<Map.Entry<String, Long>> reasons = new ArrayList<>(r.rejects().byReason().entrySet());
        int shown = shown(reasons.size(), Integer.MAX_VALUE);
        for (Map.Entry<String, Long> e : reasons.subList(0, shown)) {
            out.printf(Locale.US, "  %,10d  %s%n", e.getValue(), safe(e.getKey()));
        }
        more(reasons.size(), shown, false, out);
        out.println();
        out.println(bold("First rejected lines"));
        samples(r.rejects().samples(), out);
    }

    private void notes(Report r, PrintWriter out) {
        if (r.notes().total() == 0) {
            return;
        }
        out.println();
        out.println(bold("Noted lines") + "  (accepted, with something to say)");
        List<Map.Entry<String, Long>> reasons = new ArrayList<>(r.notes().byReason().entrySet());
        int shown = shown(reasons.size(), Integer.MAX_VALUE);
        for (Map.Entry<String, Long> e : reasons.subList(0, shown)) {
            out.printf(Locale.US, "  %10s  %s%n", Figures.count(e.getValue()), safe(e.getKey()));
        }
        more(reasons.size(), shown, false, out);
        samples(r.notes().samples(), out);
    }

    /** Each sample's file, line number and message, then the line of the log itself, whole. */
    private void samples(List<LineSample> samples, PrintWriter out) {
        for (LineSample sample : samples) {
            // wrapped on a terminal, the message goes on deeper than the log line under it
            ProsePrintWriter.printlnHanging(out, String.format(Locale.US, "  %s:%d: %s", safe(sample.source()), sample.line(),
                    safe(sample.message())), SAMPLE_HANGING);
            ProsePrintWriter.printlnVerbatim(out, "    " + safe(sample.text())); // its columns, as the message counts them
        }
    }
}
