package io.ngxtime.analyzer;

import io.ngxtime.analyzer.aggregate.Aggregation;
import io.ngxtime.analyzer.aggregate.Comparisons;
import io.ngxtime.analyzer.aggregate.PeakAttribution;
import io.ngxtime.analyzer.ingest.RequestSource;
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
     * @param baselineToMillis Long.MIN_VALUE for no comparison
     */
    public static Report run(Report first, Aggregation aggregation, RequestSource source, long baselineFromMillis,
                             long baselineToMillis, BooleanSupplier cancelled) {
        Report report = first;
        int offset = report.traffic().offsetSeconds();
        if (!report.peaks().isEmpty() && !cancelled.getAsBoolean()) {
            PeakAttribution attribution = new PeakAttribution(report.peaks().stream().map(PeakReport::window).toList());
            source.forEach(attribution.spansMillis(), r -> {
                if (aggregation.filter().test(r)) {
                    attribution.add(r);
                }
            });
            report = report.withPeaks(attribution.reports(offset));
        }
        if (baselineToMillis != Long.MIN_VALUE && !cancelled.getAsBoolean()) {
            Aggregation baseline = aggregation.emptyCopy();
            source.forEach(baselineFromMillis, baselineToMillis, baseline::add);
            report = report.withComparison(Comparisons.compare(aggregation, baseline,
                    Math.floorDiv(baselineFromMillis, 1000), Math.floorDiv(baselineToMillis, 1000)));
        }
        return report;
    }
}
