package io.ngxtime.charts.html;

import io.ngxtime.analyzer.report.CacheWhatIf;
import io.ngxtime.analyzer.report.CdnOffload;
import io.ngxtime.analyzer.report.Report;
import io.ngxtime.charts.Figures;
import io.ngxtime.charts.WhatIfText;

/**
 * The page's what-if section: the cache what-if (with {@code --cache-ttl}) and the static assets a CDN would
 * serve, each as the sentences of {@link WhatIfText} and a small table. Routes are escaped.
 */
final class WhatIfSection {
    private WhatIfSection() {
    }

    /** Whether the page has this section: a cache what-if was asked for, or static assets went upstream. */
    static boolean isWritten(Report r) {
        return r.cacheWhatIf().isPresent() || r.cdnOffload().requests() > 0;
    }

    static void write(Report r, StringBuilder h) {
        CdnOffload c = r.cdnOffload();
        if (!isWritten(r)) {
            return;
        }
        h.append("<h2 id=\"what-if\">What if</h2>\n");
        int offset = r.traffic().offsetSeconds();
        r.cacheWhatIf().ifPresent(w -> cache(w, offset, h));
        if (c.requests() > 0) {
            cdn(c, offset, h);
        }
    }

    private static void cache(CacheWhatIf w, int offset, StringBuilder h) {
        h.append("<h3>").append(Html.text(WhatIfText.cacheTitle(w))).append("</h3>\n");
        paragraphs(WhatIfText.cacheLines(w, offset), h);
        if (w.candidates().isEmpty()) {
            return;
        }
        HtmlReportWriter.table(h, "route", "#upstream requests", "#saved", "#saved share", "#saved upstream time");
        for (CacheWhatIf.Candidate c : w.candidates()) {
            h.append("<tr>").append(HtmlReportWriter.t(c.route()))
                    .append(HtmlReportWriter.n(Figures.count(c.upstreamRequests())))
                    .append(HtmlReportWriter.n(Figures.count(c.savedRequests())))
                    .append(HtmlReportWriter.n(Figures.percent(c.savedRequests(), c.upstreamRequests())))
                    .append(HtmlReportWriter.n(Figures.duration(c.savedUpstreamTimeMicros()))).append("</tr>\n");
        }
        h.append("</table>\n");
    }

    private static void cdn(CdnOffload c, int offset, StringBuilder h) {
        h.append("<h3>").append(Html.text(WhatIfText.cdnTitle())).append("</h3>\n");
        paragraphs(WhatIfText.cdnLines(c, offset), h);
        if (c.extensions().isEmpty()) {
            return;
        }
        HtmlReportWriter.table(h, "extension", "#requests", "#share of requests", "#bytes", "#share of bytes");
        for (CdnOffload.Extension e : c.extensions()) {
            h.append("<tr>").append(HtmlReportWriter.t(e.extension()))
                    .append(HtmlReportWriter.n(Figures.count(e.requests())))
                    .append(HtmlReportWriter.n(Figures.percent(e.requests(), c.requests())))
                    .append(HtmlReportWriter.n(Figures.count(e.bytes())))
                    .append(HtmlReportWriter.n(e.bytes().isPresent() && c.bytes().isPresent()
                            ? Figures.percent(e.bytes().getAsLong(), c.bytes().getAsLong()) : Figures.NOT_AVAILABLE))
                    .append("</tr>\n");
        }
        h.append("</table>\n");
    }

    private static void paragraphs(java.util.List<String> lines, StringBuilder h) {
        for (String line : lines) {
            h.append("<p>").append(Html.text(line)).append("</p>\n");
        }
    }
}
