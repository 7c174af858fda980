package io.ngxtime.charts;

import io.ngxtime.analyzer.report.Report;
import io.ngxtime.analyzer.report.TrafficReport;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;

/**
 * Requests per second over the analysed range: per pixel column the band from the quietest to the
 * busiest second and the mean rate; one column per second when the range is short enough. The peaks
 * are labelled with their busiest second and what drove them.
 */
final class RequestsChart {
    static final String KEY = "requests";

    private RequestsChart() {
    }

    static SecondColumns data(Report r, ChartOptions o) {
        TrafficReport t = r.traffic();
        if (t.perSecond().length == 0) {
            return null;
        }
        ColumnGrid grid = ColumnGrid.of(t.firstSecond(), t.firstSecond() + t.perSecond().length,
                TimePlots.columns(o.size()), 1);
        return SecondColumns.of(t.perSecond(), t.firstSecond(), grid);
    }

    static JFreeChart create(Report r, ChartOptions o) {
        SecondColumns d = data(r, o);
        if (d == null) {
            return Charts.noData(KEY, "Requests per second", "no request has a time");
        }
        ColumnGrid grid = d.grid;
        NumberAxis axis = ChartStyle.countAxis("requests/s");
        TimeFrame frame = new TimeFrame(KEY, r, grid, axis);
        LayeredXYPlot plot = frame.plot();
        boolean perSecond = grid.widthSeconds() == 1;
        String column = TimeLabels.duration(grid.widthSeconds());
        if (!perSecond) {
            plot.addLayer("envelope", TimePlots.band("busiest and quietest second", grid, d.min, d.max, d.mean),
                    new EnvelopeRenderer(Palette.alpha(Palette.TRAFFIC_ENVELOPE, 120),
                            Palette.alpha(Palette.TRAFFIC_ENVELOPE, 230), 1f), 0);
        }
        plot.addLayer("rate", TimePlots.line("requests per second", grid, d.mean),
                TimePlots.lines(Palette.TRAFFIC, ChartStyle.line(perSecond ? 1.4f : 1.6f)), 0);
        PeakLabels peaks = TimePlots.peaks(KEY, r.peaks(), grid.fromSecond(), grid.toSecond(),
                grid.toSecond() - grid.fromSecond() > 6 * 86_400L);
        String cut = perSecond ? "" : TimePlots.trafficAxis(plot, axis, grid, d.max, d.mean, peaks);
        if (perSecond && !peaks.labels().isEmpty()) {
            plot.addAnnotation(peaks);
            axis.setUpperMargin(0.2);
        }
        plot.setFixedLegendItems(ChartStyle.legend(
                perSecond ? null : ChartStyle.bandItem("quietest to busiest second in each " + column,
                        Palette.alpha(Palette.TRAFFIC_ENVELOPE, 150)),
                ChartStyle.lineItem(perSecond ? "requests in each second" : "average requests/s per " + column,
                        Palette.TRAFFIC, ChartStyle.line(2f)),
                peaks.labels().isEmpty() ? null : ChartStyle.bandItem("peaks: busiest second and top driver", Palette.ALERT)));
        String subtitle = (perSecond ? "One point per second." : "Each column covers " + column
                + "; the band reaches the busiest single second in it.")
                + " " + Figures.count(r.summary().requests(), "request") + ", at most "
                + Figures.count(r.traffic().maxPerSecond()) + " in one second." + cut
                + (r.traffic().perSecondComplete() ? "" : " The log covers " + Figures.span(r.traffic().rangeSeconds())
                        + ": this chart shows its first " + Figures.span(r.traffic().perSecond().length) + ".");
        return frame.chart("Requests per second", subtitle, o.size());
    }
}
