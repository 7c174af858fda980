package io.ngxtime.charts;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.Range;

/**
 * A logarithmic axis for latencies in milliseconds with readable ticks: labels at 1, 2 and 5 times a
 * power of ten (only the powers when the range spans more than three decades), unlabelled ticks at
 * the other integers, and an automatic range widened to the next labelled values, so at least two
 * labels always show (JFreeChart's own log axis labels only powers of ten and may show none).
 */
final class LogMillisAxis extends LogAxis {
    private static final int[] ONE_TWO_FIVE = {1, 2, 5};
    private final NumberFormat format = ChartStyle.numberFormat("#,##0.###");
    private double headroom = 1;

    LogMillisAxis(String label) {
        super(label);
        setBase(10);
        setSmallestValue(0.001);
        setMinorTickMarksVisible(true);
    }

    /** Stretches the automatic range's top by this factor (room for labels right of the data). */
    void setHeadroom(double factor) {
        this.headroom = factor;
        autoAdjustRange();
    }

    @Override
    protected void autoAdjustRange() {
        super.autoAdjustRange();
        Range r = getRange();
        double lo = Math.max(getSmallestValue(), r.getLowerBound());
        double hi = Math.max(lo * 1.01, r.getUpperBound() * headroom);
        setRange(new Range(snap(lo, false), snap(hi, true)), false, false);
    }

    /** The nearest 1-2-5 value below (or above) {@code v}. */
    static double snap(double v, boolean up) {
        int e = (int) Math.floor(Math.log10(v));
        double best = up ? Double.POSITIVE_INFINITY : 0;
        for (int k = e - 1; k <= e + 1; k++) {
            for (int m : ONE_TWO_FIVE) {
                double c = m * Math.pow(10, k);
                if (up ? c >= v * 0.9999 && c < best : c <= v * 1.0001 && c > best) {
                    best = c;
                }
            }
        }
        return best;
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
        double lo = getLowerBound();
        double hi = getUpperBound();
        int e0 = (int) Math.floor(Math.log10(lo));
        int e1 = (int) Math.ceil(Math.log10(hi));
        boolean oneTwoFive = e1 - e0 <= 3;
        TextAnchor anchor;
        if (edge == RectangleEdge.LEFT) {
            anchor = TextAnchor.CENTER_RIGHT;
        } else if (edge == RectangleEdge.RIGHT) {
            anchor = TextAnchor.CENTER_LEFT;
        } else if (edge == RectangleEdge.TOP) {
            anchor = TextAnchor.BOTTOM_CENTER;
        } else {
            anchor = TextAnchor.TOP_CENTER;
        }
        List ticks = new ArrayList();
        for (int e = e0; e <= e1; e++) {
            for (int m = 1; m <= 9; m++) {
                double v = m * Math.pow(10, e);
                if (v < lo * 0.9999 || v > hi * 1.0001) {
                    continue;
                }
                boolean major = m == 1 || (oneTwoFive && (m == 2 || m == 5));
                ticks.add(new NumberTick(major ? TickType.MAJOR : TickType.MINOR, v, major ? format.format(v) : "",
                        anchor, anchor, 0.0));
            }
        }
        return ticks;
    }
}
