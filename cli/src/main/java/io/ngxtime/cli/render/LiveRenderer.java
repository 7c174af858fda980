package io.ngxtime.cli.render;

import io.ngxtime.analyzer.record.LineSample;
import io.ngxtime.analyzer.ingest.Rejects;
import io.ngxtime.analyzer.LiveSession;
import io.ngxtime.analyzer.report.RejectSummary;
import io.ngxtime.analyzer.report.Report;
import io.ngxtime.analyzer.report.RouteReport;
import io.ngxtime.analyzer.report.TierReport;
import io.ngxtime.analyzer.report.UpstreamReport;
import io.ngxtime.analyzer.report.Percentiles;
import io.ngxtime.charts.Figures;
import java.io.PrintWriter;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/** The plain live view of {@code ngxtime tail}, appended frame after frame: to a pipe or a file, or with {@code --plain}. */
public final class LiveRenderer {
    /** Reasons for rejected lines shown, most frequent first. */
    private static final int MAX_REASONS = 3;
    /** Columns of the first rejected line shown. */
    private static final int SAMPLE_CHARS = 120;
    private static final String SAMPLE_INDENT = "    ";
    private final int intervalSeconds;
    private final int windowSeconds;
    /** The terminal's width, {@link Integer#MAX_VALUE} for a pipe or a file. */
    private final int columns;
    /** Columns of the first rejected line shown: {@link #SAMPLE_CHARS}, fewer on a narrower terminal. */
    private final int sampleColumns;

    /**
     * @param columns the terminal's width ({@link Integer#MAX_VALUE} for a pipe or a file): the header's parts go
     *                on as many lines as they need, the reasons and the first rejected line are cut to fit (the
     *                tables fit 80 columns; a caller wraps the other prose lines, see {@link ProseWrappingWriter})
     */
    public LiveRenderer(int intervalSeconds, int windowSeconds, int columns) {
        this.intervalSeconds = intervalSeconds;
        this.windowSeconds = windowSeconds;
        this.columns = Math.max(40, columns);
        this.sampleColumns = Math.max(16, Math.min(SAMPLE_CHARS, columns - SAMPLE_INDENT.length()));
    }

    /** One frame as text, appended (the dashboard draws in place; this is for pipes and files). */
    public void render(LiveSession.Frame frame, PrintWriter out) {
        Report r = frame.view();
        java.util.Optional<io.ngxtime.analyzer.live.Surge> surge = frame.surge();
        String time = frame.merged().logTimed()
                ? DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(frame.logTime().withNano(0)) : "no timed line yet";
        String behind = frame.catchingUp()
                ? "catching up" + frame.behindWallClock().map(d -> ": " + Figures.span(Math.abs(d.toSeconds()))
                        + (d.isNegative() ? " ahead of" : " behind") + " the clock").orElse("")
                : null;
        String inputs = TerminalText.safe(String.join(",", r.inputs()));
        // on a terminal the inputs are cut at their start (the file names are at the end) to leave the time room
        String title = "ngxtime tail " + TerminalColumns.clipStart(inputs, Math.max(16, columns - 13 - 2 - time.length()));
        printParts(out, "", "  ", title, time, behind);
        printParts(out, "  ", "   ",
                String.format(Locale.US, "last %s: %s", Figures.span(intervalSeconds), rate(frame.requestsPerSecond())),
                String.format(Locale.US, "last %s: %s, %s%s, max %s", Figures.span(windowSeconds),
                        Figures.count(r.summary().requests(), "request"), rate(frame.windowRequestsPerSecond()),
                        frame.coveredSeconds() < windowSeconds ? " over " + Figures.span(Math.round(frame.coveredSeconds())) : "",
                        Figures.perSecond(r.traffic().maxPerSecond())),
                surge.map(s -> "SURGE: " + Figures.factor(s.factor()) + " the recent median").orElse(null),
                "total " + Figures.count(frame.requestsTotal(), "request"));
        java.util.OptionalLong s5 = r.summary().statusBetween(500, 599);
        out.printf(Locale.US, "  status: 5xx %s (%s)  4xx %s  rejected lines %s%n", Figures.count(s5),
                Figures.percent(r.summary().statusShare(500, 599)), Figures.count(r.summary().statusBetween(400, 499)),
                Figures.count(r.rejects().total()));
        rejects(r.rejects(), out);
        out.printf(Locale.US, "  %-14s %10s %9s %9s%n", "tier", "requests", "p50", "p99");
        for (TierReport t : r.timing().tiers()) {
            out.printf(Locale.US, "  %-14s %10s %9s %9s%n", t.tier().replace('_', ' '), Figures.count(t.requests()),
                    Figures.duration(t.requestTime(), Percentiles::p50), Figures.duration(t.requestTime(), Percentiles::p99));
        }
        int n = 0;
        for (UpstreamReport u : r.upstreams()) {
            if (n++ == 0) {
                out.printf(Locale.US, "  %-28s %9s %8s %9s %9s%n", "upstream", "attempts", "failed", "p50", "p99");
            }
            if (n > 5) {
                break;
            }
            // a unix socket's path or a long host name is cut to the column, as in the report's table
            out.printf(Locale.US, "  %s %9s %8s %9s %9s%n", TerminalColumns.cell(TerminalText.safe(u.address()), 28),
                    Figures.count(u.attempts()),
                    Figures.count(u.failed()), Figures.duration(u.response(), Percentiles::p50),
                    Figures.duration(u.response(), Percentiles::p99));
        }
        n = 0;
        for (RouteReport rt : r.routes().routes()) {
            if (n++ == 0) {
                out.printf(Locale.US, "  %-40s %9s %9s%n", "route", "requests", "p99");
            }
            if (n > 5) {
                break;
            }
            out.printf(Locale.US, "  %s %9s %9s%n", TerminalColumns.cell(TerminalText.safe(rt.route()), 40),
                    Figures.count(rt.requests()),
                    Figures.duration(rt.p99Micros()));
        }
    }

