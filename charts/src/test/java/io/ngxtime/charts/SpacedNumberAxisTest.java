package io.ngxtime.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import org.jfree.chart.axis.AxisState;
import java.util.List;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.ui.RectangleEdge;
import org.junit.jupiter.api.Test;

class SpacedNumberAxisTest {
    private static int ticks(NumberAxis axis) {
        axis.setStandardTickUnits(NumberAxis.createStandardTickUnits());
        axis.setRange(0, 24);
        Graphics2D g2 = new BufferedImage(100, 900, BufferedImage.TYPE_INT_RGB).createGraphics();
        try {
            List<?> ticks = axis.refreshTicks(g2, new AxisState(), new Rectangle2D.Double(0, 0, 80, 850), RectangleEdge.LEFT);
            return (int) ticks.stream().filter(t -> ((ValueTick) t).getTickType() == TickType.MAJOR).count();
        } finally {
            g2.dispose();
        }
    }

    @Test
    void aTallAxis_labelsAtMostTenSteps_whereJFreeChartWouldLabelEveryUnit() {
        assertThat(ticks(new NumberAxis("requests/s"))).as("plain axis, for contrast").isGreaterThan(SpacedNumberAxis.MAX_TICKS + 1);
        assertThat(ticks(new SpacedNumberAxis("requests/s"))).isBetween(3, SpacedNumberAxis.MAX_TICKS + 1);
    }
}
