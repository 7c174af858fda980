package io.ngxtime.charts;

import io.ngxtime.analyzer.report.Report;
import io.ngxtime.analyzer.report.TimePoint;
import java.awt.Color;
import org.jfree.chart.JFreeChart;

/**
 * Where the time goes, over time: the mean time per request spent connecting to upstreams, waiting
 * for their first byte, receiving their body, and in nginx and sending to the client, stacked (the
 * stack's top is the mean request time). Columns wider than a bucket average their buckets weighted
 * by requests. Parts that are zero throughout are left out. Where {@code $upstream_header_time} was not
 * logged, the upstream response after connecting is its own part, neither wait nor transfer: when the first
 * byte came is unknown.
 */
final class TimeSplitChart {
    static final String KEY = "time-split";

    /** The parts, bottom to top: layer name, legend label, colour. */
    enum Part {
        CONNECT("connect", "upstream connect", Palette.CONNECT),
        WAIT("wait", "upstream header (wait for first byte)", Palette.WAIT),
        TRANSFER("transfer", "upstream body (transfer)", Palette.TRANSFER),
        UNSPLIT("unsplit", "upstream response (header time not logged)", Palette.UNSPLIT),
        NGINX("nginx", "nginx and client", Palette.NGINX);

        final String layer;
        final String label;
        final Color colour;

        Part(String layer, String label, Color colour) {
            this.layer = layer;
            this.label = label;
            this.colour = colour;
        }

        java.util.OptionalDouble micros(TimePoint p) {
            return switch (this) {
                case CONNECT -> p.meanConnectMicros();
                case WAIT -> p.meanWaitMicros();
                case TRANSFER -> p.meanTransferMicros();
                case UNSPLIT -> p.meanUnsplitMicros();
                case NGINX -> p.meanNginxMicros();
            };
        }
    }

    private TimeSplitChart() {
    }

    /** Mean ms per timed request of each part per column (NaN: no timed request there). */
    record Data(ColumnGrid grid, double[][] partMillis) {
    }

    static Data data(Report r, ChartOptions o) {
        ColumnGrid grid = TimePlots.bucketGrid(r.traffic(), o.size());
        if (grid == null) {
            return null;
        }
        int n = grid.columns();
        Part[] parts = Part.values();
        double[][] sums = new double[parts.length][n];
        long[] weight = new long[n];
        TimePlots.forEachInColumns(r.traffic().points(), grid, (p, c) -> {
            // means are per timed request: a bucket without one has none, and counts for nothing
            long timed = p.timedRequests();
            if (timed == 0) {
                return;
            }
            weight[c] += timed;
            for (Part part : parts) {
                sums[part.ordinal()][c] += part.micros(p).orElseThrow() * timed;
            }
        });
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

    /** Whether some upstream time could not be split into wait and transfer. */
    private static boolean unsplit(Data d) {
        for (double v : d.partMillis()[Part.UNSPLIT.ordinal()]) {
            if (v > 0) {
                return true;
            }
        }
        return false;
    }

    static JFreeChart create(Report r, ChartOptions o) {
        Data d = data(r, o);
        if (d == null || r.timing().requestTime().count() == 0) {
            return Charts.noData(KEY, "Where the time goes", "no request times: log $request_time and the $upstream_*_time variables");
        }
        TimeFrame frame = new TimeFrame(KEY, r, d.grid(), ChartStyle.countAxis("ms per request (mean)"));
        StackedBands bands = new StackedBands(frame.plot(), d.grid());
        for (Part part : Part.values()) {
            bands.add(part.layer, part.label, part.colour, d.partMillis()[part.ordinal()]);
        }
        frame.plot().setFixedLegendItems(bands.legend());
        String subtitle = "Mean per request, stacked: the top is the mean request time. Upstream parts are summed over "
                + "attempts; " + TimePlots.resolution(d.grid()) + "."
                + (unsplit(d) ? " Without $upstream_header_time, the wait for the first byte is not known." : "");
        return frame.chart("Where the time goes", subtitle, o.size());
    }
}