    /**
     * The parts (null ones left out) after {@code indent}, joined by {@code separator} while the line fits the
     * columns; a part that does not fit starts a line of its own, indented two more. For a pipe or a file, one line.
     */
    private void printParts(PrintWriter out, String indent, String separator, String... parts) {
        StringBuilder line = new StringBuilder(indent);
        boolean empty = true;
        for (String part : parts) {
            if (part == null) {
                continue;
            }
            if (!empty && TerminalColumns.width(line) + separator.length() + TerminalColumns.width(part) > columns) {
                out.println(line);
                line.setLength(0);
                line.append(indent).append("  ");
                empty = true;
            }
            line.append(empty ? "" : separator).append(part);
            empty = false;
        }
        out.println(line);
    }

    /** A rate by log time, or "-" while none of its span was covered. */
    private static String rate(java.util.OptionalDouble perSecond) {
        return perSecond.isPresent() ? Figures.perSecond(perSecond.getAsDouble()) : "-";
    }

    /** The most frequent reasons and the first rejected line of the window (text from the log, made safe). */
    private void rejects(RejectSummary rejects, PrintWriter out) {
        int n = 0;
        for (Map.Entry<String, Long> e : rejects.byReason().entrySet()) {
            if (++n > MAX_REASONS) {
                break;
            }
            String counted = String.format(Locale.US, "  %s %,10d  ", n == 1 ? "rejected:" : "         ", e.getValue());
            out.println(counted + TerminalColumns.clip(TerminalText.safe(e.getKey()), Math.max(16, columns - counted.length())));
        }
        if (!rejects.samples().isEmpty()) {
            LineSample first = rejects.samples().get(0);
            // wrapped on a terminal, the message goes on deeper than the log line under it
            ProsePrintWriter.printlnHanging(out, String.format(Locale.US, "  first rejected line: %s:%d: %s",
                    TerminalText.safe(first.source()), first.line(), TerminalText.safe(first.message())),
                    SAMPLE_INDENT.length() + 2);
            // escaped first, then cut: an escaped control character takes the columns of its escape; a line of the
            // log, never broken where prose is wrapped
            ProsePrintWriter.printlnVerbatim(out, SAMPLE_INDENT + TerminalColumns.clip(TerminalText.safe(first.text()), sampleColumns));
        }
    }
}
