package io.ngxtime.charts;

import io.ngxtime.analyzer.report.Report;
import io.ngxtime.analyzer.report.TimePoint;
import io.ngxtime.analyzer.report.TrafficReport;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;

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
        TrafficReport t = r.traffic();
        if (TimePlots.bucketRange(t) == null) {
            return null;
        }
        ColumnGrid grid = TimePlots.bucketGrid(t, o.size());
        int n = grid.columns();
        double[][] rate = new double[6][n];
        List<TimePoint> points = t.points();
        int[] col = TimePlots.columnsOf(points, grid);
        for (int i = 0; i < col.length; i++) {
            if (col[i] < 0) {
                continue;
            }
            long[] classes = points.get(i).statusClasses();
            for (int k = 0; k < 6; k++) {
                rate[k][col[i]] += classes[k];
            }
        }
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
        int off = r.traffic().offsetSeconds();
        NumberAxis axis = ChartStyle.countAxis("responses/s");
        LayeredXYPlot plot = TimePlots.plot(KEY, d.grid().fromSecond(), d.grid().toSecond(), off, axis);
        int n = d.grid().columns();
        double[] below = new double[n];
        List<LegendItem> items = new ArrayList<>();
        for (int k : ORDER) {
            double[] v = d.perSecond()[k];
            if (!TimeSplitChart.nonZero(v)) {
                continue;
            }
            double[] low = below.clone();
            double[] high = new double[n];
            for (int c = 0; c < n; c++) {
                high[c] = below[c] + v[c];
                below[c] = high[c];
            }
            plot.addLayer("status-" + label(k), TimePlots.band(label(k), d.grid(), low, high, high),
                    new EnvelopeRenderer(Palette.statusClass(k), null, 0f), 0);
            items.add(0, ChartStyle.bandItem(label(k), Palette.statusClass(k)));
        }
        LegendItemCollection legend = new LegendItemCollection();
        items.forEach(legend::add);
        plot.setFixedLegendItems(legend);
        String subtitle = "Stacked; " + TimePlots.resolution(d.grid()) + ", averaged over it."
                + String.format(java.util.Locale.ROOT, " 5xx: %,d of %,d responses.", r.summary().statusBetween(500, 599),
                r.summary().requests()) + (r.filter().isEmpty() ? "" : " Filter: " + LabelText.label(r.filter(), 80));
        return ChartStyle.chart(plot, "Responses by status class, " + TimeLabels.range(d.grid().fromSecond(),
                d.grid().toSecond(), off), subtitle, o.size());
    }
}
