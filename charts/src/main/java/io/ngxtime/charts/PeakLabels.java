package io.ngxtime.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.annotations.AbstractXYAnnotation;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;

/**
 * Labels for the peaks of a time chart: a ring at each peak's busiest second and a boxed label joined
 * to it by a leader line. Labels are placed in rank order where they overlap no label placed before:
 * above the peak (centred, then shifted left or right), then beside it, then stacked from the top
 * left; the boxes are opaque enough to read over the data. In SVG the labels form one group
 * {@code <chart>-peaks}.
 */
final class PeakLabels extends AbstractXYAnnotation {
    /** One peak: its position in data space and its text lines (the first is drawn bold). */
    record Label(double x, double y, List<String> lines) {
        Label {
            lines = List.copyOf(lines);
        }
    }

    private static final double PAD = 5;
    private static final double GAP = 12;
    private static final double MARGIN = 4;

    private final String chartKey;
    private final List<Label> labels;

    PeakLabels(String chartKey, List<Label> labels) {
        this.chartKey = chartKey;
        this.labels = List.copyOf(labels);
    }

    List<Label> labels() {
        return labels;
    }

    @Override
    public void draw(Graphics2D g2, XYPlot plot, Rectangle2D dataArea, ValueAxis domainAxis, ValueAxis rangeAxis,
                     int rendererIndex, PlotRenderingInfo info) {
        if (labels.isEmpty()) {
            return;
        }
        boolean grouped = g2 instanceof ElementGroups;
        if (grouped) {
            ((ElementGroups) g2).beginGroup(chartKey + "-peaks", "peaks");
        }
        try {
            drawLabels(g2, plot, dataArea, domainAxis, rangeAxis);
        } finally {
            if (grouped) {
                ((ElementGroups) g2).endGroup();
            }
        }
    }

    private record Placed(double ax, double ay, Rectangle2D box, Label label) {
    }

    private void drawLabels(Graphics2D g2, XYPlot plot, Rectangle2D area, ValueAxis domainAxis, ValueAxis rangeAxis) {
        FontMetrics bold = g2.getFontMetrics(ChartStyle.LABEL_BOLD_FONT);
        FontMetrics plain = g2.getFontMetrics(ChartStyle.LABEL_FONT);
        double lineHeight = Math.max(bold.getHeight(), plain.getHeight());
        List<Placed> placed = new ArrayList<>();
        List<Rectangle2D> taken = new ArrayList<>();
        for (Label l : labels) {
            double ax = domainAxis.valueToJava2D(l.x(), area, plot.getDomainAxisEdge());
            double ay = rangeAxis.valueToJava2D(l.y(), area, plot.getRangeAxisEdge());
            if (Double.isNaN(ax) || ax < area.getMinX() || ax > area.getMaxX()) {
                continue;
            }
            ay = Math.max(area.getMinY(), Math.min(area.getMaxY(), ay));
            double w = 0;
            for (int i = 0; i < l.lines().size(); i++) {
                w = Math.max(w, (i == 0 ? bold : plain).stringWidth(l.lines().get(i)));
            }
            w += 2 * PAD;
            double h = l.lines().size() * lineHeight + 2 * PAD - 2;
            Rectangle2D box = place(ax, ay, w, h, area, taken);
            taken.add(box);
            placed.add(new Placed(ax, ay, box, l));
        }
        g2.setStroke(new BasicStroke(1f));
        for (Placed p : placed) {
            double lx = Math.max(p.box().getMinX(), Math.min(p.box().getMaxX(), p.ax()));
            double ly = Math.max(p.box().getMinY(), Math.min(p.box().getMaxY(), p.ay()));
            g2.setPaint(Palette.MUTED_TEXT);
            g2.draw(new Line2D.Double(p.ax(), p.ay(), lx, ly));
        }
        for (Placed p : placed) {
            Ellipse2D ring = new Ellipse2D.Double(p.ax() - 4, p.ay() - 4, 8, 8);
            g2.setPaint(Color.WHITE);
            g2.fill(ring);
            g2.setPaint(Palette.ALERT);
            g2.setStroke(new BasicStroke(2f));
            g2.draw(ring);
            g2.setStroke(new BasicStroke(1f));
            g2.setPaint(new Color(255, 255, 255, 235));
            g2.fill(p.box());
            g2.setPaint(Palette.MUTED_TEXT);
            g2.draw(p.box());
            double baseline = p.box().getMinY() + PAD + bold.getAscent() - 1;
            for (int i = 0; i < p.label().lines().size(); i++) {
                g2.setFont(i == 0 ? ChartStyle.LABEL_BOLD_FONT : ChartStyle.LABEL_FONT);
                g2.setPaint(Palette.TEXT);
                g2.drawString(p.label().lines().get(i), (float) (p.box().getMinX() + PAD), (float) baseline);
                baseline += lineHeight;
            }
        }
    }

    /** Where a w x h box for the anchor goes: the first candidate inside the area that overlaps nothing taken. */
    static Rectangle2D place(double ax, double ay, double w, double h, Rectangle2D area, List<Rectangle2D> taken) {
        double step = h + MARGIN;
        for (int k = 0; ; k++) {
            double top = ay - GAP - h - k * step;
            if (top < area.getMinY() + 2) {
                break;
            }
            for (double dx : new double[] {0, -(w / 2 + 8), w / 2 + 8}) {
                Rectangle2D box = box(ax - w / 2 + dx, top, w, h, area);
                if (free(box, taken)) {
                    return box;
                }
            }
        }
        for (int k = 0; ; k++) {
            double top = ay - h / 2 + k * step;
            if (top + h > area.getMaxY() - 2) {
                break;
            }
            for (double x : new double[] {ax + GAP, ax - GAP - w}) {
                if (x < area.getMinX() + 2 || x + w > area.getMaxX() - 2) {
                    continue;
                }
                Rectangle2D box = new Rectangle2D.Double(x, Math.max(area.getMinY() + 2, top), w, h);
                if (free(box, taken)) {
                    return box;
                }
            }
        }
        for (double top = area.getMinY() + 2; top + h <= area.getMaxY() - 2; top += step) {
            Rectangle2D box = box(area.getMinX() + 2, top, w, h, area);
            if (free(box, taken)) {
                return box;
            }
        }
        return box(ax - w / 2, area.getMinY() + 2, w, h, area);
    }

    private static Rectangle2D box(double x, double top, double w, double h, Rectangle2D area) {
        double cx = Math.max(area.getMinX() + 2, Math.min(area.getMaxX() - 2 - w, x));
        return new Rectangle2D.Double(cx, top, w, h);
    }

    private static boolean free(Rectangle2D box, List<Rectangle2D> taken) {
        for (Rectangle2D t : taken) {
            if (box.intersects(t.getX() - MARGIN, t.getY() - MARGIN, t.getWidth() + 2 * MARGIN, t.getHeight() + 2 * MARGIN)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PeakLabels p && p.chartKey.equals(chartKey) && p.labels.equals(labels);
    }

    @Override
    public int hashCode() {
        return chartKey.hashCode() * 31 + labels.hashCode();
    }
}
