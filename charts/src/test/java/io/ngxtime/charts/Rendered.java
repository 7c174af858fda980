package io.ngxtime.charts;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;

/** A chart drawn on an image, with where its plot's data area ended up. */
record Rendered(BufferedImage image, Rectangle2D dataArea) {
    static Rendered of(JFreeChart chart, ChartSize size) {
        BufferedImage image = new BufferedImage(size.width(), size.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        ChartRenderingInfo info = new ChartRenderingInfo();
        chart.draw(g, new Rectangle2D.Double(0, 0, size.width(), size.height()), info);
        g.dispose();
        return new Rendered(image, info.getPlotInfo().getDataArea());
    }

    /** Luminance 0-255 of a pixel. */
    int luminance(int x, int y) {
        int rgb = image.getRGB(x, y);
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        return (int) Math.round(0.299 * r + 0.587 * g + 0.114 * b);
    }

    /** The highest y in columns {@code [x0, x1]} of the data area with a pixel darker than {@code maxLuminance}, or -1. */
    int topInk(int x0, int x1, int maxLuminance) {
        for (int y = (int) dataArea.getMinY(); y < (int) dataArea.getMaxY(); y++) {
            for (int x = x0; x <= x1; x++) {
                if (luminance(x, y) < maxLuminance) {
                    return y;
                }
            }
        }
        return -1;
    }

    /** Pixels that are not (near) white. */
    long inkPixels() {
        long n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (luminance(x, y) < 230) {
                    n++;
                }
            }
        }
        return n;
    }
}
