package io.ngxtime.charts;

import io.ngxtime.analyzer.report.Report;
import io.ngxtime.analyzer.report.TimePoint;
import io.ngxtime.analyzer.report.TrafficReport;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.DefaultXYDataset;

/**
 * Load against latency: one dot per bucket with upstream requests, its request rate against its
 * upstream p99 (log scale), and the median p99 across load bands as a line. Where the line bends
 * upward is where the backends stop keeping up. The load range is cut into {@value #BANDS} equal bands; from
 * the busiest down, a band of fewer than {@value #MIN_BAND_BUCKETS} buckets is joined to the bands below it (as
 * the knee estimate joins thin bands), so that every point of the line is the median of at least that many
 * buckets, placed at their mean rate: the few busiest minutes of a week are one point, not a zig-zag through
 * medians of two or three. Over {@link #MAX_DOTS} dots, dots that would land on
 * the same spot (a grid of 600 by 300 cells) are drawn once. Each backend whose p99 climbed past a knee
 * ({@code Saturation}) is marked by a dashed line at the request rate where it got there: its knee in its
 * own attempts per second, scaled by its share of the requests (the x axis counts every request).
 */
final class LoadLatencyChart {
    static final String KEY = "load-latency";
    static final int MAX_DOTS = 3000;
    static final int BANDS = 24;
    static final int MIN_BAND_BUCKETS = 10;

    private LoadLatencyChart() {
    }

    /** A backend's knee on this chart's axis: the request rate at which its own load reached its knee. */
    record Knee(String address, double attemptsPerSecond, double requestsPerSecond) {
    }

    /** The knees to mark, lowest request rate first. */
    static List<Knee> knees(Report r) {
        List<Knee> out = new ArrayList<>();
        long requests = r.summary().requests();
        for (io.ngxtime.analyzer.report.UpstreamReport u : r.upstreams()) {
            u.saturation().filter(io.ngxtime.analyzer.report.Saturation::reached).ifPresent(s -> {
                double knee = s.kneeAttemptsPerSecond().getAsDouble();
                if (u.attempts() > 0 && requests > 0) {
                    out.add(new Knee(u.address(), knee, knee * requests / u.attempts()));
                }
            });
        }
        out.sort(java.util.Comparator.comparingDouble(Knee::requestsPerSecond));
        return out;
    }

    /** Every bucket's rate and upstream p99, and the median p99 per load band. */
    record Data(double[] rate, double[] p99Millis, double[] trendRate, double[] trendP99Millis) {
    }

