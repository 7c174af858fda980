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

    /**
     * Writes the section, or nothing when the story is empty.
     *
     * @param columns the terminal's width ({@link Integer#MAX_VALUE} for a pipe or a file): a table whose rows are
     *                wider than it puts its before -> during figures on a second line under each row
     */
    static void render(Report r, UnaryOperator<String> bold, int columns, PrintWriter out) {
        List<StoryItem> items = StoryTeller.tell(r);
        if (items.isEmpty()) {
            return;
        }
        out.println();
        out.println(bold.apply("What happened") + "  (each figure is in the tables; --json's \"story\" says where)");
        for (StoryText.Paragraph p : StoryText.paragraphs(items)) {
            out.printf(Locale.US, "  %s%n", p.heading());
            for (String s : p.sentences()) {
                out.printf(Locale.US, "    %s%n", TerminalText.safe(s));
            }
            if (!p.about().equals(StoryItem.COMPARISON)) {
                PeakReport peak = r.peaks().get(Integer.parseInt(p.about().substring(p.about().lastIndexOf('/') + 1)));
                peak.measures().ifPresent(m -> load(m.load(), columns, out));
            }
        }
    }

    private static final String TIER_ROW = "      %-16s %9s %9s %12s %12s %9s %22s %22s%n";
    private static final String BACKEND_ROW = "      %s %9s %9s %9s %30s %24s%n"; // the first cell padded by TerminalColumns.cell

    private static void load(PeakLoad load, int columns, PrintWriter out) {
        if (!load.tiers().isEmpty()) {
            List<Object[]> rows = new java.util.ArrayList<>();
            rows.add(new Object[] {"tier", "before", "during", "share before", "share during", "excess", "p99 before -> during",
                "5xx before -> during"});
            for (PeakLoad.TierShift t : load.tiers()) {
                rows.add(new Object[] {t.tier(), Figures.count(t.requestsBefore()), Figures.count(t.requestsDuring()),
                    Figures.percent(t.shareBefore()), Figures.percent(t.shareDuring()), signed(t.excessRequests()),
                    Figures.duration(t.p99BeforeMicros()) + " -> " + Figures.duration(t.p99DuringMicros()),
                    Figures.percent(t.errorRateBefore()) + " -> " + Figures.percent(t.errorRateDuring())});
            }
            List<String> lines = TableLayout.format(TIER_ROW, rows);
            if (TableLayout.fits(lines, columns)) {
                TableLayout.print(lines, out);
            } else { // narrower: the shares in one column, the p99 and 5xx shifts on a line under each tier
                out.printf(Locale.US, "      %-16s %9s %9s %9s %24s%n", "tier", "before", "during", "excess",
                        "share before -> during");
                for (Object[] r : rows.subList(1, rows.size())) {
                    out.printf(Locale.US, "      %-16s %9s %9s %9s %24s%n", r[0], r[1], r[2], r[5], r[3] + " -> " + r[4]);
                    out.printf(Locale.US, "        p99 %s   5xx %s%n", r[6], r[7]);
                }
            }
        }
        if (!load.upstreams().isEmpty()) {
            List<Object[]> rows = new java.util.ArrayList<>();
            rows.add(new Object[] {TerminalColumns.cell("backend (attempts)", 26), "before", "during", "excess", "response p99 before -> during",
                "failed before -> during"});
            for (PeakLoad.BackendShift u : load.upstreams()) {
                rows.add(new Object[] {TerminalColumns.cell(TerminalText.safe(u.address()), 26), Figures.count(u.attemptsBefore()),
                    Figures.count(u.attemptsDuring()), signed(u.excessAttempts()),
                    duration(u.responseP99BeforeMicros()) + " -> " + duration(u.responseP99DuringMicros()),
                    Figures.percent(u.failedRateBefore()) + " -> " + Figures.percent(u.failedRateDuring())});
            }
            // narrower: the response and failure shifts on a line under each backend
            TableLayout.fullOrTwoLines(rows, BACKEND_ROW, "      %s %9s %9s %9s%n", 4,
                    "        response p99 %s   failed %s%n", columns, out);
        }
    }

    private static String duration(OptionalLong micros) {
        return Figures.duration(micros);
    }

    private static String signed(OptionalDouble v) {
        return v.isPresent() ? Figures.signedCount(Math.round(v.getAsDouble())) : Figures.NOT_AVAILABLE;
    }

}
