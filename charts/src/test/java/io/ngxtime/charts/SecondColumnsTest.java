package io.ngxtime.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SecondColumnsTest {
    @Test
    void grid_columnsAreWholeBucketsAndNoMoreThanAsked() {
        ColumnGrid g = ColumnGrid.of(0, 604_800, 1440, 60);
        assertThat(g.widthSeconds() % 60).isZero();
        assertThat(g.columns()).isLessThanOrEqualTo(1440);
        assertThat(g.column(0)).isZero();
        assertThat(g.column(604_799)).isEqualTo(g.columns() - 1);
        assertThat(g.column(604_800)).isEqualTo(-1);
        assertThat(ColumnGrid.of(100, 160, 1000, 1).widthSeconds()).isEqualTo(1);
        assertThatThrownBy(() -> ColumnGrid.of(5, 5, 10, 1)).hasMessageContaining("[5, 5)");
    }

    @Test
    void downsample_keepsEachColumnsMinAndMaxAndMean() {
        int[] perSecond = new int[100_003];
        SplittableRandom rnd = new SplittableRandom(1);
        for (int i = 0; i < perSecond.length; i++) {
            perSecond[i] = rnd.nextInt(50);
        }
        long first = 1_000_000;
        ColumnGrid grid = ColumnGrid.of(first, first + perSecond.length, 777, 1);
        SecondColumns c = SecondColumns.of(perSecond, first, grid);
        assertThat(c.columns()).isEqualTo(grid.columns());
        for (int col = 0; col < c.columns(); col++) {
            int min = Integer.MAX_VALUE;
            int max = Integer.MIN_VALUE;
            long sum = 0;
            for (long s = grid.startSecond(col); s < grid.endSecond(col); s++) {
                int v = perSecond[(int) (s - first)];
                min = Math.min(min, v);
                max = Math.max(max, v);
                sum += v;
            }
            assertThat(c.min[col]).as("min of column %d", col).isEqualTo(min);
            assertThat(c.max[col]).as("max of column %d", col).isEqualTo(max);
            assertThat(c.mean[col]).isEqualTo((double) sum / (grid.endSecond(col) - grid.startSecond(col)));
        }
    }

    @Test
    void downsample_oneBusySecondInAWeek_isTheMaxOfItsColumn() {
        int[] perSecond = new int[604_800];
        java.util.Arrays.fill(perSecond, 3);
        perSecond[301_234] = 5000;
        ColumnGrid grid = ColumnGrid.of(0, perSecond.length, 1440, 60);
        SecondColumns c = SecondColumns.of(perSecond, 0, grid);
        int spikeColumn = grid.column(301_234);
        assertThat(c.max[spikeColumn]).isEqualTo(5000);
        assertThat(c.min[spikeColumn]).isEqualTo(3);
        assertThat(c.mean[spikeColumn]).isLessThan(20);
        for (int col = 0; col < c.columns(); col++) {
            if (col != spikeColumn) {
                assertThat(c.max[col]).isEqualTo(3);
            }
        }
    }

    @Test
    void downsample_columnsOutsideTheData_areEmpty() {
        int[] perSecond = {4, 5, 6};
        ColumnGrid grid = ColumnGrid.of(0, 10, 10, 1);
        SecondColumns c = SecondColumns.of(perSecond, 5, grid);
        assertThat(c.max[4]).isNaN();
        assertThat(c.max[5]).isEqualTo(4);
        assertThat(c.max[7]).isEqualTo(6);
        assertThat(c.max[8]).isNaN();
        assertThat(c.secondsWithData[6]).isEqualTo(1);
    }
}
