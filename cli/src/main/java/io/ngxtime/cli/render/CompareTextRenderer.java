package io.ngxtime.cli.render;

import io.ngxtime.analyzer.report.Comparison;
import io.ngxtime.analyzer.report.Latency;
import io.ngxtime.analyzer.report.Percentiles;
import io.ngxtime.analyzer.report.Report;
import io.ngxtime.analyzer.report.RunComparison;
import io.ngxtime.analyzer.report.TierReport;
import io.ngxtime.charts.ChangeText;
import io.ngxtime.charts.Figures;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.ToLongFunction;
import picocli.CommandLine.Help.Ansi;

/**
 * Two runs compared ({@code ngxtime compare}) as text for a terminal: each run's inputs, time range, requests
 * and rate; request time by tier side by side (A, B, and B over A); then what changed from A to B, ranked as
 * {@code report --baseline} ranks it ({@link ChangeText}'s words). Log text is made safe.
 */
public final class CompareTextRenderer {
    private static final int DEFAULT_CHANGE_ROWS = 10;
    /** The tier table in full, and narrower for a terminal it does not fit ({@link TableLayout}). */
    private static final String TIER_ROW = "  %-15s %12s %12s %9s %9s %9s %9s %8s%n";
    /** Narrower: the rates without their unit (the header has it), the times a column closer. */
    private static final String TIER_ROW_NARROW = "  %-14s %8s %8s %8s %8s %8s %8s %8s%n";
    private final Ansi ansi;
    private final OptionalInt rows;
    /** How wide the tables may be: a terminal's width, or {@link Integer#MAX_VALUE} for a pipe or a file. */
    private final int columns;

    /**
     * @param ansi colour or not ({@link Ansi#ON}, {@link Ansi#OFF})
     * @param rows at most this many changes of each kind, or empty for all the comparison keeps (10)
     */
    public CompareTextRenderer(Ansi ansi, OptionalInt rows) {
        this(ansi, rows, Integer.MAX_VALUE);
    }

    /**
     * @param columns the terminal's width: the tables take a narrower layout when they are wider (the same
     *                figures); a pipe or a file ({@link Integer#MAX_VALUE}) gets the full layout
     */
    public CompareTextRenderer(Ansi ansi, OptionalInt rows, int columns) {
        this.ansi = ansi;
        this.rows = rows;
        this.columns = columns;
    }

    private String bold(String s) {
        return ansi.apply(s, List.of(Ansi.Style.bold)).toString();
    }

    private static String safe(String s) {
        return TerminalText.safe(s);
    }

    public void render(RunComparison c, PrintWriter out) {
        out.println(bold("ngxtime compare") + "  (A is the before, B the after: what changed from A to B)");
        run("A", "before", c.before(), out);
        run("B", "after", c.after(), out);
        latency(c, out);
        changes(c.comparison(), out);
        out.flush();
    }

    private void run(String label, String role, RunComparison.Run run, PrintWriter out) {
        Report r = run.report();
        int off = r.traffic().offsetSeconds();
        out.printf(Locale.US, "  %s %-7s %s to %s (%s)%n", label, role, Figures.instant(run.fromSecond(), off),
                Figures.instant(run.toSecond(), off), Figures.span(run.seconds()));
        out.printf(Locale.US, "            %s, %s; %s rejected of %s%n", Figures.count(run.requests(), "request"),
                Figures.perSecond(run.perSecond()), Figures.count(r.rejects().total()), Figures.count(r.lines(), "line"));
        out.printf(Locale.US, "            log format %s; %s%n", safe(r.format()), safe(String.join(", ", r.inputs())));
        if (!r.filter().isEmpty()) {
            out.printf(Locale.US, "            %s%n", safe(r.filter()));
        }
    }

