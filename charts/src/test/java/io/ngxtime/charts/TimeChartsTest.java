package io.ngxtime.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ngxtime.analyzer.aggregate.Aggregation;
import io.ngxtime.analyzer.record.Request;
import io.ngxtime.analyzer.record.Tier;
import io.ngxtime.analyzer.report.Percentiles;
import io.ngxtime.analyzer.report.Report;
import io.ngxtime.analyzer.report.TimePoint;
import io.ngxtime.analyzer.report.TrafficReport;
import io.ngxtime.analyzer.report.UpstreamReport;
import io.ngxtime.grammar.CacheStatus;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.data.category.IntervalCategoryDataset;
import org.jfree.data.xy.IntervalXYDataset;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;

/** The series behind each chart equal the report's values. */
class TimeChartsTest {
    static final Report INCIDENT = SampleReports.cachedIncident();

    private static int column(ColumnGrid grid, TimePoint p) {
        return grid.column(p.startSecond());
    }

    @Test
    void requests_perSecondWhenTheRangeFits_andPeaksLabelledWithTheirDriver() {
        Report r = INCIDENT;
        JFreeChart chart = RequestsChart.create(r, ChartOptions.defaults());
        LayeredXYPlot plot = (LayeredXYPlot) chart.getPlot();
        SecondColumns d = RequestsChart.data(r, ChartOptions.defaults());
        IntervalXYDataset envelope = (IntervalXYDataset) plot.layer("envelope");
        for (int c = 0; c < d.columns(); c++) {
            assertThat(envelope.getEndYValue(0, c)).isEqualTo(d.max[c]);
            assertThat(envelope.getStartYValue(0, c)).isEqualTo(d.min[c]);
        }
        assertThat(max(envelope)).isEqualTo(r.traffic().maxPerSecond());
        PeakLabels labels = WeekChartTest.labels(chart);
        assertThat(r.peaks()).as("the burst and the surge; the random traffic beside them is no peak").hasSize(2);
        assertThat(labels.labels()).hasSize(2);
        assertThat(labels.labels().get(0).lines().get(0)).isEqualTo(String.format("#1  %d req/s  Sat 09:30:00",
                r.peaks().get(0).window().busiestSecondCount()));
        assertThat(labels.labels().get(0).lines().get(1)).startsWith("user agent BadBot/1.0 (+400 req)");
        assertThat(labels.labels().get(1).lines().get(0)).startsWith("#2 ");
        assertThat(labels.labels().get(1).lines().get(1)).startsWith("referrer https://news.example/today (+");

        Report tenMinutes = SampleReports.cachedShort();
        LayeredXYPlot shortPlot = (LayeredXYPlot) RequestsChart.create(tenMinutes, ChartOptions.defaults()).getPlot();
        assertThat(shortPlot.layer("envelope")).as("one column per second: nothing to envelope").isNull();
        XYDataset line = shortPlot.layer("rate");
        int[] perSecond = tenMinutes.traffic().perSecond();
        assertThat(line.getItemCount(0)).isEqualTo(perSecond.length);
        for (int i = 0; i < perSecond.length; i++) {
            assertThat(line.getYValue(0, i)).isEqualTo(perSecond[i]);
        }
    }

    private static double max(IntervalXYDataset d) {
        double m = 0;
        for (int i = 0; i < d.getItemCount(0); i++) {
            m = Math.max(m, d.getEndYValue(0, i));
        }
        return m;
    }

