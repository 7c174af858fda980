package io.ngxtime.charts;

import io.ngxtime.analyzer.report.PeakReport;
import io.ngxtime.analyzer.report.PeakWindow;
import io.ngxtime.analyzer.report.TimePoint;
import io.ngxtime.analyzer.report.TrafficReport;
import java.awt.Color;
import java.awt.Stroke;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ObjIntConsumer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.DefaultIntervalXYDataset;
import org.jfree.data.xy.DefaultXYDataset;

/** What the time charts share besides their {@link TimeFrame}: column grids, datasets over columns, peak labels. */
final class TimePlots {
    private TimePlots() {
    }

    /** About one column per pixel of the plot area (the image less axes and padding). */
    static int columns(ChartSize size) {
        return Math.max(60, size.width() - 160);
    }

    /** The traffic's range rounded out to whole buckets: {from, to} epoch seconds; null when empty. */
    static long[] bucketRange(TrafficReport t) {
        if (t.perSecond().length == 0 && t.points().isEmpty()) {
            return null;
        }
        long b = t.bucketSeconds();
        long first = t.perSecond().length > 0 ? t.firstSecond() : t.points().get(0).startSecond();
        long last = t.perSecond().length > 0 ? t.firstSecond() + t.perSecond().length
                : t.points().get(t.points().size() - 1).startSecond() + b;
        return new long[] {Math.floorDiv(first, b) * b, Math.floorDiv(last + b - 1, b) * b};
    }

    /** The grid for per-bucket series over the traffic's range; null when the traffic is empty. */
    static ColumnGrid bucketGrid(TrafficReport t, ChartSize size) {
        long[] r = bucketRange(t);
        return r == null ? null : ColumnGrid.of(r[0], r[1], columns(size), t.bucketSeconds());
    }

    /**
     * Hands each point of a per-bucket series that falls in a column of {@code grid} to {@code action}
     * with that column, in the series' order; points outside the grid are passed over.
     */
    static void forEachInColumns(List<TimePoint> points, ColumnGrid grid, ObjIntConsumer<TimePoint> action) {
        for (TimePoint p : points) {
            int column = grid.column(p.startSecond());
            if (column >= 0) {
                action.accept(p, column);
            }
        }
    }

