package io.ngxtime.benchmarks;

import io.ngxtime.analyzer.report.Report;
import io.ngxtime.charts.ChartKind;
import io.ngxtime.charts.ChartOptions;
import io.ngxtime.charts.ChartSize;
import io.ngxtime.charts.Charts;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.jfree.chart.JFreeChart;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The week chart from a week of per-second counts (604,800 seconds, {@link SyntheticWeek}): building
 * the chart alone (the min/max downsampling to pixel columns and the datasets), and building plus
 * drawing it as a PNG and as an SVG, at 1600x600 with the p99 overlay. One operation is one chart.
 * The SVG's size is printed after the run. Target: under a second warm, SVG under 1 MB.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 6, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = "-Djava.awt.headless=true")
public class WeekChartBenchmark {
    @Param("true")
    public boolean latency;

    private Report week;
    private ChartOptions options;

    @Setup(Level.Trial)
    public void setup() {
        week = SyntheticWeek.make(7);
        options = ChartOptions.defaults().withLatencyOverlay(latency);
    }

    @Benchmark
    public JFreeChart build() {
        return ChartKind.WEEK.create(week, options);
    }

    @Benchmark
    public byte[] png() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
        Charts.writePng(ChartKind.WEEK.create(week, options), options.size(), out);
        return out.toByteArray();
    }

    @Benchmark
    public String svg() throws IOException {
        StringWriter out = new StringWriter(256 * 1024);
        Charts.writeSvg(ChartKind.WEEK.create(week, options), options.size(), "week", out);
        return out.toString();
    }

    @TearDown(Level.Trial)
    public void size() throws IOException {
        ChartSize s = options.size();
        System.out.printf("%nweek chart %s: SVG %,d bytes, PNG %,d bytes%n", s,
                svg().getBytes(StandardCharsets.UTF_8).length, png().length);
    }
}
