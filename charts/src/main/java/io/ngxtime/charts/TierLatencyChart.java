package io.ngxtime.charts;

import io.ngxtime.analyzer.report.Percentiles;
import io.ngxtime.analyzer.record.Tier;
import io.ngxtime.analyzer.report.Report;
import io.ngxtime.analyzer.report.TierReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;

/**
 * Request time by tier over time: p99 (strong) and p50 (light) for nginx, cache and upstream, in the
 * tier's colour, on a log scale. Tiers without requests are left out, and a bucket without a timed
 * request of the tier is a gap. nginx logs whole milliseconds, so cache hits and nginx's own answers
 * often take "0.000": a log scale has no 0, so a percentile under {@link #FLOOR_MS} is drawn at it,
 * along the axis' bottom, rather than dropped. When columns are wider than a bucket, a column shows
 * the highest p99 and the mean p50 of its buckets.
 */
final class TierLatencyChart {
    static final String KEY = "tier-latency";
    /** Where a percentile under nginx's 1 ms resolution (logged as 0) is drawn on the log scale. */
    static final double FLOOR_MS = 0.5;

    private TierLatencyChart() {
    }

    /** Per tier key: {p50 ms, p99 ms} per column (NaN: no data). */
    record Data(ColumnGrid grid, Map<String, double[][]> tiers) {
    }

    static Data data(Report r, ChartOptions o) {
        ColumnGrid grid = TimePlots.bucketGrid(r.traffic(), o.size());
        if (grid == null) {
            return null;
        }
        int n = grid.columns();
        Map<String, double[][]> tiers = new LinkedHashMap<>();
        for (TierReport tier : r.timing().tiers()) {
            if (tier.requestTime().count() == 0) {
                continue;
            }
            Tier k = Tier.valueOf(tier.tier().toUpperCase(java.util.Locale.ROOT));
            double[] p50 = TimePlots.nans(n);
            double[] p99 = TimePlots.nans(n);
            int[] p50Count = new int[n];
            TimePlots.forEachInColumns(r.traffic().points(), grid, (p, c) -> {
                if (p.tierTimedRequests(k) == 0) {
                    return;
                }
                double ms99 = Math.max(FLOOR_MS, p.tierP99Micros(k).getAsLong() / 1000.0);
                p99[c] = Double.isNaN(p99[c]) ? ms99 : Math.max(p99[c], ms99);
                double ms50 = Math.max(FLOOR_MS, p.tierP50Micros(k).getAsLong() / 1000.0);
                p50[c] = Double.isNaN(p50[c]) ? ms50 : p50[c] + ms50;
                p50Count[c]++;
            });
            for (int c = 0; c < n; c++) {
                if (p50Count[c] > 1) {
                    p50[c] /= p50Count[c];
                }
            }
            if (TimePlots.hasAny(p99)) {
                tiers.put(tier.tier(), new double[][] {p50, p99});
            }
        }
        return new Data(grid, tiers);
    }

    static JFreeChart create(Report r, ChartOptions o) {
        Data d = data(r, o);
        if (d == null || d.tiers().isEmpty()) {
            return Charts.noData(KEY, "Request time by tier", "no request times: log $request_time to see latency");
        }
        TimeFrame frame = new TimeFrame(KEY, r, d.grid(), ChartStyle.logMillisAxis("request time, ms (log)"));
        LayeredXYPlot plot = frame.plot();
        List<LegendItem> items = new ArrayList<>();
        for (Map.Entry<String, double[][]> e : d.tiers().entrySet()) {
            java.awt.Color c = Palette.tier(e.getKey());
            java.awt.Color light = Palette.alpha(c, 130);
            plot.addLayer(e.getKey() + "-p50", TimePlots.line(e.getKey() + " p50", d.grid(), e.getValue()[0]),
                    TimePlots.lines(light, ChartStyle.line(1.2f)), 0);
            plot.addLayer(e.getKey() + "-p99", TimePlots.line(e.getKey() + " p99", d.grid(), e.getValue()[1]),
                    TimePlots.lines(c, ChartStyle.line(1.8f)), 0);
            items.add(ChartStyle.lineItem(e.getKey() + " p99", c, ChartStyle.line(2.5f)));
            items.add(ChartStyle.lineItem(e.getKey() + " p50", light, ChartStyle.line(2f)));
        }
        plot.setFixedLegendItems(ChartStyle.legend(items.toArray(LegendItem[]::new)));
        String subtitle = "Percentiles per bucket (within 3.2%); " + TimePlots.resolution(d.grid())
                + (d.grid().widthSeconds() > r.traffic().bucketSeconds() ? ": highest p99 and mean p50 of its "
                + TimeLabels.duration(r.traffic().bucketSeconds()) + " buckets" : "")
                + ". Gaps: no request of that tier; under 1 ms (logged as 0) is drawn at " + FLOOR_MS + " ms.";
        return frame.chart("Request time by tier", subtitle, o.size());
    }
}
