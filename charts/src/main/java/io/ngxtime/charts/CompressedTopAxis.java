package io.ngxtime.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

/**
 * A vertical count axis in two linear parts, for traffic whose busiest seconds dwarf the rest (a bot
 * firing 300 requests in one second on a site doing 2 a second): from 0 to {@code cut} over the lower
 * {@code 1 - }{@link #BAND} of the plot, so ordinary traffic keeps its shape, and from {@code cut} to a
 * little above the busiest second over the top {@link #BAND}, so the spikes keep their real height and
 * the axis says how high they went. Ticks are spaced over the lower part, with one more at the busiest
 * second; a break mark on the axis line shows where the scale changes. Everything drawn through the
 * axis (bands, lines, peak rings, gridlines) lands in the right part. Vertical edges only.
 */
final class CompressedTopAxis extends NumberAxis {
    /** The share of the plot's height above the cut. */
    static final double BAND = 0.18;
    /** Above the busiest second, this share of the band is left free (its ring and label fit below the edge). */
    static final double HEADROOM = 0.2;

    private final double cut;
    private final double topValue;

    /**
     * @param cut      where the scale changes (the ordinary top)
     * @param topValue the busiest second, which gets a tick of its own; above {@code cut}
     */
    CompressedTopAxis(String label, double cut, double topValue) {
        super(label);
        if (!(cut > 0 && topValue > cut)) {
            throw new IllegalArgumentException("need 0 < cut < top, not cut " + cut + ", top " + topValue);
        }
        this.cut = cut;
        this.topValue = topValue;
        setRange(0, topValue + (topValue - cut) * HEADROOM / (1 - HEADROOM));
    }

    double cut() {
        return cut;
    }

    double topValue() {
        return topValue;
    }

    /** The share of the height from the bottom at which {@code value} lies (0 to 1 inside the range). */
    double fraction(double value) {
        if (value <= cut) {
            return value / cut * (1 - BAND);
        }
        return 1 - BAND + (value - cut) / (getUpperBound() - cut) * BAND;
    }

    private double value(double fraction) {
        if (fraction <= 1 - BAND) {
            return fraction / (1 - BAND) * cut;
        }
        return cut + (fraction - (1 - BAND)) / BAND * (getUpperBound() - cut);
    }

    @Override
    public double valueToJava2D(double value, Rectangle2D area, RectangleEdge edge) {
        if (!RectangleEdge.isLeftOrRight(edge)) {
            return super.valueToJava2D(value, area, edge);
        }
        return area.getMaxY() - fraction(value) * area.getHeight();
    }

    @Override
    public double java2DToValue(double java2D, Rectangle2D area, RectangleEdge edge) {
        if (!RectangleEdge.isLeftOrRight(edge)) {
            return super.java2DToValue(java2D, area, edge);
        }
        return value((area.getMaxY() - java2D) / area.getHeight());
    }

    /** The ticks: a standard step over {@code [0, cut]}, then the busiest second. */
    @Override
    protected List refreshTicksVertical(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
        List<NumberTick> ticks = new ArrayList<>();
        TextAnchor anchor = edge == RectangleEdge.LEFT ? TextAnchor.CENTER_RIGHT : TextAnchor.CENTER_LEFT;
        NumberTickUnit unit = step();
        for (int k = 0; k * unit.getSize() <= cut + 1e-9; k++) {
            double v = k * unit.getSize();
            ticks.add(new NumberTick(v, getNumberFormatOverride() != null ? getNumberFormatOverride().format(v)
                    : unit.valueToString(v), anchor, anchor, 0));
        }
        ticks.add(new NumberTick(topValue, Figures.count(Math.round(topValue)), anchor, anchor, 0));
        return ticks;
    }

    /** The smallest standard step giving at most {@link SpacedNumberAxis#MAX_TICKS} - 2 ticks up to the cut. */
    NumberTickUnit step() {
        return (NumberTickUnit) getStandardTickUnits().getCeilingTickUnit(cut / (SpacedNumberAxis.MAX_TICKS - 2));
    }

    @Override
    protected void drawAxisLine(Graphics2D g2, double cursor, Rectangle2D dataArea, RectangleEdge edge) {
        super.drawAxisLine(g2, cursor, dataArea, edge);
        if (!RectangleEdge.isLeftOrRight(edge)) {
            return;
        }
        // the break: two short slanted strokes across the axis line just above where the scale changes,
        // clear of the cut's own tick label
        double y = valueToJava2D(cut, dataArea, edge) - Math.min(12, BAND * dataArea.getHeight() / 3);
        g2.setStroke(new BasicStroke(1.5f));
        for (double dy : new double[] {-2.5, 2.5}) {
            g2.setPaint(Color.WHITE);
            g2.fill(new Rectangle2D.Double(cursor - 6, y + dy - 1.5, 12, 3));
            g2.setPaint(getAxisLinePaint());
            g2.draw(new Line2D.Double(cursor - 6, y + dy + 2, cursor + 6, y + dy - 2));
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CompressedTopAxis a && super.equals(o) && a.cut == cut && a.topValue == topValue;
    }

    @Override
    public int hashCode() {
        return super.hashCode() * 31 + Double.hashCode(cut);
    }
}