    /** A band: x the column intervals, y from {@code low} to {@code high} (NaN: no band there). */
    static DefaultIntervalXYDataset band(String key, ColumnGrid grid, double[] low, double[] high, double[] mid) {
        int n = low.length;
        double[] x = new double[n];
        double[] xs = new double[n];
        double[] xe = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = grid.middleMillis(i);
            xs[i] = grid.startMillis(i);
            xe[i] = grid.endMillis(i);
        }
        DefaultIntervalXYDataset d = new DefaultIntervalXYDataset();
        d.addSeries(key, new double[][] {x, xs, xe, mid, low, high});
        return d;
    }

    /** A line through the column middles (NaN: a gap). */
    static DefaultXYDataset line(String key, ColumnGrid grid, double[] y) {
        double[] x = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            x[i] = grid.middleMillis(i);
        }
        DefaultXYDataset d = new DefaultXYDataset();
        d.addSeries(key, new double[][] {x, y});
        return d;
    }

    /** A line renderer: gaps at NaN, and a dot where a point has no neighbour (see {@link GappedLineRenderer}). */
    static XYLineAndShapeRenderer lines(Color colour, Stroke stroke) {
        XYLineAndShapeRenderer r = new GappedLineRenderer();
        r.setDrawSeriesLineAsPath(true);
        r.setSeriesPaint(0, colour);
        r.setSeriesStroke(0, stroke);
        return r;
    }

    /** Peaks under this share of the biggest shown (by busiest second and by excess requests) are not labelled. */
    static final double LABELLED_SHARE = 0.25;

    /**
     * Labels for the peaks whose busiest second lies in {@code [from, to)}, numbered by their rank in the
     * report. A peak is labelled when its busiest second or its excess requests reach
     * {@link #LABELLED_SHARE} of the biggest in the range: a sustained surge stands out by its excess,
     * a burst by its second; the rest (a few requests over a quiet baseline) stay in the report's table.
     */
    static PeakLabels peaks(String chartKey, List<PeakReport> peaks, long fromSecond, long toSecond, boolean withDate) {
        long busiest = 0;
        double biggestExcess = 0;
        for (PeakReport p : peaks) {
            long s = p.window().busiestSecond();
            if (s >= fromSecond && s < toSecond) {
                busiest = Math.max(busiest, p.window().busiestSecondCount());
                biggestExcess = Math.max(biggestExcess, excess(p));
            }
        }
        if (biggestExcess <= 0) {
            biggestExcess = Double.POSITIVE_INFINITY;
        }
        List<PeakLabels.Label> labels = new ArrayList<>();
        int rank = 0;
        for (PeakReport p : peaks) {
            rank++;
            long s = p.window().busiestSecond();
            boolean big = p.window().busiestSecondCount() >= LABELLED_SHARE * busiest
                    || excess(p) >= LABELLED_SHARE * biggestExcess;
            if (s >= fromSecond && s < toSecond && big) {
                labels.add(new PeakLabels.Label((s + 0.5) * 1000.0, p.window().busiestSecondCount(),
                        PeakText.lines(p, rank, withDate)));
            }
        }
        return new PeakLabels(chartKey, labels);
    }

    /**
     * Requests of the surge above its baseline (the busiest minute's, before attribution); 0 when the
     * baseline is 0, which the model reports when no minute of the log lies outside the surge (its
     * excess then means nothing).
     */
    static double excess(PeakReport p) {
        PeakWindow w = p.window();
        if (w.baselinePerMinute() <= 0) {
            return 0;
        }
        if (p.attributed()) {
            return p.measures().orElseThrow().requestsDuring() - w.baselinePerMinute() * (w.endSecond() - w.startSecond()) / 60.0;
        }
        return w.busiestMinuteCount() - w.baselinePerMinute();
    }

    /**
     * Sets the traffic axis: when single seconds dwarf ordinary columns (see {@link AxisCut}), an axis
     * compressed above them that still reaches the busiest second ({@link CompressedTopAxis}), replacing
     * {@code axis} in the plot; room for the peak labels. Returns a sentence for the subtitle, or "".
     */
    static String trafficAxis(LayeredXYPlot plot, org.jfree.chart.axis.NumberAxis axis, ColumnGrid grid,
                              double[] columnMax, double[] line, PeakLabels peaks) {
        double cut = AxisCut.cut(columnMax, line);
        String note = "";
        if (!Double.isNaN(cut)) {
            double top = java.util.Arrays.stream(columnMax).filter(x -> !Double.isNaN(x)).max().orElseThrow();
            CompressedTopAxis compressed = new CompressedTopAxis(axis.getLabel(), cut, top);
            ChartStyle.axis(compressed);
            compressed.setStandardTickUnits(axis.getStandardTickUnits());
            compressed.setNumberFormatOverride(axis.getNumberFormatOverride());
            plot.setRangeAxis(0, compressed);
            note = " Above " + Figures.perSecond(Math.rint(cut)) + " the axis is compressed, up to the busiest"
                    + " second (" + Figures.perSecond(Math.rint(top)) + ").";
        } else if (!peaks.labels().isEmpty()) {
            axis.setUpperMargin(0.2);
        }
        if (!peaks.labels().isEmpty()) {
            plot.addAnnotation(peaks, false);
        }
        return note;
    }

    /** {@code each column 7 min} or {@code one column per second}. */
    static String resolution(ColumnGrid grid) {
        return grid.widthSeconds() == 1 ? "one column per second" : "each column " + TimeLabels.duration(grid.widthSeconds());
    }

    static double[] nans(int n) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, Double.NaN);
        return a;
    }

    /** Whether any value is a number (not NaN). */
    static boolean hasAny(double[] values) {
        for (double v : values) {
            if (!Double.isNaN(v)) {
                return true;
            }
        }
        return false;
    }
}