    @Test
    void tierLatency_seriesAreTheMinutesPercentilesInMillis_noTimedRequestIsAGap_underOneMsIsDrawnAtTheFloor() {
        ChartOptions o = ChartOptions.defaults();
        TierLatencyChart.Data d = TierLatencyChart.data(INCIDENT, o);
        assertThat(d.grid().widthSeconds()).isEqualTo(60);
        assertThat(d.tiers()).containsOnlyKeys("nginx", "cache", "upstream");
        LayeredXYPlot plot = (LayeredXYPlot) TierLatencyChart.create(INCIDENT, o).getPlot();
        XYDataset p99 = plot.layer("upstream-p99");
        XYDataset p50 = plot.layer("nginx-p50");
        for (TimePoint p : INCIDENT.traffic().points()) {
            int c = column(d.grid(), p);
            if (p.tierTimedRequests(Tier.UPSTREAM) == 0) {
                assertThat(p99.getYValue(0, c)).isNaN();
            } else {
                assertThat(p99.getYValue(0, c)).isEqualTo(Math.max(TierLatencyChart.FLOOR_MS,
                        p.tierP99Micros(Tier.UPSTREAM).getAsLong() / 1000.0));
            }
            if (p.tierTimedRequests(Tier.NGINX) == 0) {
                assertThat(p50.getYValue(0, c)).isNaN();
            } else {
                assertThat(p50.getYValue(0, c)).isEqualTo(Math.max(TierLatencyChart.FLOOR_MS,
                        p.tierP50Micros(Tier.NGINX).getAsLong() / 1000.0));
            }
        }
    }

    @Test
    void tierLatency_cacheHitsLoggedAsZeroMs_areDrawnAtTheFloor_notLeftOut() {
        // nginx logs whole milliseconds: cache hits are typically "0.000"
        Aggregation a = new Aggregation(10);
        Request r0 = new Request();
        long minute = 1_791_187_200L; // 05 Oct 2026 10:00 +02:00
        for (int m = 0; m < 3; m++) {
            for (int i = 0; i < 20; i++) {
                TestRequests.get(r0, (minute + m * 60 + i) * 1000, 7200, "/a");
                if (m == 1) {
                    r0.status(200).cacheStatus(CacheStatus.HIT).requestTimeMicros(0);
                } else {
                    r0.addAttempt("10.0.0.1:80", 200, 1000, 10_000, 19_000, 0);
                    r0.status(200).cacheStatus(CacheStatus.MISS).requestTimeMicros(20_000);
                }
                a.add(r0);
            }
        }
        Report r = a.report(List.of("access.log"), "timing", 0);
        TierLatencyChart.Data d = TierLatencyChart.data(r, ChartOptions.defaults());
        assertThat(d.tiers()).containsOnlyKeys("cache", "upstream");
        double[] cacheP50 = d.tiers().get("cache")[0];
        double[] cacheP99 = d.tiers().get("cache")[1];
        long drawn = java.util.stream.IntStream.range(0, cacheP50.length).filter(c -> !Double.isNaN(cacheP50[c])).count();
        assertThat(drawn).as("the one minute of cache hits").isEqualTo(1);
        for (int c = 0; c < cacheP50.length; c++) {
            if (!Double.isNaN(cacheP50[c])) {
                assertThat(cacheP50[c]).isEqualTo(TierLatencyChart.FLOOR_MS);
                assertThat(cacheP99[c]).isEqualTo(TierLatencyChart.FLOOR_MS);
                assertThat(d.tiers().get("upstream")[1][c]).as("no upstream request in the cache minute").isNaN();
            }
        }
    }

    @Test
    void tierLatency_aTierWithoutRequests_isLeftOut() {
        TierLatencyChart.Data d = TierLatencyChart.data(SampleReports.week(WeekChartTest.SPIKE, 900), ChartOptions.defaults());
        assertThat(d.tiers()).containsOnlyKeys("upstream");
    }

    @Test
    void timeSplit_layersStackTheMeansInOrder() {
        ChartOptions o = ChartOptions.defaults();
        TimeSplitChart.Data d = TimeSplitChart.data(INCIDENT, o);
        LayeredXYPlot plot = (LayeredXYPlot) TimeSplitChart.create(INCIDENT, o).getPlot();
        IntervalXYDataset wait = (IntervalXYDataset) plot.layer("wait");
        IntervalXYDataset nginx = (IntervalXYDataset) plot.layer("nginx");
        for (TimePoint p : INCIDENT.traffic().points()) {
            int c = column(d.grid(), p);
            double connect = p.meanConnectMicros().orElseThrow() / 1000;
            double w = p.meanWaitMicros().orElseThrow() / 1000;
            double total = (p.meanConnectMicros().orElseThrow() + p.meanWaitMicros().orElseThrow()
                    + p.meanTransferMicros().orElseThrow() + p.meanNginxMicros().orElseThrow()) / 1000;
            assertThat(wait.getStartYValue(0, c)).isCloseTo(connect, within(1e-9));
            assertThat(wait.getEndYValue(0, c)).isCloseTo(connect + w, within(1e-9));
            assertThat(nginx.getEndYValue(0, c)).as("the stack's top is the mean request time").isCloseTo(total, within(1e-9));
        }
    }

