package io.ngxtime.charts;

import io.ngxtime.analyzer.report.Report;
import io.ngxtime.analyzer.report.TrafficReport;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;

/**
 * The weekly traffic graph: up to seven days in one panel, in sequence, each day named on top and
 * every other day shaded. Per pixel column: a band from the quietest to the busiest second (from the
 * per-second counts, so a one-second spike keeps its full height), the average rate from the
 * per-minute buckets as a line, optionally the highest per-minute request p99 on a second axis, and
 * the peaks labelled with their busiest second and what drove them.
 */
final class WeekChart {
    static final String KEY = "week";

    private WeekChart() {
    }

    /** The data behind the chart: the grid and each layer's per-column values. */
    record Data(WeekRange range, ColumnGrid grid, SecondColumns seconds, double[] rate, double[] p99Millis) {
    }

    static Data data(Report r, ChartOptions o) {
        TrafficReport t = r.traffic();
        WeekRange week = WeekRange.of(t, o.weekFrom());
        if (week == null) {
            return null;
        }
        int b = t.bucketSeconds();
        long from = Math.floorDiv(week.fromSecond(), b) * b;
        ColumnGrid grid = ColumnGrid.of(from, week.toSecond(), TimePlots.columns(o.size()), b);
        SecondColumns seconds = SecondColumns.of(t.perSecond(), t.firstSecond(), grid);
        int n = grid.columns();
        long[] requests = new long[n];
        double[] p99 = TimePlots.nans(n);
        TimePlots.forEachInColumns(t.points(), grid, (p, c) -> {
            requests[c] += p.requests();
            // empty when nothing was timed; a p99 of 0 is real: all under nginx's 1 ms resolution
            p.requestP99Micros().ifPresent(micros -> {
                double ms = micros / 1000.0;
                p99[c] = Double.isNaN(p99[c]) ? ms : Math.max(p99[c], ms);
            });
        });
        double[] rate = TimePlots.nans(n);
        for (int c = 0; c < n; c++) {
            if (seconds.secondsWithData[c] > 0) {
                rate[c] = (double) requests[c] / seconds.secondsWithData[c];
            }
        }
        return new Data(week, grid, seconds, rate, p99);
    }

    static JFreeChart create(Report r, ChartOptions o) {
        Data d = data(r, o);
        if (d == null) {
            return Charts.noData(KEY, "Traffic over the week", "no request has a time");
        }
        NumberAxis rateAxis = ChartStyle.countAxis("requests/s");
        TimeFrame frame = new TimeFrame(KEY, r, d.range().fromSecond(), d.range().toSecond(), rateAxis);
        LayeredXYPlot plot = frame.plot();
        String column = TimeLabels.duration(d.grid().widthSeconds());
        plot.addLayer("envelope", TimePlots.band("busiest and quietest second", d.grid(), d.seconds().min,
                d.seconds().max, d.seconds().mean), new EnvelopeRenderer(Palette.alpha(Palette.TRAFFIC_ENVELOPE, 120),
                Palette.alpha(Palette.TRAFFIC_ENVELOPE, 230), 1f), 0);
        plot.addLayer("rate", TimePlots.line("requests per second", d.grid(), d.rate()),
                TimePlots.lines(Palette.TRAFFIC, ChartStyle.line(1.6f)), 0);
        boolean overlay = o.latencyOverlay() && TimePlots.hasAny(d.p99Millis());
        if (overlay) {
            ValueAxis latency = ChartStyle.countAxis("request p99, ms");
            latency.setLabelPaint(Palette.LATENCY);
            plot.setRangeAxis(1, latency);
            plot.setRangeAxisLocation(1, AxisLocation.BOTTOM_OR_RIGHT);
            plot.addLayer("p99", TimePlots.line("request p99", d.grid(), d.p99Millis()),
                    TimePlots.lines(Palette.LATENCY, ChartStyle.line(1.3f)), 1);
        }
        PeakLabels peaks = TimePlots.peaks(KEY, r.peaks(), d.range().fromSecond(), d.range().toSecond(), false);
        String cut = TimePlots.trafficAxis(plot, rateAxis, d.grid(), d.seconds().max, d.rate(), peaks);
        plot.setFixedLegendItems(ChartStyle.legend(
                ChartStyle.bandItem("quietest to busiest second in each " + column, Palette.alpha(Palette.TRAFFIC_ENVELOPE, 150)),
                ChartStyle.lineItem("average requests/s per " + column, Palette.TRAFFIC, ChartStyle.line(2f)),
                overlay ? ChartStyle.lineItem("request p99, highest minute per " + column + " (right axis)", Palette.LATENCY,
                        ChartStyle.line(2f)) : null,
                peaks.labels().isEmpty() ? null : ChartStyle.bandItem("peaks: busiest second and top driver", Palette.ALERT)));
        String subtitle = "Each column covers " + column + ". The band reaches the busiest single second, so a one-second "
                + "spike keeps its full height." + cut;
        return frame.chart(title(d.range()), subtitle, o.size());
    }

    /** "Traffic over the week", or over fewer days when the logs hold fewer (a 2 h log is not a week). */
    static String title(WeekRange range) {
        long days = Math.round((range.toSecond() - range.fromSecond()) / 86_400.0);
        return days >= 7 ? "Traffic over the week" : days <= 1 ? "Traffic over the day" : "Traffic over " + days + " days";
    }
}
