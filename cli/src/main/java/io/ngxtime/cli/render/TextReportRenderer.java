package io.ngxtime.cli.render;

import io.ngxtime.analyzer.ingest.Rejects;
import io.ngxtime.analyzer.report.Report;
import io.ngxtime.analyzer.report.Summary;
import java.io.PrintWriter;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/** The report as aligned text tables for a terminal; colour only when asked (on a TTY). */
public final class TextReportRenderer {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private final boolean colour;

    public TextReportRenderer(boolean colour) {
        this.colour = colour;
    }

    private String bold(String s) {
        return colour ? "\u001b[1m" + s + "\u001b[0m" : s;
    }

    public void render(Report r, PrintWriter out) {
        Summary s = r.summary();
        out.println(bold("ngxtime report"));
        out.printf(Locale.ROOT, "  inputs      %s%n", TerminalText.safe(String.join(", ", r.inputs())));
        out.printf(Locale.ROOT, "  log format  %s%n", TerminalText.safe(r.format()));
        out.printf(Locale.ROOT, "  lines       %,d%n", r.lines());
        out.printf(Locale.ROOT, "  requests    %,d%n", s.requests());
        out.printf(Locale.ROOT, "  rejected    %,d%s%n", r.rejects().total(),
                r.lines() > 0 ? String.format(Locale.ROOT, " (%.3f%%)", 100.0 * r.rejects().total() / r.lines()) : "");
        if (s.first() != null) {
            out.printf(Locale.ROOT, "  first       %s%n", TIME.format(s.first()));
            out.printf(Locale.ROOT, "  last        %s%n", TIME.format(s.last()));
        }
        if (!s.status().isEmpty()) {
            out.println();
            out.println(bold("Requests by status"));
            out.printf(Locale.ROOT, "  %-6s %12s %8s%n", "status", "requests", "share");
            for (Map.Entry<Integer, Long> e : s.status().entrySet()) {
                out.printf(Locale.ROOT, "  %-6s %,12d %7.2f%%%n", e.getKey() < 0 ? "other" : e.getKey(), e.getValue(),
                        100.0 * e.getValue() / s.requests());
            }
        }
        if (r.rejects().total() > 0) {
            out.println();
            out.println(bold("Rejected lines by reason"));
            for (Map.Entry<String, Long> e : r.rejects().byReason().entrySet()) {
                out.printf(Locale.ROOT, "  %,10d  %s%n", e.getValue(), TerminalText.safe(e.getKey()));
            }
            out.println();
            out.println(bold("First rejected lines"));
            for (Rejects.Sample sample : r.rejects().samples()) {
                out.printf(Locale.ROOT, "  %s:%d: %s%n", TerminalText.safe(sample.source()), sample.line(),
                        TerminalText.safe(sample.message()));
                out.printf(Locale.ROOT, "    %s%n", TerminalText.safe(sample.text()));
            }
        }
    }
}
