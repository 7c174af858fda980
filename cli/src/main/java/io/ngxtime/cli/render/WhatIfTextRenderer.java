package io.ngxtime.cli.render;

import io.ngxtime.analyzer.report.CacheWhatIf;
import io.ngxtime.analyzer.report.CdnOffload;
import io.ngxtime.analyzer.report.Report;
import io.ngxtime.charts.Figures;
import io.ngxtime.charts.WhatIfText;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * The terminal report's what-if sections: the cache what-if (with {@code --cache-ttl}) and the static assets a
 * CDN would serve, each as the sentences of {@link WhatIfText} and a small table. Routes are made safe.
 */
final class WhatIfTextRenderer {
    private final UnaryOperator<String> bold;
    /** Rows of each table: every candidate and extension fits (at most 5 and 26), so only a row limit cuts. */
    private final int rows;
    /** How wide the tables may be: a terminal's width, or {@link Integer#MAX_VALUE} for a pipe or a file. */
    private final int columns;

    WhatIfTextRenderer(UnaryOperator<String> bold, int rows, int columns) {
        this.bold = bold;
        this.rows = rows;
        this.columns = columns;
    }

    void render(Report r, PrintWriter out) {
        int offset = r.traffic().offsetSeconds();
        r.cacheWhatIf().ifPresent(w -> cache(w, offset, out));
        if (r.cdnOffload().requests() > 0) {
            cdn(r.cdnOffload(), offset, out);
        }
    }

    private void cache(CacheWhatIf w, int offset, PrintWriter out) {
        out.println();
        out.println(bold.apply(WhatIfText.cacheTitle(w)));
        lines(WhatIfText.cacheLines(w, offset), out);
        if (w.candidates().isEmpty()) {
            return;
        }
        List<CacheWhatIf.Candidate> shown = w.candidates().subList(0, Math.min(rows, w.candidates().size()));
        // the route column gives up what a narrower terminal lacks (TableLayout), the figures keep their width
        List<String> names = new java.util.ArrayList<>();
        List<Object[]> figures = new java.util.ArrayList<>();
        names.add("route");
        figures.add(new Object[] {"upstream", "saved", "share", "saved time"});
        for (CacheWhatIf.Candidate c : shown) {
            names.add(TerminalText.safe(c.route()));
            figures.add(new Object[] {Figures.count(c.upstreamRequests()), Figures.count(c.savedRequests()),
                Figures.percent(c.savedRequests(), c.upstreamRequests()), Figures.duration(c.savedUpstreamTimeMicros())});
        }
        TableLayout.print(TableLayout.named("  %s %12s %12s %7s %12s%n", 40, names, figures, columns), out);
        more(w.candidates().size(), shown.size(), out);
    }

    private void cdn(CdnOffload c, int offset, PrintWriter out) {
        out.println();
        out.println(bold.apply(WhatIfText.cdnTitle()));
        lines(WhatIfText.cdnLines(c, offset), out);
        if (c.extensions().isEmpty()) {
            return;
        }
        out.printf(Locale.US, "  %-10s %12s %7s %16s %7s%n", "extension", "requests", "share", "bytes", "share");
        List<CdnOffload.Extension> shown = c.extensions().subList(0, Math.min(rows, c.extensions().size()));
        for (CdnOffload.Extension e : shown) {
            out.printf(Locale.US, "  %-10s %12s %7s %16s %7s%n", e.extension(), Figures.count(e.requests()),
                    Figures.percent(e.requests(), c.requests()), Figures.count(e.bytes()),
                    e.bytes().isPresent() && c.bytes().isPresent()
                            ? Figures.percent(e.bytes().getAsLong(), c.bytes().getAsLong()) : Figures.NOT_AVAILABLE);
        }
        more(c.extensions().size(), shown.size(), out);
    }

    private static void lines(List<String> lines, PrintWriter out) {
        for (String line : lines) {
            out.printf(Locale.US, "  %s%n", line);
        }
    }

    private static void more(int size, int shown, PrintWriter out) {
        if (shown < size) {
            out.printf(Locale.US, "  ... %d more%n", size - shown);
        }
    }

}
