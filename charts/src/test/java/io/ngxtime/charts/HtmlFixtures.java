package io.ngxtime.charts;

import io.ngxtime.analyzer.report.Report;

/** The sample reports, for tests in other packages. */
public final class HtmlFixtures {
    private HtmlFixtures() {
    }

    public static Report incident() {
        return SampleReports.cachedIncident();
    }

    public static Report hostile() {
        return SampleReports.cachedHostile();
    }
}
