package io.ngxtime.charts;

import io.ngxtime.analyzer.report.AttributionItem;
import io.ngxtime.analyzer.aggregate.PeakAttribution;
import io.ngxtime.analyzer.report.PeakReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What a chart says about a peak: when, how busy, and what drove it. */
final class PeakText {
    /** Characters of an attributed value shown in a label. */
    static final int VALUE_CHARS = 44;

    private PeakText() {
    }

    /** The dimension and item explaining most excess requests of the surge, or null without attribution. */
    static Map.Entry<String, AttributionItem> topDriver(PeakReport p) {
        Map.Entry<String, AttributionItem> best = null;
        for (Map.Entry<String, List<AttributionItem>> e : p.attribution().entrySet()) {
            for (AttributionItem it : e.getValue()) {
                if (best == null || it.excessRequests() > best.getValue().excessRequests()) {
                    best = Map.entry(e.getKey(), it);
                }
            }
        }
        return best;
    }

    /** {@code route /api/search (+4,321 req)}, or null. */
    static String driver(PeakReport p) {
        Map.Entry<String, AttributionItem> d = topDriver(p);
        if (d == null) {
            return null;
        }
        return d.getKey().replace('_', ' ') + " " + LabelText.label(d.getValue().value(), VALUE_CHARS)
                + String.format(Locale.ROOT, " (+%,d req)", Math.round(d.getValue().excessRequests()));
    }

    /** The label lines: {@code #1  1,234 req/s  Tue 14:03:12}, then the top driver when known. */
    static List<String> lines(PeakReport p, int rank, boolean withDate) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "#%d  %,d req/s  %s", rank, p.window().busiestSecondCount(),
                TimeLabels.moment(p.window().busiestSecond(), p.offsetSeconds(), withDate)));
        String driver = driver(p);
        if (driver != null) {
            lines.add(driver);
        }
        return lines;
    }
}
