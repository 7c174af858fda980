package io.ngxtime.cli.render;

import io.ngxtime.analyzer.report.PeakLoad;
import io.ngxtime.analyzer.report.PeakReport;
import io.ngxtime.analyzer.report.Report;
import io.ngxtime.analyzer.report.story.StoryItem;
import io.ngxtime.analyzer.report.story.StoryTeller;
import io.ngxtime.charts.Figures;
import io.ngxtime.charts.StoryText;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.function.UnaryOperator;

/**
 * The terminal's "What happened" section: the incident story ({@link StoryText}'s sentences, one per line)
 * for each peak, with the table its load sentences read (the peak's requests by tier and attempts by
 * backend, before and during), then for the comparison (whose table is the comparison's own). Log text is
 * made safe for the terminal.
 */
final class StoryTextRenderer {
    private StoryTextRenderer() {
    }

    /** The tier table of a peak's load in its full layout, and the backend table's. */
    static final int TIER_TABLE_COLUMNS = 124;
    static final int BACKEND_TABLE_COLUMNS = 118;

    /**
     * Writes the section, or nothing when the story is empty.
     *
     * @param columns the terminal's width ({@link Integer#MAX_VALUE} for a pipe or a file): a table wider than it
     *                puts its before -> during figures on a second line under each row
     */
    static void render(Report r, UnaryOperator<String> bold, int columns, PrintWriter out) {
        List<StoryItem> items = StoryTeller.tell(r);
        if (items.isEmpty()) {
            return;
        }
        out.println();
        out.println(bold.apply("What happened") + "  (each figure is in the tables; --json's \"story\" says where)");
        for (StoryText.Paragraph p : StoryText.paragraphs(items)) {
            out.printf(Locale.ROOT, "  %s%n", p.heading());
            for (String s : p.sentences()) {
                out.printf(Locale.ROOT, "    %s%n", TerminalText.safe(s));
            }
            if (!p.about().equals(StoryItem.COMPARISON)) {
                PeakReport peak = r.peaks().get(Integer.parseInt(p.about().substring(p.about().lastIndexOf('/') + 1)));
                peak.measures().ifPresent(m -> load(m.load(), columns, out));
            }
        }
    }

    private static void load(PeakLoad load, int columns, PrintWriter out) {
        if (!load.tiers().isEmpty()) {
            boolean narrow = columns < TIER_TABLE_COLUMNS;
            if (narrow) {
                out.printf(Locale.ROOT, "      %-16s %9s %9s %9s %24s%n", "tier", "before", "during", "excess",
                        "share before -> during");
            } else {
                out.printf(Locale.ROOT, "      %-16s %9s %9s %12s %12s %9s %22s %22s%n", "tier", "before", "during",
                        "share before", "share during", "excess", "p99 before -> during", "5xx before -> during");
            }
            for (PeakLoad.TierShift t : load.tiers()) {
                String p99 = Figures.duration(t.p99BeforeMicros()) + " -> " + Figures.duration(t.p99DuringMicros());
                String errors = Figures.percent(t.errorRateBefore()) + " -> " + Figures.percent(t.errorRateDuring());
                if (narrow) {
                    out.printf(Locale.ROOT, "      %-16s %9s %9s %9s %24s%n", t.tier(), Figures.count(t.requestsBefore()),
                            Figures.count(t.requestsDuring()), signed(t.excessRequests()),
                            Figures.percent(t.shareBefore()) + " -> " + Figures.percent(t.shareDuring()));
                    out.printf(Locale.ROOT, "        p99 %s   5xx %s%n", p99, errors);
                } else {
                    out.printf(Locale.ROOT, "      %-16s %9s %9s %12s %12s %9s %22s %22s%n", t.tier(),
                            Figures.count(t.requestsBefore()), Figures.count(t.requestsDuring()),
                            Figures.percent(t.shareBefore()), Figures.percent(t.shareDuring()),
                            signed(t.excessRequests()), p99, errors);
                }
            }
        }
        if (!load.upstreams().isEmpty()) {
            boolean narrow = columns < BACKEND_TABLE_COLUMNS;
            if (narrow) {
                out.printf(Locale.ROOT, "      %-26s %9s %9s %9s%n", "backend (attempts)", "before", "during", "excess");
            } else {
                out.printf(Locale.ROOT, "      %-26s %9s %9s %9s %30s %24s%n", "backend (attempts)", "before", "during",
                        "excess", "response p99 before -> during", "failed before -> during");
            }
            for (PeakLoad.BackendShift u : load.upstreams()) {
                String p99 = duration(u.responseP99BeforeMicros()) + " -> " + duration(u.responseP99DuringMicros());
                String failed = Figures.percent(u.failedRateBefore()) + " -> " + Figures.percent(u.failedRateDuring());
                if (narrow) {
                    out.printf(Locale.ROOT, "      %-26s %9s %9s %9s%n", TerminalText.safe(clip(u.address(), 26)),
                            Figures.count(u.attemptsBefore()), Figures.count(u.attemptsDuring()), signed(u.excessAttempts()));
                    out.printf(Locale.ROOT, "        response p99 %s   failed %s%n", p99, failed);
                } else {
                    out.printf(Locale.ROOT, "      %-26s %9s %9s %9s %30s %24s%n", TerminalText.safe(clip(u.address(), 26)),
                            Figures.count(u.attemptsBefore()), Figures.count(u.attemptsDuring()), signed(u.excessAttempts()),
                            p99, failed);
                }
            }
        }
    }

    private static String duration(OptionalLong micros) {
        return Figures.duration(micros);
    }

    private static String signed(OptionalDouble v) {
        return v.isPresent() ? Figures.signedCount(Math.round(v.getAsDouble())) : Figures.NOT_AVAILABLE;
    }

    private static String clip(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }
}
