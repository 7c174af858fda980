package io.ngxtime.charts;

import io.ngxtime.analyzer.report.Report;
import io.ngxtime.analyzer.report.TimePoint;
import io.ngxtime.analyzer.report.TrafficReport;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;

/**
 * Where the time goes, over time: the mean time per request spent connecting to upstreams, waiting
 * for their first byte, receiving their body, and in nginx and sending to the client, stacked (the
 * stack's top is the mean request time). Columns wider than a bucket average their buckets weighted
 * by requests. Parts that are zero throughout are left out.
 */
final class TimeSplitChart {
    static final String KEY = "time-split";

    /** The parts, bottom to top: layer name, legend label, colour. */
    enum Part {
        CONNECT("connect", "upstream connect", Palette.CONNECT),
        WAIT("wait", "upstream header (wait for first byte)", Palette.WAIT),
        TRANSFER("transfer", "upstream body (transfer)", Palette.TRANSFER),
        NGINX("nginx", "nginx and client", Palette.NGINX);

        final String layer;
        final String label;
        final Color colour;

        Part(String layer, String label, Color colour) {
            this.layer = layer;
            this.label = label;
            this.colour = colour;
        }

        double micros(TimePoint p) {
            return switch (this) {
                case CONNECT -> p.meanConnectMicros();
                case WAIT -> p.meanWaitMicros();
                case TRANSFER -> p.meanTransferMicros();
                case NGINX -> p.meanNginxMicros();
            };
        }
    }

    private TimeSplitChart() {
    }

    /** Mean ms per request of each part per column (NaN: no requests there). */
    record Data(ColumnGrid grid, double[][] partMillis) {
    }

    static Data data(Report r, ChartOptions o) {
        TrafficReport t = r.traffic();
        if (TimePlots.bucketRange(t) == null) {
            return null;
        }
        ColumnGrid grid = TimePlots.bucketGrid(t, o.size());
        int n = grid.columns();
        Part[] parts = Part.values();
        double[][] sums = new double[parts.length][n];
        long[] weight = new long[n];
        List<TimePoint> points = t.points();
        int[] col = TimePlots.columnsOf(points, grid);
        for (int i = 0; i < col.length; i++) {
            if (col[i] < 0) {
                continue;
            }
            TimePoint p = points.get(i);
            weight[col[i]] += p.requests();
            for (Part part : parts) {
                sums[part.ordinal()][col[i]] += part.micros(p) * p.requests();
            }
        }
        double[][] ms = new double[parts.length][];
        for (Part part : parts) {
            double[] v = TimePlots.nans(n);
            for (int c = 0; c < n; c++) {
                if (weight[c] > 0) {
                    v[c] = sums[part.ordinal()][c] / weight[c] / 1000.0;
                }
            }
            ms[part.ordinal()] = v;
        }
        return new Data(grid, ms);
    }

    static JFreeChart create(Report r, ChartOptions o) {
        Data d = data(r, o);
        if (d == null || r.timing().requestTime().count() == 0) {
            return Charts.noData(KEY, "Where the time goes", "no request times: log $request_time and the $upstream_*_time variables");
        }
        int off = r.traffic().offsetSeconds();
        NumberAxis axis = ChartStyle.countAxis("ms per request (mean)");
        LayeredXYPlot plot = TimePlots.plot(KEY, d.grid().fromSecond(), d.grid().toSecond(), off, axis);
        int n = d.grid().columns();
        double[] below = new double[n];
        List<LegendItem> items = new ArrayList<>();
        for (Part part : Part.values()) {
            double[] v = d.partMillis()[part.ordinal()];
            if (!nonZero(v)) {
                continue;
            }
            double[] low = new double[n];
            double[] high = new double[n];
            for (int c = 0; c < n; c++) {
                low[c] = below[c];
                high[c] = Double.isNaN(v[c]) ? Double.NaN : below[c] + v[c];
                low[c] = Double.isNaN(v[c]) ? Double.NaN : low[c];
                if (!Double.isNaN(v[c])) {
                    below[c] += v[c];
                }
            }
            plot.addLayer(part.layer, TimePlots.band(part.label, d.grid(), low, high, high),
                    new EnvelopeRenderer(part.colour, null, 0f), 0);
            items.add(0, ChartStyle.bandItem(part.label, part.colour));
        }
        LegendItemCollection legend = new LegendItemCollection();
        items.forEach(legend::add);
        plot.setFixedLegendItems(legend);
        String subtitle = "Mean per request, stacked: the top is the mean request time. Upstream parts are summed over "
                + "attempts; " + TimePlots.resolution(d.grid()) + "." + (r.filter().isEmpty() ? ""
                : " Filter: " + LabelText.label(r.filter(), 80));
        return ChartStyle.chart(plot, "Where the time goes, " + TimeLabels.range(d.grid().fromSecond(),
                d.grid().toSecond(), off), subtitle, o.size());
    }

    static boolean nonZero(double[] v) {
        for (double x : v) {
            if (!Double.isNaN(x) && x > 0) {
                return true;
            }
        }
        return false;
    }
}
