package io.ngxtime.charts;

import io.ngxtime.analyzer.report.Latency;
import io.ngxtime.analyzer.report.Percentiles;
import io.ngxtime.analyzer.report.RunComparison;
import io.ngxtime.analyzer.report.TierReport;
import io.ngxtime.analyzer.report.TimingReport;
import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.data.xy.DefaultXYDataset;

/**
 * Two runs' request-time distributions side by side ({@code ngxtime compare}): for all requests and for each
 * tier, the percentile curve of run A (before, dashed) and of run B (after, solid), p50 to the maximum, in the
 * tier's colour on a log scale. Where B's curve runs above A's, B is slower at that percentile. A curve is
 * drawn for a subject only where that run measured its request time; under nginx's 1 ms resolution (logged as
 * 0) a percentile is drawn at {@link TierLatencyChart#FLOOR_MS}.
 */
public final class RunLatencyChart {
    /** The chart's name in files and SVG ids. */
    public static final String KEY = "compare-latency";
    /** The percentiles along the horizontal axis, in order. */
    static final List<String> PERCENTILES = List.of("p50", "p90", "p95", "p99", "p99.9", "max");
    private static final List<ToLongFunction<Percentiles>> VALUES = List.of(Percentiles::p50, Percentiles::p90,
            Percentiles::p95, Percentiles::p99, Percentiles::p999, Percentiles::max);

    private RunLatencyChart() {
    }

    /**
     * Per subject ({@code all}, then the tiers), each run's curve in ms at {@link #PERCENTILES}, or null where
     * that run has no request time for the subject.
     */
    record Curves(Map<String, double[][]> subjects) {
    }

    static Curves data(RunComparison c) {
        Map<String, double[][]> subjects = new LinkedHashMap<>();
        TimingReport a = c.before().report().timing();
        TimingReport b = c.after().report().timing();
        add(subjects, "all", a.requestTime(), b.requestTime());
        Set<String> tiers = new LinkedHashSet<>();
        a.tiers().forEach(t -> tiers.add(t.tier()));
        b.tiers().forEach(t -> tiers.add(t.tier()));
        for (String t : tiers) {
            add(subjects, t, a.tier(t).map(TierReport::requestTime).orElse(Latency.Missing.NO_VALUES),
                    b.tier(t).map(TierReport::requestTime).orElse(Latency.Missing.NO_VALUES));
        }
        return new Curves(subjects);
    }

    private static void add(Map<String, double[][]> to, String subject, Latency before, Latency after) {
        double[] a = curve(before);
        double[] b = curve(after);
        if (a != null || b != null) {
            to.put(subject, new double[][] {a, b});
        }
    }

    private static double[] curve(Latency latency) {
        if (latency.measured().isEmpty()) {
            return null;
        }
        Percentiles p = latency.measured().get();
        double[] ms = new double[VALUES.size()];
        for (int i = 0; i < ms.length; i++) {
            ms[i] = Math.max(TierLatencyChart.FLOOR_MS, VALUES.get(i).applyAsLong(p) / 1000.0);
        }
        return ms;
    }

    /** The chart; one that says why when neither run has a request time. */
    public static JFreeChart create(RunComparison c, ChartSize size) {
        String title = "Request time, A (before) against B (after)";
        Curves d = data(c);
        if (d.subjects().isEmpty()) {
            return Charts.noData(KEY, title, "no request times in either run: log $request_time to compare latency");
        }
        SymbolAxis x = new SymbolAxis("percentile", PERCENTILES.toArray(String[]::new));
        ChartStyle.axis(x);
        x.setGridBandsVisible(false);
        x.setRange(-0.25, PERCENTILES.size() - 0.75);
        LayeredXYPlot plot = new LayeredXYPlot(KEY, x, ChartStyle.logMillisAxis("request time, ms (log)"));
        ChartStyle.plot(plot);
        double[] positions = new double[PERCENTILES.size()];
        for (int i = 0; i < positions.length; i++) {
            positions[i] = i;
        }
        List<LegendItem> items = new ArrayList<>();
        for (Map.Entry<String, double[][]> e : d.subjects().entrySet()) {
            Color colour = e.getKey().equals("all") ? Palette.TRAFFIC : Palette.tier(e.getKey());
            double[][] runs = e.getValue();
            if (runs[0] != null) {
                plot.addLayer(e.getKey() + "-a", series(e.getKey() + " A", positions, runs[0]),
                        TimePlots.lines(Palette.alpha(colour, 170), ChartStyle.dashed(1.8f)), 0);
            }
            if (runs[1] != null) {
                plot.addLayer(e.getKey() + "-b", series(e.getKey() + " B", positions, runs[1]),
                        TimePlots.lines(colour, ChartStyle.line(2.2f)), 0);
            }
            items.add(ChartStyle.lineItem(e.getKey(), colour, ChartStyle.line(2.5f)));
        }
        items.add(ChartStyle.lineItem("A (before): dashed", Palette.MUTED_TEXT, ChartStyle.dashed(2f)));
        items.add(ChartStyle.lineItem("B (after): solid", Palette.MUTED_TEXT, ChartStyle.line(2.5f)));
        plot.setFixedLegendItems(ChartStyle.legend(items.toArray(LegendItem[]::new)));
        String subtitle = "Percentiles of each run's $request_time, all requests and by tier (within 0.1%): A "
                + Figures.count(c.before().requests(), "request") + " in " + Figures.span(c.before().seconds()) + ", B "
                + Figures.count(c.after().requests(), "request") + " in " + Figures.span(c.after().seconds())
                + ". Under 1 ms (logged as 0) is drawn at " + TierLatencyChart.FLOOR_MS + " ms.";
        return ChartStyle.chart(plot, title, subtitle, size);
    }

    private static DefaultXYDataset series(String name, double[] x, double[] y) {
        DefaultXYDataset s = new DefaultXYDataset();
        s.addSeries(name, new double[][] {x, y});
        return s;
    }
}
