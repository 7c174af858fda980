package io.ngxtime.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.time.LocalDate;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.DateTickMarkPosition;
import org.jfree.chart.axis.DateTickUnit;
import org.jfree.chart.axis.DateTickUnitType;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.TickUnits;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.VerticalAlignment;
import org.jfree.data.Range;

/** The look every chart shares: fonts, background, grid, axes in the log's zone, legends. */
final class ChartStyle {
    static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 20);
    static final Font SUBTITLE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    static final Font AXIS_LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Font DAY_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 12);
    static final Font LEGEND_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Font LABEL_BOLD_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 12);

    /** Longest span whose days get a labelled axis of their own at the top. */
    static final long MAX_LABELLED_DAYS_SECONDS = 8 * 86_400L;

    private ChartStyle() {
    }

    /** Charts lower than this leave out their subtitle: the plot needs the room. */
    static final int SUBTITLE_MIN_HEIGHT = 400;

    /** {@link #chart(Plot, String, String, boolean)}, the subtitle only when the image is tall enough for it. */
    static JFreeChart chart(Plot plot, String title, String subtitle, ChartSize size) {
        return chart(plot, title, size.height() < SUBTITLE_MIN_HEIGHT ? null : subtitle, true);
    }

    /** A chart with a left-aligned title, an optional subtitle under it, and the legend at the bottom. */
    static JFreeChart chart(Plot plot, String title, String subtitle, boolean legend) {
        JFreeChart chart = new JFreeChart(title, TITLE_FONT, plot, legend);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(8, 10, 8, 16));
        TextTitle t = chart.getTitle();
        t.setPaint(Palette.TEXT);
        t.setHorizontalAlignment(HorizontalAlignment.LEFT);
        t.setTextAlignment(HorizontalAlignment.LEFT);
        t.setPadding(new RectangleInsets(2, 4, 2, 4));
        if (subtitle != null && !subtitle.isEmpty()) {
            TextTitle sub = new TextTitle(subtitle, SUBTITLE_FONT, Palette.MUTED_TEXT, RectangleEdge.TOP,
                    HorizontalAlignment.LEFT, VerticalAlignment.TOP, new RectangleInsets(0, 4, 6, 4));
            sub.setTextAlignment(HorizontalAlignment.LEFT);
            chart.addSubtitle(sub);
        }
        LegendTitle l = chart.getLegend();
        if (l != null) {
            l.setItemFont(LEGEND_FONT);
            l.setItemPaint(Palette.TEXT);
            l.setFrame(BlockBorder.NONE);
            l.setPosition(RectangleEdge.BOTTOM);
            l.setHorizontalAlignment(HorizontalAlignment.LEFT);
            l.setItemLabelPadding(new RectangleInsets(2, 4, 2, 14));
        }
        return chart;
    }

    static void plot(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setDomainGridlinePaint(Palette.GRID);
        plot.setRangeGridlinePaint(Palette.GRID);
        plot.setDomainGridlineStroke(new BasicStroke(1f));
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        plot.setNoDataMessageFont(SUBTITLE_FONT);
        plot.setNoDataMessagePaint(Palette.MUTED_TEXT);
    }

    static void axis(Axis axis) {
        axis.setLabelFont(AXIS_LABEL_FONT);
        axis.setLabelPaint(Palette.TEXT);
        axis.setTickLabelFont(TICK_FONT);
        axis.setTickLabelPaint(Palette.TEXT);
        axis.setAxisLinePaint(Palette.MUTED_TEXT);
        axis.setTickMarkPaint(Palette.MUTED_TEXT);
    }

    /** Requests per second and other counts: from zero, grouped thousands. */
    static NumberAxis countAxis(String label) {
        NumberAxis a = new SpacedNumberAxis(label);
        axis(a);
        a.setAutoRangeIncludesZero(true);
        // decimal steps too: rates are means (a status chart topping at 1.4 responses/s showed only 0 and 1);
        // over a few units the spacing picks whole steps anyway
        a.setStandardTickUnits(NumberAxis.createStandardTickUnits());
        a.setNumberFormatOverride(numberFormat("#,##0.##"));
        return a;
    }

    /** Milliseconds on a logarithmic scale (latencies span orders of magnitude), 1-2-5 labels. */
    static LogAxis logMillisAxis(String label) {
        LogAxis a = new LogMillisAxis(label);
        axis(a);
        return a;
    }

    static NumberFormat numberFormat(String pattern) {
        return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(TimeLabels.LOCALE));
    }

    /** A time axis fixed to {@code [from, to)}, ticks in the log's zone. */
    static DateAxis timeAxis(long fromSecond, long toSecond, int offsetSeconds) {
        DateAxis a = new DateAxis("time (" + TimeLabels.zone(offsetSeconds) + ")", TimeLabels.timeZone(offsetSeconds),
                TimeLabels.LOCALE);
        axis(a);
        a.setStandardTickUnits(tickUnits(offsetSeconds));
        a.setRange(new Range(fromSecond * 1000.0, toSecond * 1000.0), true, false);
        a.setLowerMargin(0);
        a.setUpperMargin(0);
        return a;
    }

    private static TickUnits tickUnits(int offset) {
        TickUnits u = new TickUnits();
        for (int n : new int[] {1, 5, 10, 15, 30}) {
            u.add(new DateTickUnit(DateTickUnitType.SECOND, n, TimeLabels.format("HH:mm:ss", offset)));
        }
        for (int n : new int[] {1, 2, 5, 10, 15, 30}) {
            u.add(new DateTickUnit(DateTickUnitType.MINUTE, n, TimeLabels.format("HH:mm", offset)));
        }
        for (int n : new int[] {1, 2, 3, 6, 12}) {
            u.add(new DateTickUnit(DateTickUnitType.HOUR, n, TimeLabels.format("HH:mm", offset)));
        }
        for (int n : new int[] {1, 2, 7, 14}) {
            u.add(new DateTickUnit(DateTickUnitType.DAY, n, TimeLabels.format("EEE d MMM", offset)));
        }
        for (int n : new int[] {1, 3, 6}) {
            u.add(new DateTickUnit(DateTickUnitType.MONTH, n, TimeLabels.format("MMM yyyy", offset)));
        }
        return u;
    }

    /**
     * Marks the days of a multi-day range: every other day shaded, a line at each midnight, and (up to
     * {@link #MAX_LABELLED_DAYS_SECONDS}) a second time axis on top naming each day over its middle.
     */
    static void days(XYPlot plot, long fromSecond, long toSecond, int offsetSeconds) {
        LocalDate first = TimeLabels.date(fromSecond, offsetSeconds);
        LocalDate last = TimeLabels.date(toSecond - 1, offsetSeconds);
        if (first.equals(last)) {
            return;
        }
        int i = 0;
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1), i++) {
            long start = Math.max(fromSecond, TimeLabels.midnight(d, offsetSeconds));
            long end = Math.min(toSecond, TimeLabels.midnight(d.plusDays(1), offsetSeconds));
            if (i % 2 == 1) {
                IntervalMarker shade = new IntervalMarker(start * 1000.0, end * 1000.0, Palette.DAY_SHADE);
                shade.setOutlinePaint(null);
                plot.addDomainMarker(shade, Layer.BACKGROUND);
            }
            if (start == TimeLabels.midnight(d, offsetSeconds) && start > fromSecond) {
                ValueMarker line = new ValueMarker(start * 1000.0, Palette.MUTED_TEXT, new BasicStroke(1f));
                plot.addDomainMarker(line, Layer.BACKGROUND);
            }
        }
        if (toSecond - fromSecond <= MAX_LABELLED_DAYS_SECONDS) {
            DateAxis top = new DateAxis(null, TimeLabels.timeZone(offsetSeconds), TimeLabels.LOCALE);
            axis(top);
            top.setTickLabelFont(DAY_FONT);
            top.setTickUnit(new DateTickUnit(DateTickUnitType.DAY, 1, TimeLabels.format("EEE d MMM", offsetSeconds)));
            top.setTickMarkPosition(DateTickMarkPosition.MIDDLE);
            top.setTickMarksVisible(false);
            top.setAxisLineVisible(false);
            top.setRange(new Range(fromSecond * 1000.0, toSecond * 1000.0), true, false);
            top.setLowerMargin(0);
            top.setUpperMargin(0);
            plot.setDomainAxis(1, top);
            plot.setDomainAxisLocation(1, AxisLocation.TOP_OR_LEFT);
        }
    }

    static LegendItem bandItem(String label, Color fill) {
        return new LegendItem(label, null, null, null, new Rectangle2D.Double(-7, -5, 14, 10), fill);
    }

    static LegendItem lineItem(String label, Color colour, Stroke stroke) {
        Shape line = new Line2D.Double(-9, 0, 9, 0);
        return new LegendItem(label, null, null, null, line, stroke, colour);
    }

    static LegendItemCollection legend(LegendItem... items) {
        LegendItemCollection c = new LegendItemCollection();
        for (LegendItem i : items) {
            if (i != null) {
                c.add(i);
            }
        }
        return c;
    }

    static BasicStroke line(float width) {
        return new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }

    static BasicStroke dashed(float width) {
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {6f, 4f}, 0f);
    }
}
