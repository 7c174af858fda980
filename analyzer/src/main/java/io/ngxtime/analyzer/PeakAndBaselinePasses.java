package io.ngxtime.analyzer;

import io.ngxtime.analyzer.aggregate.Aggregation;
import io.ngxtime.analyzer.aggregate.Comparisons;
import io.ngxtime.analyzer.aggregate.PeakAttribution;
import io.ngxtime.analyzer.ingest.RequestSource;
import io.ngxtime.analyzer.record.TimeWindow;
import io.ngxtime.analyzer.report.PeakReport;
import io.ngxtime.analyzer.report.Report;
import java.util.function.BooleanSupplier;

/**
 * What needs the first pass's results: attributing the peaks (a pass over each surge and the baseline
 * window {@link io.ngxtime.analyzer.aggregate.PeakFinder} chose for it, usually the hour before) and
 * comparing with a baseline window (a pass over it). Both read the source again, which
 * the record queue makes cheap (a seek, then only the batches of those windows).
 */
public final class PeakAndBaselinePasses {
    private PeakAndBaselinePasses() {
    }

    /**
     * @param baseline the window to compare with; null for no comparison
     */
    public static Report run(Report first, Aggregation aggregation, RequestSource source, TimeWindow baseline,
                             BooleanSupplier cancelled) {
        Report report = first;
        int offset = report.traffic().offsetSeconds();
        if (!report.peaks().isEmpty() && !cancelled.getAsBoolean()) {
            PeakAttribution attribution = new PeakAttribution(report.peaks().stream().map(PeakReport::window).toList());
            source.forEach(attribution.spans(), r -> {
                if (aggregation.filter().test(r)) {
                    attribution.add(r);
                }
            });
            report = report.withPeaks(attribution.reports(offset));
        }
        if (baseline != null && !cancelled.getAsBoolean()) {
            Aggregation inBaseline = aggregation.emptyCopy();
            source.forEach(baseline, inBaseline::add);
            report = report.withComparison(Comparisons.compare(aggregation, inBaseline,
                    Math.floorDiv(baseline.fromMillis(), 1000), Math.floorDiv(baseline.toMillis(), 1000)));
        }
        return report;
    }
}
