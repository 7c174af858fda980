package io.ngxtime.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CrosshairState;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.AbstractXYItemRenderer;
import org.jfree.chart.renderer.xy.XYItemRendererState;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.Range;
import org.jfree.data.xy.IntervalXYDataset;
import org.jfree.data.xy.XYDataset;

/**
 * Draws an {@link IntervalXYDataset} as a band of steps: each item fills its whole x interval
 * ({@code [startX, endX]}) from {@code startY} to {@code endY}. With one item per pixel column holding
 * the column's min and max, a single busy second fills its column to the top, which a band through
 * the column centres (or a line) would thin to a sliver. Stacked areas are bands from the layers
 * below to the top of this one. Items with NaN, and jumps in x, split the band. Every run of a series
 * becomes one path (compact SVG); an optional edge strokes the top of the band.
 */
final class EnvelopeRenderer extends AbstractXYItemRenderer {
    private final Color fill;
    private final Color edge;
    private final float edgeWidth;

    /**
     * @param edge null for no edge line
     */
    EnvelopeRenderer(Color fill, Color edge, float edgeWidth) {
        this.fill = fill;
        this.edge = edge;
        this.edgeWidth = edgeWidth;
    }

    @Override
    public Range findRangeBounds(XYDataset dataset) {
        return findRangeBounds(dataset, true);
    }

    @Override
    public Range findDomainBounds(XYDataset dataset) {
        return findDomainBounds(dataset, true);
    }

    @Override
    public XYItemRendererState initialise(Graphics2D g2, Rectangle2D dataArea, XYPlot plot, XYDataset dataset,
                                          PlotRenderingInfo info) {
        XYItemRendererState state = super.initialise(g2, dataArea, plot, dataset, info);
        // the whole series is drawn at its last item, so every item must be visited
        state.setProcessVisibleItemsOnly(false);
        return state;
    }

    @Override
    public void drawItem(Graphics2D g2, XYItemRendererState state, Rectangle2D dataArea, PlotRenderingInfo info,
                         XYPlot plot, ValueAxis domainAxis, ValueAxis rangeAxis, XYDataset dataset, int series,
                         int item, CrosshairState crosshairState, int pass) {
        if (item != dataset.getItemCount(series) - 1) {
            return;
        }
        IntervalXYDataset d = (IntervalXYDataset) dataset;
        RectangleEdge xEdge = plot.getDomainAxisEdge();
        RectangleEdge yEdge = plot.getRangeAxisEdge();
        Path2D.Double area = new Path2D.Double();
        Path2D.Double top = new Path2D.Double();
        Polyline upper = new Polyline();
        Polyline lower = new Polyline();
        double previousEnd = Double.NaN;
        for (int i = 0; i <= item; i++) {
            double xs = d.getStartXValue(series, i);
            double xe = d.getEndXValue(series, i);
            double lo = d.getStartYValue(series, i);
            double hi = d.getEndYValue(series, i);
            if (Double.isNaN(lo) || Double.isNaN(hi) || Double.isNaN(xs) || Double.isNaN(xe)) {
                flush(upper, lower, area, top);
                previousEnd = Double.NaN;
                continue;
            }
            if (!upper.isEmpty() && xs != previousEnd) {
                flush(upper, lower, area, top);
            }
            double x1 = domainAxis.valueToJava2D(xs, dataArea, xEdge);
            double x2 = domainAxis.valueToJava2D(xe, dataArea, xEdge);
            double yHigh = rangeAxis.valueToJava2D(hi, dataArea, yEdge);
            double yLow = rangeAxis.valueToJava2D(lo, dataArea, yEdge);
            upper.add(x1, yHigh);
            upper.add(x2, yHigh);
            lower.add(x1, yLow);
            lower.add(x2, yLow);
            previousEnd = xe;
        }
        flush(upper, lower, area, top);
        // The band has only horizontal and vertical edges: drawn without antialiasing it stays crisp, and
        // stacked bands meet without the light seams antialiasing leaves where two edges share a pixel.
        Object aa = g2.getRenderingHint(RenderingHints.KEY_ANTIALIASING);
        g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
        g2.setPaint(fill);
        g2.fill(area);
        if (aa != null) {
            g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, aa);
        }
        if (edge != null) {
            g2.setPaint(edge);
            g2.setStroke(new BasicStroke(edgeWidth, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
            g2.draw(top);
        }
    }

    private static void flush(Polyline upper, Polyline lower, Path2D area, Path2D top) {
        if (upper.isEmpty()) {
            return;
        }
        upper.appendTo(area, false);
        lower.appendReversedTo(area);
        area.closePath();
        upper.appendTo(top, false);
        upper.clear();
        lower.clear();
    }

    /** Points in device space; repeated points and the middles of straight horizontal runs are dropped. */
    static final class Polyline {
        private double[] xs = new double[64];
        private double[] ys = new double[64];
        private int n;

        void add(double x, double y) {
            if (n > 0 && xs[n - 1] == x && ys[n - 1] == y) {
                return;
            }
            if (n > 1 && ys[n - 1] == y && ys[n - 2] == y) {
                xs[n - 1] = x;
                return;
            }
            if (n == xs.length) {
                xs = java.util.Arrays.copyOf(xs, n * 2);
                ys = java.util.Arrays.copyOf(ys, n * 2);
            }
            xs[n] = x;
            ys[n] = y;
            n++;
        }

        boolean isEmpty() {
            return n == 0;
        }

        void clear() {
            n = 0;
        }

        void appendTo(Path2D p, boolean connect) {
            for (int i = 0; i < n; i++) {
                if (i == 0 && !connect) {
                    p.moveTo(xs[i], ys[i]);
                } else {
                    p.lineTo(xs[i], ys[i]);
                }
            }
        }

        void appendReversedTo(Path2D p) {
            for (int i = n - 1; i >= 0; i--) {
                p.lineTo(xs[i], ys[i]);
            }
        }
    }
}