    private void latency(RunComparison c, PrintWriter out) {
        Report a = c.before().report();
        Report b = c.after().report();
        out.println();
        out.println(bold("Request time, A against B") + "  (percentiles of $request_time, within 0.1%)");
        if (!a.timing().requestTime().isLogged() && !b.timing().requestTime().isLogged()) {
            out.println("  n/a: neither run's log format has $request_time");
            return;
        }
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {"tier", "A req/s", "B req/s", "A p50", "B p50", "A p99", "B p99", "B/A p99"});
        rows.add(row("all", c.before().perSecond(), c.after().perSecond(), a.timing().requestTime(), b.timing().requestTime()));
        Set<String> tiers = new LinkedHashSet<>();
        a.timing().tiers().forEach(t -> tiers.add(t.tier()));
        b.timing().tiers().forEach(t -> tiers.add(t.tier()));
        for (String t : tiers) {
            TierReport ta = a.timing().tier(t).orElse(null);
            TierReport tb = b.timing().tier(t).orElse(null);
            rows.add(row(t, ta == null ? 0 : (double) ta.requests() / c.before().seconds(),
                    tb == null ? 0 : (double) tb.requests() / c.after().seconds(),
                    ta == null ? Latency.Missing.NO_VALUES : ta.requestTime(),
                    tb == null ? Latency.Missing.NO_VALUES : tb.requestTime()));
        }
        Latency ra = a.timing().requestTime();
        Latency rb = b.timing().requestTime();
        // the last two rows fill the latency columns only (p90 and p99.9 under p50 and p99, then the maximum)
        rows.add(new Object[] {"all p90/p99.9", "", "", Figures.duration(ra, Percentiles::p90),
            Figures.duration(rb, Percentiles::p90), Figures.duration(ra, Percentiles::p999), Figures.duration(rb, Percentiles::p999), ""});
        rows.add(new Object[] {"all max", "", "", Figures.duration(ra, Percentiles::max), Figures.duration(rb, Percentiles::max),
            "", "", ""});
        List<String> lines = TableLayout.format(TIER_ROW, rows);
        if (!TableLayout.fits(lines, columns)) {
            for (Object[] r : rows.subList(1, rows.size())) { // the rates without their unit: the header has it
                for (int i = 1; i <= 2; i++) {
                    String rate = (String) r[i];
                    r[i] = rate.endsWith(" req/s") ? rate.substring(0, rate.length() - " req/s".length()) : rate;
                }
            }
            lines = TableLayout.format(TIER_ROW_NARROW, rows);
        }
        for (String l : lines) {
            out.print(l.stripTrailing() + System.lineSeparator());
        }
    }

    private static Object[] row(String tier, double aRate, double bRate, Latency a, Latency b) {
        return new Object[] {tier, Figures.perSecond(aRate), Figures.perSecond(bRate), Figures.duration(a, Percentiles::p50),
            Figures.duration(b, Percentiles::p50), Figures.duration(a, Percentiles::p99), Figures.duration(b, Percentiles::p99),
            ratio(a, b, Percentiles::p99)};
    }

    /** B's figure over A's, from 1 ms up as the comparison weighs times; n/a where either run has none. */
    private static String ratio(Latency a, Latency b, ToLongFunction<Percentiles> which) {
        if (a.measured().isEmpty() || b.measured().isEmpty()) {
            return Figures.NOT_AVAILABLE;
        }
        double before = Math.max(1000, which.applyAsLong(a.measured().get()));
        double after = Math.max(1000, which.applyAsLong(b.measured().get()));
        return Figures.factor(after / before);
    }

    private void changes(Comparison c, PrintWriter out) {
        out.println();
        if (c.baselineEmpty()) {
            out.println(bold("Changes from A to B") + ": A has no requests (none that pass the filters),"
                    + " so there is nothing to compare with.");
            return;
        }
        boolean sameLength = c.baselineSeconds() == c.windowSeconds();
        out.println(bold("Changes from A to B") + "  (ranked by the requests each change concerns"
                + (sameLength ? ")" : "; A lasted " + Figures.span(c.baselineSeconds()) + " and B "
                + Figures.span(c.windowSeconds()) + ", so counts are compared per second)"));
        boolean anyChange = java.util.stream.Stream.of(c.changes(), c.upstreams(), c.routes())
                .flatMap(List::stream).anyMatch(ch -> ch.weight() > 0);
        if (!anyChange) {
            out.println("  none: every count, time and share of B is A's");
            return;
        }
        int unchanged = change("", c.changes(), sameLength, out) + change("upstream ", c.upstreams(), sameLength, out)
                + change("route ", c.routes(), sameLength, out);
        if (unchanged > 0) {
            out.printf(Locale.US, "  (%s the same in A and B not shown)%n", Figures.count(unchanged, "figure"));
        }
    }

    /**
     * The changes that moved (weight above 0), most weight first, at most the row limit; returns how many did
     * not move (the --json output lists them).
     */
    private int change(String prefix, List<Comparison.Change> all, boolean sameLength, PrintWriter out) {
        List<Comparison.Change> changes = all.stream().filter(ch -> ch.weight() > 0).toList();
        int shown = Math.min(changes.size(), rows.orElse(DEFAULT_CHANGE_ROWS));
        TableLayout.changes(changes.subList(0, shown), prefix, sameLength, columns, out);
        if (shown < changes.size()) {
            out.printf(Locale.US, "  ... %d more%n", changes.size() - shown);
        }
        return all.size() - changes.size();
    }

}
