package io.ngxtime.charts;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnitSource;
import org.jfree.chart.ui.RectangleEdge;

/**
 * A number axis with at most {@link #MAX_TICKS} labelled ticks: JFreeChart picks the smallest step whose
 * labels do not overlap, which on a tall chart labels every single request per second (0, 1, 2 ... 24).
 */
final class SpacedNumberAxis extends NumberAxis {
    static final int MAX_TICKS = 10;

    SpacedNumberAxis(String label) {
        super(label);
    }

    @Override
    protected void selectVerticalAutoTickUnit(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
        super.selectVerticalAutoTickUnit(g2, dataArea, edge);
        widen();
    }

    @Override
    protected void selectHorizontalAutoTickUnit(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
        super.selectHorizontalAutoTickUnit(g2, dataArea, edge);
        widen();
    }

    private void widen() {
        TickUnitSource units = getStandardTickUnits();
        NumberTickUnit unit = getTickUnit();
        double length = getRange().getLength();
        while (length / unit.getSize() > MAX_TICKS) {
            NumberTickUnit larger = (NumberTickUnit) units.getLargerTickUnit(unit);
            if (larger.getSize() <= unit.getSize()) {
                break;
            }
            unit = larger;
        }
        setTickUnit(unit, false, false);
    }
}
