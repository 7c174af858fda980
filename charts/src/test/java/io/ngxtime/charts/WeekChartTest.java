package io.ngxtime.charts;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngxtime.analyzer.report.Report;
import io.ngxtime.analyzer.report.TimePoint;
import io.ngxtime.analyzer.report.TrafficReport;
import java.time.Instant;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.IntervalXYDataset;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;

class WeekChartTest {
    static final long SPIKE = Instant.parse("2026-10-08T14:03:12+02:00").getEpochSecond();
    static final Report WEEK = SampleReports.week(SPIKE, 900);

    @Test
    void week_defaultRange_isTheLastSevenDaysPresent_fromMidnightInTheLogOffset() {
        WeekRange w = WeekRange.of(WEEK.traffic(), null);
        assertThat(w.fromSecond()).isEqualTo(Instant.parse("2026-10-05T00:00:00+02:00").getEpochSecond());
        assertThat(w.toSecond()).isEqualTo(Instant.parse("2026-10-12T00:00:00+02:00").getEpochSecond());
        Instant from = Instant.parse("2026-10-06T12:00:00+02:00");
        assertThat(WeekRange.of(WEEK.traffic(), from)).isEqualTo(new WeekRange(from.getEpochSecond(),
                from.getEpochSecond() + 7 * 86_400));
    }

    @Test
    void week_oneBusySecond_survivesDownsampling_asItsColumnsMax() {
        WeekChart.Data d = WeekChart.data(WEEK, ChartOptions.defaults());
        ColumnGrid grid = d.grid();
        assertThat(grid.widthSeconds()).isGreaterThan(60);
        int spike = grid.column(SPIKE);
        assertThat(d.seconds().max[spike]).isEqualTo(900);
        int[] perSecond = WEEK.traffic().perSecond();
        long first = WEEK.traffic().firstSecond();
        for (int c = 0; c < grid.columns(); c++) {
            int min = Integer.MAX_VALUE;
            int max = 0;
            for (long s = grid.startSecond(c); s < grid.endSecond(c); s++) {
                min = Math.min(min, perSecond[(int) (s - first)]);
                max = Math.max(max, perSecond[(int) (s - first)]);
            }
            assertThat(d.seconds().max[c]).as("column %d max", c).isEqualTo(max);
            assertThat(d.seconds().min[c]).as("column %d min", c).isEqualTo(min);
        }
    }

    @Test
    void week_datasets_equalTheReportsMinutes() {
        ChartOptions o = ChartOptions.defaults().withLatencyOverlay(true);
        JFreeChart chart = WeekChart.create(WEEK, o);
        LayeredXYPlot plot = (LayeredXYPlot) chart.getPlot();
        WeekChart.Data d = WeekChart.data(WEEK, o);
        ColumnGrid grid = d.grid();
        TrafficReport t = WEEK.traffic();
        long[] requests = new long[grid.columns()];
        long[] maxPerSecond = new long[grid.columns()];
        long[] p99 = new long[grid.columns()];
        for (TimePoint p : t.points()) {
            int c = grid.column(p.startSecond());
            requests[c] += p.requests();
            maxPerSecond[c] = Math.max(maxPerSecond[c], p.maxPerSecond().orElseThrow());
            p99[c] = Math.max(p99[c], p.requestP99Micros().orElse(0));
        }
        IntervalXYDataset envelope = (IntervalXYDataset) plot.layer("envelope");
        XYDataset rate = plot.layer("rate");
        XYDataset latency = plot.layer("p99");
        assertThat(envelope.getItemCount(0)).isEqualTo(grid.columns());
        for (int c = 0; c < grid.columns(); c++) {
            assertThat(envelope.getEndYValue(0, c)).as("envelope top = the minute buckets' busiest second")
                    .isEqualTo(maxPerSecond[c]);
            assertThat(envelope.getStartXValue(0, c)).isEqualTo(grid.startSecond(c) * 1000.0);
            assertThat(envelope.getEndXValue(0, c)).isEqualTo(grid.endSecond(c) * 1000.0);
            assertThat(rate.getYValue(0, c)).isCloseTo((double) requests[c] / grid.widthSeconds(),
                    org.assertj.core.data.Offset.offset(1e-9));
            assertThat(latency.getYValue(0, c)).isEqualTo(p99[c] / 1000.0);
        }
        assertThat(plot.getRangeAxis(1).getLabel()).contains("p99");
        assertThat(chart.getTitle().getText()).contains("Mon 5 Oct 2026 00:00").contains("to Mon 12 Oct 00:00 (")
                .contains("UTC+02:00");
        assertThat(WeekChart.create(WEEK, ChartOptions.defaults()).getXYPlot().getDatasetCount())
                .as("no overlay unless asked").isEqualTo(2);
    }

