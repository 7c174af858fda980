package io.ngxtime.charts;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.entity.EntityCollection;
import org.jfree.chart.plot.CrosshairState;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYDataset;

/**
 * A line through the points of a series, broken where a value is NaN (no data there), that draws a dot
 * where a point has no neighbour with a value: a line needs two points, so such a point (a single
 * bucket with a gap on each side, or the only one) would otherwise not be drawn at all. Everything else
 * is drawn as by {@link XYLineAndShapeRenderer} with lines and no shapes. Not thread-safe, as any renderer.
 */
final class GappedLineRenderer extends XYLineAndShapeRenderer {
    private static final long serialVersionUID = 1L;

    GappedLineRenderer() {
        super(true, false);
    }

    /** Whether the item has a value and neither neighbour has one. */
    static boolean isolated(XYDataset dataset, int series, int item) {
        if (Double.isNaN(dataset.getYValue(series, item))) {
            return false;
        }
        return (item == 0 || Double.isNaN(dataset.getYValue(series, item - 1)))
                && (item == dataset.getItemCount(series) - 1 || Double.isNaN(dataset.getYValue(series, item + 1)));
    }

    @Override
    protected void drawSecondaryPass(Graphics2D g2, XYPlot plot, XYDataset dataset, int pass, int series, int item,
                                     ValueAxis domainAxis, Rectangle2D dataArea, ValueAxis rangeAxis,
                                     CrosshairState crosshairState, EntityCollection entities) {
        super.drawSecondaryPass(g2, plot, dataset, pass, series, item, domainAxis, dataArea, rangeAxis, crosshairState,
                entities);
        if (!isolated(dataset, series, item)) {
            return;
        }
        double x = domainAxis.valueToJava2D(dataset.getXValue(series, item), dataArea, plot.getDomainAxisEdge());
        double y = rangeAxis.valueToJava2D(dataset.getYValue(series, item), dataArea, plot.getRangeAxisEdge());
        if (!Double.isFinite(x) || !Double.isFinite(y) || !dataArea.contains(x, y)) {
            return;
        }
        // a dot a little wider than the line, so it reads as a point of that line
        Stroke stroke = lookupSeriesStroke(series);
        double width = stroke instanceof BasicStroke b ? b.getLineWidth() : 1;
        double d = Math.max(6, 3.5 * width);
        g2.setPaint(getItemPaint(series, item));
        g2.fill(new Ellipse2D.Double(x - d / 2, y - d / 2, d, d));
    }
}
