package io.ngxtime.charts;

import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.Arrays;
import org.jfree.chart.annotations.AbstractXYAnnotation;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;

/**
 * When a few single seconds dwarf the rest of the traffic (a bot firing 300 requests in one second on
 * a site doing 2 per second), a linear axis up to the spike leaves everything else a flat line. Then
 * the axis stops a little above the busiest seconds of ordinary columns, the spikes run off the top
 * of the plot (still full height there) and each is marked with a triangle at the top edge; the
 * peak labels give their values.
 */
final class OffScale extends AbstractXYAnnotation {
    /** Ordinary: the 99.5th percentile of column maxima. */
    static final double QUANTILE = 0.995;
    /** Spikes must exceed the ordinary top by this factor before the axis is cut. */
    static final double CUT_FACTOR = 1.6;

    private final String chartKey;
    private final double top;
    private final double[] xs;

    private OffScale(String chartKey, double top, double[] xs) {
        this.chartKey = chartKey;
        this.top = top;
        this.xs = xs;
    }

    /**
     * The axis top when the spikes should run off it, or NaN to show everything.
     *
     * @param columnMax the busiest second of each column (NaN: none)
     * @param line      the average line, which must always fit
     */
    static double cut(double[] columnMax, double[] line) {
        double[] v = Arrays.stream(columnMax).filter(x -> !Double.isNaN(x)).sorted().toArray();
        if (v.length < 50) {
            return Double.NaN;
        }
        double ordinary = v[(int) Math.floor(QUANTILE * (v.length - 1))];
        double lineMax = Arrays.stream(line).filter(x -> !Double.isNaN(x)).max().orElse(0);
        double top = nice(Math.max(ordinary, lineMax) * 1.15);
        return v[v.length - 1] > top * CUT_FACTOR ? top : Double.NaN;
    }

    /** The next value of 1, 2, 2.5, 5 times a power of ten. */
    static double nice(double v) {
        if (v <= 0) {
            return 1;
        }
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * p >= v) {
                return m * p;
            }
        }
        return 10 * p;
    }

    /** Markers for the columns whose busiest second exceeds {@code top}, but those a peak label rings already. */
    static OffScale markers(String chartKey, ColumnGrid grid, double[] columnMax, double top, double[] ringedMillis) {
        double[] xs = new double[columnMax.length];
        int n = 0;
        for (int c = 0; c < columnMax.length; c++) {
            boolean ringed = false;
            for (double x : ringedMillis) {
                ringed |= grid.column((long) Math.floor(x / 1000)) == c;
            }
            if (columnMax[c] > top && !ringed) {
                xs[n++] = grid.middleMillis(c);
            }
        }
        return new OffScale(chartKey, top, Arrays.copyOf(xs, n));
    }

    int count() {
        return xs.length;
    }

    @Override
    public void draw(Graphics2D g2, XYPlot plot, Rectangle2D dataArea, ValueAxis domainAxis, ValueAxis rangeAxis,
                     int rendererIndex, PlotRenderingInfo info) {
        boolean grouped = g2 instanceof ElementGroups;
        if (grouped) {
            ((ElementGroups) g2).beginGroup(chartKey + "-offscale", "offscale");
        }
        Path2D.Double marks = new Path2D.Double();
        double y = dataArea.getMinY();
        for (double x : xs) {
            double px = domainAxis.valueToJava2D(x, dataArea, plot.getDomainAxisEdge());
            marks.moveTo(px - 5, y + 8);
            marks.lineTo(px + 5, y + 8);
            marks.lineTo(px, y);
            marks.closePath();
        }
        g2.setPaint(Palette.ALERT);
        g2.fill(marks);
        if (grouped) {
            ((ElementGroups) g2).endGroup();
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OffScale other && other.chartKey.equals(chartKey) && other.top == top
                && Arrays.equals(other.xs, xs);
    }

    @Override
    public int hashCode() {
        return chartKey.hashCode() * 31 + Arrays.hashCode(xs);
    }
}