    @Test
    void week_png_theSpikeKeepsItsHeight_onAnAxisCompressedAboveOrdinaryTraffic() {
        Report noLabels = WEEK.withPeaks(List.of());
        ChartSize size = ChartSize.DEFAULT;
        JFreeChart chart = WeekChart.create(noLabels, ChartOptions.defaults());
        Rendered img = Rendered.of(chart, size);
        XYPlot plot = chart.getXYPlot();
        ValueAxis x = plot.getDomainAxis();
        // 900 req/s dwarfs the ordinary 20-55: the axis is cut above those and compressed up to the spike
        assertThat(plot.getRangeAxis()).isInstanceOf(CompressedTopAxis.class);
        CompressedTopAxis y = (CompressedTopAxis) plot.getRangeAxis();
        assertThat(y.cut()).isLessThan(200);
        assertThat(y.topValue()).as("the axis reaches the busiest second").isEqualTo(900);
        assertThat(y.getUpperBound()).isGreaterThan(900);
        int spikeX = (int) Math.round(x.valueToJava2D((SPIKE + 0.5) * 1000, img.dataArea(), plot.getDomainAxisEdge()));
        int spikeTop = (int) Math.round(y.valueToJava2D(900, img.dataArea(), plot.getRangeAxisEdge()));
        assertThat(img.topInk(spikeX - 1, spikeX + 1, 200)).as("drawn up to 900 req/s at x=%d", spikeX)
                .isBetween(spikeTop - 2, spikeTop + 3);
        double band = img.dataArea().getMinY() + CompressedTopAxis.BAND * img.dataArea().getHeight();
        assertThat(img.topInk(spikeX - 200, spikeX - 196, 200)).as("ordinary columns stay below the band")
                .isGreaterThan((int) band);
        assertThat(y.java2DToValue(y.valueToJava2D(700, img.dataArea(), plot.getRangeAxisEdge()), img.dataArea(),
                plot.getRangeAxisEdge())).isCloseTo(700, org.assertj.core.data.Offset.offset(1e-6));

        Report calmer = SampleReports.week(SPIKE, 90).withPeaks(List.of());
        JFreeChart uncut = WeekChart.create(calmer, ChartOptions.defaults());
        Rendered img2 = Rendered.of(uncut, size);
        XYPlot plot2 = uncut.getXYPlot();
        int x2 = (int) Math.round(plot2.getDomainAxis().valueToJava2D((SPIKE + 0.5) * 1000, img2.dataArea(),
                plot2.getDomainAxisEdge()));
        int top2 = (int) Math.round(plot2.getRangeAxis().valueToJava2D(90, img2.dataArea(), plot2.getRangeAxisEdge()));
        assertThat(plot2.getRangeAxis()).as("90 req/s is not cut").isNotInstanceOf(CompressedTopAxis.class);
        assertThat(top2 - img2.dataArea().getMinY()).isLessThan(img2.dataArea().getHeight() * 0.2);
        assertThat(img2.topInk(x2 - 1, x2 + 1, 200)).as("drawn up to 90 req/s").isBetween(top2 - 2, top2 + 3);
    }

