package io.ngxtime.charts;

import io.ngxtime.analyzer.report.PeakDriver;
import io.ngxtime.analyzer.report.PeakReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What a chart says about a peak: when, how busy, and what drove it. */
final class PeakText {
    /** Characters of an attributed value shown in a label. */
    static final int VALUE_CHARS = 44;

    private PeakText() {
    }

    /**
     * {@code referrer https://partner.example/deal (+283 req)}: the report's driver of the peak (the cause
     * preferred to its side effects: see the analyzer's {@code PeakDrivers}), or null without one.
     */
    static String driver(PeakReport p) {
        return p.driver().map(d -> d.dimension().replace('_', ' ') + " " + LabelText.label(d.item().value(), VALUE_CHARS)
                + " (+" + Figures.count(Math.round(d.item().excessRequests())) + " req)").orElse(null);
    }

    /** The label lines: {@code #1  1,234 req/s  Tue 14:03:12}, then the top driver when known. */
    static List<String> lines(PeakReport p, int rank, boolean withDate) {
        List<String> lines = new ArrayList<>();
        lines.add("#" + rank + "  " + Figures.perSecond(p.window().busiestSecondCount()) + "  "
                + TimeLabels.moment(p.window().busiestSecond(), p.offsetSeconds(), withDate));
        String driver = driver(p);
        if (driver != null) {
            lines.add(driver);
        }
        return lines;
    }
}
