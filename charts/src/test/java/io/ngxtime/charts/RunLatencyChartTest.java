package io.ngxtime.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ngxtime.analyzer.aggregate.Aggregation;
import io.ngxtime.analyzer.aggregate.Comparisons;
import io.ngxtime.analyzer.record.Request;
import io.ngxtime.analyzer.report.RunComparison;
import io.ngxtime.charts.html.CompareHtmlWriter;
import java.io.StringWriter;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;

/**
 * Both runs' percentile curves ({@code compare --chart}): the data is each run's percentiles, B three times
 * A's when every request took three times as long; the page that holds the chart escapes log text.
 */
class RunLatencyChartTest {
    private static final long START_MILLIS = SampleReports.START_SECOND * 1000;

    /** 1,000 requests of {@code path}, the i-th taking (i + 1) x {@code stepMicros}. */
    private static RunComparison.Run run(Aggregation a, String path, long stepMicros) {
        Request r = new Request();
        for (int i = 0; i < 1000; i++) {
            TestRequests.get(r, START_MILLIS + i * 1000L, SampleReports.OFFSET, path).status(200)
                    .requestTimeMicros((i + 1) * stepMicros);
            a.add(r);
        }
        long from = Comparisons.windowStartSecond(a);
        return new RunComparison.Run(a.report(List.of(path), "timing", 0), from, from + Comparisons.windowSeconds(a),
                Comparisons.windowSeconds(a));
    }

    private static RunComparison comparison(String path, long stepA, long stepB) {
        Aggregation a = new Aggregation();
        Aggregation b = new Aggregation();
        RunComparison.Run ra = run(a, path, stepA);
        RunComparison.Run rb = run(b, path, stepB);
        return new RunComparison(ra, rb, Comparisons.compare(b, a, ra.fromSecond(), ra.toSecond(), ra.seconds(), rb.seconds()));
    }

    @Test
    void data_areEachRunsPercentiles_threeTimesAsLongIsThreeTimesHigher() {
        RunComparison c = comparison("/a", 1_000, 3_000);
        double[][] all = RunLatencyChart.data(c).subjects().get("all");
        assertThat(all).isNotNull();
        assertThat(all[0]).hasSize(RunLatencyChart.PERCENTILES.size());
        assertThat(all[0][0]).as("A's p50: the 500th of 1..1000 ms").isCloseTo(500, within(500 * 0.001));
        assertThat(all[0][5]).as("A's max").isEqualTo(1000);
        for (int i = 0; i < all[0].length; i++) {
            assertThat(all[1][i] / all[0][i]).as(RunLatencyChart.PERCENTILES.get(i)).isCloseTo(3, within(3 * 0.002));
        }
    }

    @Test
    void create_drawsBothRunsOfEachSubject() {
        RunComparison c = comparison("/a", 1_000, 3_000);
        JFreeChart chart = RunLatencyChart.create(c, new ChartSize(800, 400));
        XYPlot plot = (XYPlot) chart.getPlot();
        int subjects = RunLatencyChart.data(c).subjects().size();
        assertThat(plot.getDatasetCount()).isEqualTo(2 * subjects);
        assertThat(Rendered.of(chart, new ChartSize(800, 400)).inkPixels()).isGreaterThan(1000);
    }

    @Test
    void comparePage_escapesLogText() throws Exception {
        RunComparison c = comparison("/" + SampleReports.HOSTILE, 1_000, 3_000);
        StringWriter w = new StringWriter();
        new CompareHtmlWriter().write(c, w);
        assertThat(w.toString()).doesNotContain("<script>").doesNotContain("<img").contains("&lt;script&gt;");
    }
}
