package io.ngxtime.charts;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngxtime.analyzer.aggregate.Aggregation;
import io.ngxtime.analyzer.record.Request;
import io.ngxtime.analyzer.report.Report;
import java.awt.Color;
import java.util.List;
import org.jfree.data.xy.DefaultXYDataset;
import org.junit.jupiter.api.Test;

class GappedLineRendererTest {
    private static final double NAN = Double.NaN;

    @Test
    void isolated_aValueWithNoNeighbourWithAValue() {
        DefaultXYDataset d = new DefaultXYDataset();
        d.addSeries("s", new double[][] {{0, 1, 2, 3, 4, 5, 6}, {5, NAN, 3, 4, NAN, 7, NAN}});

        assertThat(List.of(0, 1, 2, 3, 4, 5, 6)).filteredOn(i -> GappedLineRenderer.isolated(d, 0, i))
                .containsExactly(0, 5);
    }

    @Test
    void tierLatency_bucketsWithGapsOnBothSides_areDrawn() {
        // requests in minutes 0, 10 and 20 only: every point of the nginx series stands alone
        Aggregation a = new Aggregation();
        Request r = new Request();
        for (int minute = 0; minute <= 20; minute += 10) {
            for (int i = 0; i < 20; i++) {
                r.clear();
                r.time(1_791_187_200_000L + minute * 60_000L + i * 1000L, 0);
                r.request("GET", "/", "HTTP/1.1", null);
                r.client("192.0.2.1", "-", "t", null);
                r.status(200).requestTimeMicros(5_000 + i * 1000L);
                a.add(r);
            }
        }
        Report report = a.report(List.of("access.log"), "timing", 0);
        ChartSize size = ChartOptions.defaults().size();

        Rendered drawn = Rendered.of(TierLatencyChart.create(report, ChartOptions.defaults()), size);

        assertThat(pixelsOf(drawn, Palette.NGINX)).as("the nginx p99 of each minute").isGreaterThanOrEqualTo(3 * 9);
    }

    /** Pixels of the data area in (about) this colour. */
    private static long pixelsOf(Rendered r, Color c) {
        long n = 0;
        for (int y = (int) r.dataArea().getMinY(); y < (int) r.dataArea().getMaxY(); y++) {
            for (int x = (int) r.dataArea().getMinX(); x < (int) r.dataArea().getMaxX(); x++) {
                Color p = new Color(r.image().getRGB(x, y));
                if (Math.abs(p.getRed() - c.getRed()) + Math.abs(p.getGreen() - c.getGreen())
                        + Math.abs(p.getBlue() - c.getBlue()) < 30) {
                    n++;
                }
            }
        }
        return n;
    }
}
