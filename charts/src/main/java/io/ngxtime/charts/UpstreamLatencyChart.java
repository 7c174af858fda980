package io.ngxtime.charts;

import io.ngxtime.analyzer.report.Finding;
import io.ngxtime.analyzer.report.Percentiles;
import io.ngxtime.analyzer.report.Report;
import io.ngxtime.analyzer.report.UpstreamReport;
import java.awt.Color;
import java.awt.Paint;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.CategoryTextAnnotation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.IntervalBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultIntervalCategoryDataset;

/**
 * Per-upstream response time distributions (per attempt), one row per upstream (the busiest
 * {@link #MAX_ROWS}, busiest first): a thick bar from p50 to p99 and a thin one from p99 to the
 * maximum, on a log scale, so a backend slower than its peers sits visibly to the right. Upstreams the
 * report's slow_backend finding names are drawn in the alert colour.
 */
final class UpstreamLatencyChart {
    static final String KEY = "upstreams";
    static final int MAX_ROWS = 15;
    /** Shortest time drawn (a log scale has no 0): 1 µs. */
    static final double FLOOR_MILLIS = 0.001;

    private UpstreamLatencyChart() {
    }

    /** The rows: labels, p50, p99 and max in ms, and whether a finding calls the upstream slow. */
    record Data(List<String> labels, double[] p50, double[] p99, double[] max, boolean[] slow, int total) {
    }

    static Data data(Report r) {
        // servers with response times: a group name (no live server) or an unlogged address has none to draw
        List<UpstreamReport> ups = r.upstreams().stream().filter(u -> u.response().count() > 0).toList();
        Set<String> slowAddresses = slow(r);
        int n = Math.min(MAX_ROWS, ups.size());
        List<String> labels = new ArrayList<>();
        Set<String> used = new HashSet<>();
        double[] p50 = new double[n];
        double[] p99 = new double[n];
        double[] max = new double[n];
        boolean[] slow = new boolean[n];
        for (int i = 0; i < n; i++) {
            UpstreamReport u = ups.get(i);
            Percentiles resp = u.response().measured().orElseThrow();
            String label = LabelText.label(u.address(), 30) + " (" + Figures.count(resp.count()) + ")";
            while (!used.add(label)) {
                label = label + " ";
            }
            labels.add(label);
            p50[i] = Math.max(FLOOR_MILLIS, resp.p50() / 1000.0);
            p99[i] = Math.max(p50[i], resp.p99() / 1000.0);
            max[i] = Math.max(p99[i], resp.max() / 1000.0);
            slow[i] = slowAddresses.contains(u.address());
        }
        return new Data(labels, p50, p99, max, slow, ups.size());
    }

    /** Addresses named by slow_backend findings. */
    static Set<String> slow(Report r) {
        Set<String> out = new HashSet<>();
        for (Finding f : r.findings()) {
            if (f.kind() == Finding.Kind.SLOW_BACKEND) {
                f.items().forEach(i -> out.add(i.subject()));
            }
        }
        return out;
    }

    static JFreeChart create(Report r, ChartOptions o) {
        Data d = data(r);
        if (d.labels().isEmpty()) {
            return Charts.noData(KEY, "Upstream response time", "no upstream attempts with a response time in these logs");
        }
        String[] categories = d.labels().toArray(new String[0]);
        CategoryAxis rows = new CategoryAxis("upstream (attempts)");
        ChartStyle.axis(rows);
        rows.setCategoryMargin(0.3);
        rows.setLowerMargin(0.02);
        rows.setUpperMargin(0.02);
        LogAxis axis = ChartStyle.logMillisAxis("response time per attempt, ms (log)");
        LayeredCategoryPlot plot = new LayeredCategoryPlot(KEY, rows, axis);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setRangeGridlinePaint(Palette.GRID);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        plot.addLayer("p99-max", new DefaultIntervalCategoryDataset(new String[] {"p99 to max"}, categories,
                box(d.p99()), box(d.max())), bars(d.slow(), 0.006, 150));
        plot.addLayer("p50-p99", new DefaultIntervalCategoryDataset(new String[] {"p50 to p99"}, categories,
                box(d.p50()), box(d.p99())), bars(d.slow(), 0.07, 255));
        for (int i = 0; i < categories.length; i++) {
            CategoryTextAnnotation figures = new CategoryTextAnnotation(String.format(Locale.US,
                    "p50 %s · p99 %s · max %s", Figures.durationMs(d.p50()[i]), Figures.durationMs(d.p99()[i]),
                    Figures.durationMs(d.max()[i])), categories[i], d.max()[i] * 1.25);
            figures.setTextAnchor(TextAnchor.CENTER_LEFT);
            figures.setFont(ChartStyle.LABEL_FONT);
            figures.setPaint(d.slow()[i] ? Palette.ALERT : Palette.TEXT);
            plot.addAnnotation(figures);
        }
        // room on the right for the figures: they need about a decade of the log axis
        ((LogMillisAxis) axis).setHeadroom(12);
        boolean anySlow = false;
        for (boolean s : d.slow()) {
            anySlow |= s;
        }
        plot.setFixedLegendItems(ChartStyle.legend(
                ChartStyle.bandItem("p50 to p99", Palette.UPSTREAM),
                ChartStyle.bandItem("p99 to the slowest attempt", Palette.alpha(Palette.UPSTREAM, 150)),
                anySlow ? ChartStyle.bandItem("slower than its peers (see findings)", Palette.ALERT) : null));
        long[] range = TimePlots.bucketRange(r.traffic());
        String title = "Upstream response time per attempt"
                + (range == null ? "" : ", " + TimeLabels.range(range[0], range[1], r.traffic().offsetSeconds()));
        String subtitle = (d.total() > d.labels().size() ? "The " + d.labels().size() + " busiest of " + d.total()
                + " upstreams, busiest first." : "Busiest first.") + " $upstream_response_time per attempt, 2 significant digits."
                + LabelText.filterNote(r.filter());
        return ChartStyle.chart(plot, title, subtitle, o.size());
    }

    private static Number[][] box(double[] v) {
        Number[][] out = new Number[1][v.length];
        for (int i = 0; i < v.length; i++) {
            out[0][i] = v[i];
        }
        return out;
    }

    private static IntervalBarRenderer bars(boolean[] slow, double maxWidth, int alpha) {
        IntervalBarRenderer r = new IntervalBarRenderer() {
            @Override
            public Paint getItemPaint(int row, int column) {
                return Palette.alpha(slow[column] ? Palette.ALERT : Palette.UPSTREAM, alpha);
            }
        };
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setDrawBarOutline(false);
        r.setMaximumBarWidth(maxWidth);
        r.setIncludeBaseInRange(false);
        r.setDefaultItemLabelsVisible(false);
        return r;
    }
}
