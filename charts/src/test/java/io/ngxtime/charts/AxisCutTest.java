package io.ngxtime.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class AxisCutTest {
    private static double[] columns(int n, double value) {
        double[] v = new double[n];
        Arrays.fill(v, value);
        return v;
    }

    @Test
    void aSpikeThatDwarfsOrdinaryColumns_cutsJustAboveThem() {
        double[] max = columns(500, 4);
        max[250] = 70;
        assertThat(AxisCut.cut(max, columns(500, 0.2))).isEqualTo(5);
    }

    @Test
    void aQuietLog_isNeverCut_letAloneAtAFractionOfARequest() {
        // a log of five requests over months: columns of 0 and one second of 1 request (was cut at 0.0005)
        double[] max = columns(500, 0);
        max[0] = 1;
        max[499] = 1;
        assertThat(AxisCut.cut(max, columns(500, 0.0000004))).isNaN();
        max[100] = 9;
        assertThat(AxisCut.cut(max, columns(500, 0.0000004))).isNaN();
    }

    @Test
    void aCut_isNeverBelowOneRequestPerSecond() {
        double[] max = columns(500, 0);
        max[10] = 40;
        assertThat(AxisCut.cut(max, columns(500, 0.001))).isEqualTo(1);
    }
}