    @Test
    void timeSplit_headerTimeNotLogged_theUpstreamResponseIsItsOwnBand_neverWaitForTheFirstByte() {
        Aggregation a = new Aggregation();
        Request r = new Request();
        for (int s = 0; s < 1800; s++) {
            TestRequests.get(r, 1_791_187_200_000L + s * 1000L, 0, "/api");
            r.addAttempt("10.0.0.1:8080", 200, -1, -1, 40_000, 0);
            r.status(200).requestTimeMicros(42_000);
            a.add(r);
        }
        Report report = a.report(List.of("access.log"), "upstreaminfo", 0);
        JFreeChart chart = TimeSplitChart.create(report, ChartOptions.defaults());
        LayeredXYPlot plot = (LayeredXYPlot) chart.getPlot();

        assertThat(plot.layer("wait")).as("no header time: nothing is drawn as the wait for the first byte").isNull();
        assertThat(plot.layer("transfer")).isNull();
        IntervalXYDataset unsplit = (IntervalXYDataset) plot.layer("unsplit");
        assertThat(unsplit).isNotNull();
        assertThat(unsplit.getEndYValue(0, 0) - unsplit.getStartYValue(0, 0)).isCloseTo(40, within(1e-9));
        List<String> legend = new java.util.ArrayList<>();
        org.jfree.chart.LegendItemCollection items = plot.getFixedLegendItems();
        for (int i = 0; i < items.getItemCount(); i++) {
            legend.add(items.get(i).getLabel());
        }
        assertThat(legend).contains("upstream response (header time not logged)")
                .doesNotContain("upstream header (wait for first byte)");
        StringBuilder subtitles = new StringBuilder();
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            if (chart.getSubtitle(i) instanceof org.jfree.chart.title.TextTitle t) {
                subtitles.append(t.getText());
            }
        }
        assertThat(subtitles.toString()).contains("$upstream_header_time");
    }

    @Test
    void status_layersAreEachClassPerSecond() {
        ChartOptions o = ChartOptions.defaults();
        StatusChart.Data d = StatusChart.data(INCIDENT, o);
        LayeredXYPlot plot = (LayeredXYPlot) StatusChart.create(INCIDENT, o).getPlot();
        IntervalXYDataset ok = (IntervalXYDataset) plot.layer("status-2xx");
        IntervalXYDataset errors = (IntervalXYDataset) plot.layer("status-5xx");
        assertThat(plot.layer("status-1xx")).as("no 1xx at all: no layer").isNull();
        long fives = 0;
        for (TimePoint p : INCIDENT.traffic().points()) {
            int c = column(d.grid(), p);
            assertThat(ok.getEndYValue(0, c) - ok.getStartYValue(0, c)).isCloseTo(p.statusClasses()[2] / 60.0, within(1e-9));
            assertThat(errors.getEndYValue(0, c) - errors.getStartYValue(0, c)).isCloseTo(p.statusClasses()[5] / 60.0, within(1e-9));
            fives += p.statusClasses()[5];
        }
        assertThat(fives).isEqualTo(INCIDENT.summary().statusBetween(500, 599).getAsLong());
    }

    @Test
    void loadLatency_dotsAreEachMinutesRateAndUpstreamP99() {
        LayeredXYPlot plot = (LayeredXYPlot) LoadLatencyChart.create(INCIDENT, ChartOptions.defaults()).getPlot();
        XYDataset dots = plot.layer("dots");
        TrafficReport t = INCIDENT.traffic();
        List<TimePoint> withUpstream = t.points().stream().filter(p -> p.upstreamP99Micros().isPresent()).toList();
        assertThat(dots.getItemCount(0)).isEqualTo(withUpstream.size());
        for (int i = 0; i < withUpstream.size(); i++) {
            assertThat(dots.getXValue(0, i)).isEqualTo(withUpstream.get(i).requests() / 60.0);
            assertThat(dots.getYValue(0, i)).isEqualTo(withUpstream.get(i).upstreamP99Micros().getAsLong() / 1000.0);
        }
        assertThat(plot.layer("median")).isNotNull();
    }

    @Test
    void loadLatency_eachPointOfTheMedianLineRestsOnTenBucketsAtLeast_theFewBusiestTogether() {
        // 200 minutes between 0 and 1 request/s, and 4 far busier ones, alone in their bands
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        double[] rate = new double[204];
        for (int i = 0; i < 200; i++) {
            rate[i] = random.nextDouble();
        }
        rate[200] = 5;
        rate[201] = 6.5;
        rate[202] = 7;
        rate[203] = 8;
        List<int[]> groups = LoadLatencyChart.bandGroups(rate, 8);

        assertThat(groups).allSatisfy(g -> assertThat(g.length).isGreaterThanOrEqualTo(LoadLatencyChart.MIN_BAND_BUCKETS));
        assertThat(groups.stream().flatMapToInt(java.util.Arrays::stream).sorted().toArray())
                .isEqualTo(java.util.stream.IntStream.range(0, rate.length).toArray()); // every bucket once
        for (int g = 1; g < groups.size(); g++) { // quietest first, their rates never overlapping
            double below = java.util.Arrays.stream(groups.get(g - 1)).mapToDouble(i -> rate[i]).max().orElseThrow();
            double above = java.util.Arrays.stream(groups.get(g)).mapToDouble(i -> rate[i]).min().orElseThrow();
            assertThat(below).isLessThanOrEqualTo(above);
        }
        // the four busiest share the last point with the busiest band of the others: no point of one minute
        assertThat(groups.get(groups.size() - 1)).contains(200, 201, 202, 203).hasSizeGreaterThan(4);
        assertThat(LoadLatencyChart.bandGroups(new double[] {1, 2, 3}, 3)).as("fewer buckets than a point needs").isEmpty();
    }

    @Test
    void loadLatency_theMedianLineIsTheMedianAndMeanRateOfEachGroup() {
        LoadLatencyChart.Data d = LoadLatencyChart.data(INCIDENT);
        double maxRate = java.util.Arrays.stream(d.rate()).max().orElseThrow();
        List<int[]> groups = LoadLatencyChart.bandGroups(d.rate(), maxRate);
        assertThat(d.trendRate()).hasSize(groups.size()).hasSizeGreaterThanOrEqualTo(2);
        for (int g = 0; g < groups.size(); g++) {
            double[] p99 = java.util.Arrays.stream(groups.get(g)).mapToDouble(i -> d.p99Millis()[i]).sorted().toArray();
            double median = p99.length % 2 == 1 ? p99[p99.length / 2] : (p99[p99.length / 2 - 1] + p99[p99.length / 2]) / 2;
            assertThat(d.trendP99Millis()[g]).isEqualTo(median);
            assertThat(d.trendRate()[g]).isCloseTo(java.util.Arrays.stream(groups.get(g)).mapToDouble(i -> d.rate()[i])
                    .average().orElseThrow(), within(1e-9));
        }
    }

    @Test
    void loadLatency_kneeLabelsOfCloseKnees_takeARowEach_onTheSideWithTheRoom() {
        // three backends whose knees are close (as on a generated day, where their labels printed over each other),
        // and one far to the right
        double[] kneeAttemptsPerSecond = {0.71, 0.72, 0.73, 40};
        List<UpstreamReport> ups = new java.util.ArrayList<>();
        for (int i = 0; i < INCIDENT.upstreams().size(); i++) {
            UpstreamReport u = INCIDENT.upstreams().get(i);
            java.util.Optional<io.ngxtime.analyzer.report.Saturation> s = i < kneeAttemptsPerSecond.length
                    ? java.util.Optional.of(new io.ngxtime.analyzer.report.Saturation(
                            java.util.OptionalDouble.of(kneeAttemptsPerSecond[i]), 0.9, 50, 1_000, 90_000, 120, 60))
                    : java.util.Optional.empty();
            ups.add(new UpstreamReport(u.address(), u.kind(), u.attempts(), u.failed(), u.notConnected(), u.clientAborts(),
                    u.retriesCaused(), u.connect(), u.header(), u.response(), s));
        }
        Report r = INCIDENT;
        Report saturated = new Report(r.inputs(), r.format(), r.lines(), r.filter(), r.summary(), r.rejects(), r.timing(), ups,
                r.traffic(), r.peaks(), r.routes(), r.findings(), r.comparison(), r.upstreamTotals(), r.notes(),
                r.cacheWhatIf(), r.cdnOffload());
        List<LoadLatencyChart.Knee> knees = LoadLatencyChart.knees(saturated);
        assertThat(knees).hasSize(Math.min(4, INCIDENT.upstreams().size())).hasSizeGreaterThanOrEqualTo(3);

        LayeredXYPlot plot = (LayeredXYPlot) LoadLatencyChart.create(saturated, ChartOptions.defaults()).getPlot();
        List<org.jfree.chart.plot.ValueMarker> markers = plot.getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND).stream()
                .map(org.jfree.chart.plot.ValueMarker.class::cast).toList();
        assertThat(markers).hasSize(knees.size());
        assertThat(markers.stream().map(m -> m.getLabelOffset().getTop()).distinct().count()).as("a row each")
                .isEqualTo(knees.size());
        double maxRate = java.util.Arrays.stream(LoadLatencyChart.data(saturated).rate()).max().orElseThrow();
        for (LoadLatencyChart.Knee k : knees) {
            maxRate = Math.max(maxRate, k.requestsPerSecond());
        }
        for (org.jfree.chart.plot.ValueMarker m : markers) {
            boolean leftHalf = m.getValue() <= maxRate / 2;
            assertThat(m.getLabelTextAnchor()).as("label of the line at %s of %s", m.getValue(), maxRate)
                    .isEqualTo(leftHalf ? org.jfree.chart.ui.TextAnchor.TOP_LEFT : org.jfree.chart.ui.TextAnchor.TOP_RIGHT);
        }
        assertThat(markers).anySatisfy(m -> assertThat(m.getLabelTextAnchor()).isEqualTo(org.jfree.chart.ui.TextAnchor.TOP_LEFT))
                .anySatisfy(m -> assertThat(m.getLabelTextAnchor()).isEqualTo(org.jfree.chart.ui.TextAnchor.TOP_RIGHT));
    }

    @Test
    void upstreams_rowsAreP50P99AndMax_andTheSlowBackendIsFlagged() {
        LayeredCategoryPlot plot = (LayeredCategoryPlot) UpstreamLatencyChart.create(INCIDENT, ChartOptions.defaults()).getPlot();
        IntervalCategoryDataset box = (IntervalCategoryDataset) plot.layer("p50-p99");
        IntervalCategoryDataset tail = (IntervalCategoryDataset) plot.layer("p99-max");
        UpstreamLatencyChart.Data d = UpstreamLatencyChart.data(INCIDENT);
        List<UpstreamReport> ups = INCIDENT.upstreams();
        assertThat(box.getColumnCount()).isEqualTo(ups.size());
        for (int i = 0; i < ups.size(); i++) {
            Percentiles resp = ups.get(i).response().measured().orElseThrow();
            assertThat(box.getStartValue(0, i).doubleValue()).isEqualTo(resp.p50() / 1000.0);
            assertThat(box.getEndValue(0, i).doubleValue()).isEqualTo(resp.p99() / 1000.0);
            assertThat(tail.getEndValue(0, i).doubleValue()).isEqualTo(resp.max() / 1000.0);
            assertThat(d.slow()[i]).isEqualTo(ups.get(i).address().equals(SampleReports.SLOW_UPSTREAM));
        }
    }
}