    static Data data(Report r) {
        TrafficReport t = r.traffic();
        List<double[]> xy = new ArrayList<>();
        for (TimePoint p : t.points()) {
            p.upstreamP99Micros().ifPresent(p99 -> xy.add(new double[] {(double) p.requests() / t.bucketSeconds(), p99 / 1000.0}));
        }
        double[] x = new double[xy.size()];
        double[] y = new double[xy.size()];
        double maxX = 0;
        for (int i = 0; i < x.length; i++) {
            x[i] = xy.get(i)[0];
            y[i] = xy.get(i)[1];
            maxX = Math.max(maxX, x[i]);
        }
        List<Double> tx = new ArrayList<>();
        List<Double> ty = new ArrayList<>();
        for (int[] group : bandGroups(x, maxX)) {
            double[] v = new double[group.length];
            double sumRate = 0;
            for (int k = 0; k < group.length; k++) {
                v[k] = y[group[k]];
                sumRate += x[group[k]];
            }
            Arrays.sort(v);
            tx.add(sumRate / group.length);
            ty.add(v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2);
        }
        return new Data(x, y, tx.stream().mapToDouble(Double::doubleValue).toArray(),
                ty.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /**
     * The buckets of each point of the median line, quietest first: {@value #BANDS} equal bands of rate, joined from the
     * busiest down until each holds {@value #MIN_BAND_BUCKETS} buckets (the quietest bands, when too few on their own,
     * go with the group above them). None when all the buckets together are fewer.
     */
    static List<int[]> bandGroups(double[] rate, double maxRate) {
        List<List<Integer>> bands = new ArrayList<>();
        for (int b = 0; b < BANDS; b++) {
            bands.add(new ArrayList<>());
        }
        if (maxRate > 0) {
            double width = maxRate / BANDS;
            for (int i = 0; i < rate.length; i++) {
                bands.get(Math.min(BANDS - 1, (int) (rate[i] / width))).add(i);
            }
        }
        List<List<Integer>> groups = new ArrayList<>(); // busiest first
        List<Integer> group = new ArrayList<>();
        for (int b = BANDS - 1; b >= 0; b--) {
            group.addAll(bands.get(b));
            if (group.size() >= MIN_BAND_BUCKETS) {
                groups.add(group);
                group = new ArrayList<>();
            }
        }
        if (!group.isEmpty() && !groups.isEmpty()) {
            groups.get(groups.size() - 1).addAll(group);
        }
        List<int[]> out = new ArrayList<>();
        for (int g = groups.size() - 1; g >= 0; g--) {
            out.add(groups.get(g).stream().mapToInt(Integer::intValue).toArray());
        }
        return out;
    }

    /**
     * Where knee {@code row}'s label goes: beside its line on the side with the room ({@code onTheRight} for a line in
     * the left half of the axis), one row below the label before it, so that the labels of backends whose knees are
     * close never print over each other, on a light ground over the dots.
     */
    static void placeLabel(org.jfree.chart.plot.ValueMarker m, int row, boolean onTheRight) {
        m.setLabelAnchor(onTheRight ? org.jfree.chart.ui.RectangleAnchor.TOP_RIGHT : org.jfree.chart.ui.RectangleAnchor.TOP_LEFT);
        m.setLabelTextAnchor(onTheRight ? org.jfree.chart.ui.TextAnchor.TOP_LEFT : org.jfree.chart.ui.TextAnchor.TOP_RIGHT);
        m.setLabelOffset(new org.jfree.chart.ui.RectangleInsets(4 + row * LABEL_ROW_PIXELS, 4, 4, 4));
        m.setLabelBackgroundColor(new java.awt.Color(255, 255, 255, 210));
    }

    /** A knee label's row: the label font's height and a little space. */
    static final int LABEL_ROW_PIXELS = 16;

    /** The dots to draw: all of them, or one per spot when there are too many. */
    static double[][] dots(Data d) {
        if (d.rate().length <= MAX_DOTS) {
            return new double[][] {d.rate(), d.p99Millis()};
        }
        double maxX = Arrays.stream(d.rate()).max().orElse(1);
        double minLog = Math.log10(Arrays.stream(d.p99Millis()).min().orElse(1));
        double maxLog = Math.log10(Arrays.stream(d.p99Millis()).max().orElse(1));
        double spanLog = Math.max(1e-9, maxLog - minLog);
        Set<Long> seen = new HashSet<>();
        List<double[]> kept = new ArrayList<>();
        for (int i = 0; i < d.rate().length; i++) {
            long cx = Math.round(d.rate()[i] / Math.max(1e-9, maxX) * 600);
            long cy = Math.round((Math.log10(d.p99Millis()[i]) - minLog) / spanLog * 300);
            if (seen.add(cx * 1_000_003L + cy)) {
                kept.add(new double[] {d.rate()[i], d.p99Millis()[i]});
            }
        }
        double[][] out = new double[2][kept.size()];
        for (int i = 0; i < kept.size(); i++) {
            out[0][i] = kept.get(i)[0];
            out[1][i] = kept.get(i)[1];
        }
        return out;
    }

    static JFreeChart create(Report r, ChartOptions o) {
        Data d = data(r);
        if (d.rate().length == 0) {
            return Charts.noData(KEY, "Load against upstream latency", ChartKind.noUpstreamTime(r));
        }
        long[] range = TimePlots.bucketRange(r.traffic());
        int off = r.traffic().offsetSeconds();
        String bucket = TimeLabels.duration(r.traffic().bucketSeconds());
        NumberAxis x = ChartStyle.countAxis("requests/s (average over the " + bucket + ")");
        LogAxis y = ChartStyle.logMillisAxis("upstream p99, ms (log)");
        LayeredXYPlot plot = new LayeredXYPlot(KEY, x, y);
        ChartStyle.plot(plot);
        DefaultXYDataset dots = new DefaultXYDataset();
        dots.addSeries("per " + bucket, dots(d));
        XYLineAndShapeRenderer dotRenderer = new XYLineAndShapeRenderer(false, true);
        dotRenderer.setSeriesShape(0, new Ellipse2D.Double(-3, -3, 6, 6));
        dotRenderer.setSeriesPaint(0, Palette.alpha(Palette.UPSTREAM, 110));
        dotRenderer.setUseOutlinePaint(false);
        dotRenderer.setDrawOutlines(false);
        plot.addLayer("dots", dots, dotRenderer, 0);
        boolean trend = d.trendP99Millis().length >= 2;
        if (trend) {
            DefaultXYDataset line = new DefaultXYDataset();
            line.addSeries("median p99", new double[][] {d.trendRate(), d.trendP99Millis()});
            plot.addLayer("median", line, TimePlots.lines(Palette.TRAFFIC, ChartStyle.line(2.2f)), 0);
        }
        List<Knee> knees = knees(r);
        double maxRate = Arrays.stream(d.rate()).max().orElse(0);
        for (Knee k : knees) {
            maxRate = Math.max(maxRate, k.requestsPerSecond());
        }
        for (int i = 0; i < knees.size(); i++) {
            Knee k = knees.get(i);
            org.jfree.chart.plot.ValueMarker m = new org.jfree.chart.plot.ValueMarker(k.requestsPerSecond(), Palette.MUTED_TEXT,
                    new java.awt.BasicStroke(1.2f, java.awt.BasicStroke.CAP_BUTT, java.awt.BasicStroke.JOIN_MITER, 10f,
                            new float[] {5f, 4f}, 0f));
            // the address comes from a log line: JFreeChart draws it as text, never markup
            m.setLabel(LabelText.label(k.address(), 28) + " knee " + SaturationText.attemptsPerSecond(k.attemptsPerSecond()));
            m.setLabelFont(ChartStyle.LABEL_FONT);
            m.setLabelPaint(Palette.MUTED_TEXT);
            // rows from the top, as many as the plot's height holds (a chart of 16 backends' knees made small)
            placeLabel(m, i % Math.max(1, (o.size().height() - 200) / LABEL_ROW_PIXELS), k.requestsPerSecond() <= maxRate / 2);
            plot.addDomainMarker(m, org.jfree.chart.ui.Layer.FOREGROUND);
        }
        plot.setFixedLegendItems(ChartStyle.legend(
                ChartStyle.bandItem("one " + bucket + " bucket: its rate and upstream p99", Palette.alpha(Palette.UPSTREAM, 160)),
                trend ? ChartStyle.lineItem("median p99 across load bands", Palette.TRAFFIC, ChartStyle.line(2.5f)) : null,
                knees.isEmpty() ? null : ChartStyle.lineItem("a backend's knee: its p99 climbs above this load",
                        Palette.MUTED_TEXT, ChartStyle.line(1.2f))));
        String subtitle = Figures.count(d.rate().length, "bucket") + " with upstream requests. "
                + "Where the median line bends upward, the backends stop keeping up with the load."
                + LabelText.filterNote(r.filter());
        return ChartStyle.chart(plot, "Load against upstream latency, " + TimeLabels.range(range[0], range[1], off),
                subtitle, o.size());
    }
}
