package io.ngxtime.charts;

import io.ngxtime.analyzer.report.Report;
import org.jfree.chart.JFreeChart;

/**
 * Responses per second by status class over time, stacked: 2xx at the bottom, then 3xx, 4xx, 5xx, and
 * 1xx and other statuses on top when there are any. Each column is the average rate over its
 * buckets; minutes without requests inside the range count as 0.
 */
final class StatusChart {
    static final String KEY = "status";
    /** Stacking order, bottom to top, as indexes of {@code TimePoint.statusClasses}. */
    static final int[] ORDER = {2, 3, 4, 5, 1, 0};

    private StatusChart() {
    }

    /** Responses per second of each status class (index 0 to 5) per column. */
    record Data(ColumnGrid grid, double[][] perSecond) {
    }

    static Data data(Report r, ChartOptions o) {
        ColumnGrid grid = TimePlots.bucketGrid(r.traffic(), o.size());
        if (grid == null) {
            return null;
        }
        int n = grid.columns();
        double[][] rate = new double[6][n];
        TimePlots.forEachInColumns(r.traffic().points(), grid, (p, c) -> {
            long[] classes = p.statusClasses();
            for (int k = 0; k < 6; k++) {
                rate[k][c] += classes[k];
            }
        });
        for (int c = 0; c < n; c++) {
            double seconds = grid.endSecond(c) - grid.startSecond(c);
            for (int k = 0; k < 6; k++) {
                rate[k][c] /= seconds;
            }
        }
        return new Data(grid, rate);
    }

    static String label(int statusClass) {
        return statusClass == 0 ? "other" : statusClass + "xx";
    }

    static JFreeChart create(Report r, ChartOptions o) {
        Data d = data(r, o);
        if (d == null) {
            return Charts.noData(KEY, "Responses by status class", "no request has a time");
        }
        TimeFrame frame = new TimeFrame(KEY, r, d.grid(), ChartStyle.countAxis("responses/s"));
        StackedBands bands = new StackedBands(frame.plot(), d.grid());
        for (int k : ORDER) {
            bands.add("status-" + label(k), label(k), Palette.statusClass(k), d.perSecond()[k]);
        }
        frame.plot().setFixedLegendItems(bands.legend());
        String subtitle = "Stacked; " + TimePlots.resolution(d.grid()) + ", averaged over it."
                + " 5xx: " + Figures.count(r.summary().statusBetween(500, 599)) + " of "
                + Figures.count(r.summary().requests() - r.summary().withoutStatus(), "response") + ".";
        return frame.chart("Responses by status class", subtitle, o.size());
    }
}
