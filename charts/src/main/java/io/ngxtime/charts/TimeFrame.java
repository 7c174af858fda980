package io.ngxtime.charts;

import io.ngxtime.analyzer.report.Report;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;

/**
 * What every chart over time is drawn in: a styled plot over {@code [fromSecond, toSecond)} with the
 * time axis in the log's zone offset and the days marked when it spans days, and the titles: the
 * chart's name with that range, the subtitle ending with the report's filter when there is one.
 */
final class TimeFrame {
    private final Report report;
    private final long fromSecond;
    private final long toSecond;
    private final LayeredXYPlot plot;

    TimeFrame(String chartKey, Report report, long fromSecond, long toSecond, ValueAxis rangeAxis) {
        int offsetSeconds = report.traffic().offsetSeconds();
        this.report = report;
        this.fromSecond = fromSecond;
        this.toSecond = toSecond;
        this.plot = new LayeredXYPlot(chartKey, ChartStyle.timeAxis(fromSecond, toSecond, offsetSeconds), rangeAxis);
        ChartStyle.plot(plot);
        ChartStyle.days(plot, fromSecond, toSecond, offsetSeconds);
    }

    /** The frame over the whole of {@code grid}. */
    TimeFrame(String chartKey, Report report, ColumnGrid grid, ValueAxis rangeAxis) {
        this(chartKey, report, grid.fromSecond(), grid.toSecond(), rangeAxis);
    }

    /** The plot to add layers, axes, annotations and the legend to. */
    LayeredXYPlot plot() {
        return plot;
    }

    /** The chart: titled {@code name, <range>}; the subtitle, then the filter, when the image is tall enough. */
    JFreeChart chart(String name, String subtitle, ChartSize size) {
        String range = TimeLabels.range(fromSecond, toSecond, report.traffic().offsetSeconds());
        return ChartStyle.chart(plot, name + ", " + range, subtitle + LabelText.filterNote(report.filter()), size);
    }
}