    @Test
    void compressedAxis_ticksUpToTheCut_thenTheBusiestSecond() {
        CompressedTopAxis axis = new CompressedTopAxis("requests/s", 6, 70);
        java.awt.geom.Rectangle2D area = new java.awt.geom.Rectangle2D.Double(0, 0, 100, 500);
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(1, 1, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g2 = image.createGraphics();
        List<?> ticks = axis.refreshTicks(g2, new org.jfree.chart.axis.AxisState(), area,
                org.jfree.chart.ui.RectangleEdge.LEFT);
        g2.dispose();
        List<Double> values = ticks.stream().map(t -> ((org.jfree.chart.axis.NumberTick) t).getValue()).toList();
        assertThat(values).first().isEqualTo(0.0);
        assertThat(values).last().isEqualTo(70.0);
        assertThat(values.subList(0, values.size() - 1)).allSatisfy(v -> assertThat(v).isLessThanOrEqualTo(6));
        assertThat(((org.jfree.chart.axis.NumberTick) ticks.get(ticks.size() - 1)).getText()).isEqualTo("70");
        // 0 at the bottom, the cut at the top of the lower part, 70 inside the band, below the top edge
        org.jfree.chart.ui.RectangleEdge left = org.jfree.chart.ui.RectangleEdge.LEFT;
        assertThat(axis.valueToJava2D(0, area, left)).isEqualTo(500);
        assertThat(axis.valueToJava2D(6, area, left)).isCloseTo(500 * CompressedTopAxis.BAND,
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(axis.valueToJava2D(70, area, left)).isBetween(1.0, 500 * CompressedTopAxis.BAND);
    }

    static PeakLabels labels(JFreeChart chart) {
        return (PeakLabels) chart.getXYPlot().getAnnotations().stream().filter(a -> a instanceof PeakLabels).findFirst()
                .orElseThrow();
    }

    @Test
    void week_withFrom_startsThere_andLabelsOnlyPeaksInside() {
        Instant from = Instant.parse("2026-10-09T00:00:00+02:00");
        JFreeChart chart = WeekChart.create(WEEK, ChartOptions.defaults().withWeekFrom(from));
        assertThat(chart.getTitle().getText()).contains("Fri 9 Oct 2026 00:00").contains("to Fri 16 Oct 00:00 (");
        assertThat(chart.getXYPlot().getAnnotations()).as("the only peak is before the range")
                .noneMatch(a -> a instanceof PeakLabels);
        JFreeChart all = WeekChart.create(WEEK, ChartOptions.defaults());
        PeakLabels labels = labels(all);
        assertThat(labels.labels()).singleElement().satisfies(l -> {
            assertThat(l.x()).isEqualTo((SPIKE + 0.5) * 1000);
            assertThat(l.y()).isEqualTo(900);
            assertThat(l.lines()).containsExactly("#1  900 req/s  Thu 14:03:12", "user agent BadBot/1.0 (+879 req)");
        });
    }

    @Test
    void week_latencyOverlay_drawsAZeroP99OfTimedRequests_andLeavesMinutesWithoutRequestTimeAsGaps() {
        // minute 0: cache hits logged as 0.000; minute 1: no $request_time; minute 2: 20 ms
        io.ngxtime.analyzer.aggregate.Aggregation a = new io.ngxtime.analyzer.aggregate.Aggregation(10);
        io.ngxtime.analyzer.record.Request r = new io.ngxtime.analyzer.record.Request();
        long start = Instant.parse("2026-10-05T10:00:00+02:00").getEpochSecond();
        for (int m = 0; m < 3; m++) {
            for (int i = 0; i < 10; i++) {
                TestRequests.get(r, (start + m * 60 + i) * 1000, 7200, "/a");
                r.status(200);
                if (m == 0) {
                    r.cacheStatus(io.ngxtime.grammar.CacheStatus.HIT).requestTimeMicros(0);
                } else if (m == 2) {
                    r.requestTimeMicros(20_000);
                }
                a.add(r);
            }
        }
        Report report = a.report(List.of("access.log"), "timing", 0);
        ChartOptions o = ChartOptions.defaults().withLatencyOverlay(true);
        WeekChart.Data d = WeekChart.data(report, o);
        double[] p99 = d.p99Millis();
        int zero = d.grid().column(start);
        int none = d.grid().column(start + 60);
        int twenty = d.grid().column(start + 120);
        assertThat(List.of(zero, none, twenty)).as("one minute per column here").doesNotHaveDuplicates();
        assertThat(p99[zero]).isZero();
        assertThat(p99[none]).isNaN();
        assertThat(p99[twenty]).isCloseTo(20.0, org.assertj.core.data.Percentage.withPercentage(3.2));
    }

    @Test
    void week_theCutNote_namesTheCutAndTheBusiestSecond_alsoWithPeakLabels() {
        JFreeChart chart = WeekChart.create(WEEK, ChartOptions.defaults());
        CompressedTopAxis axis = (CompressedTopAxis) chart.getXYPlot().getRangeAxis();
        String subtitles = chart.getSubtitles().stream().filter(t -> t instanceof org.jfree.chart.title.TextTitle)
                .map(t -> ((org.jfree.chart.title.TextTitle) t).getText()).reduce("", String::concat);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                "Above ([0-9,]+) req/s the axis is compressed, up to the busiest second \\(([0-9,]+) req/s\\)")
                .matcher(subtitles);
        assertThat(m.find()).as(subtitles).isTrue();
        assertThat(Double.parseDouble(m.group(1).replace(",", ""))).isEqualTo(axis.cut());
        assertThat(Long.parseLong(m.group(2).replace(",", ""))).isEqualTo(WEEK.traffic().maxPerSecond()).isEqualTo(900);
        assertThat(labels(chart).labels()).singleElement().satisfies(l -> assertThat(l.y()).isEqualTo(900));
    }

    @Test
    void week_title_saysHowManyDaysItShows_whenTheLogsHoldLessThanAWeek() {
        assertThat(WeekChart.create(WEEK, ChartOptions.defaults()).getTitle().getText()).startsWith("Traffic over the week");
        Report threeHours = SampleReports.cachedIncident();
        assertThat(WeekChart.create(threeHours, ChartOptions.defaults()).getTitle().getText()).startsWith("Traffic over the day");
        assertThat(WeekChart.title(new WeekRange(0, 3 * 86_400L))).isEqualTo("Traffic over 3 days");
    }
}
