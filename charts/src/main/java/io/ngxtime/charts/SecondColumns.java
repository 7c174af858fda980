package io.ngxtime.charts;

import java.util.Arrays;

/**
 * Per-second request counts reduced to the columns of a {@link ColumnGrid}, keeping what a chart must
 * not lose: each column's quietest and busiest second (so a single busy second is drawn at its full
 * height however many seconds share its pixel column) and the mean rate. Seconds outside the data
 * leave their columns empty ({@code NaN}); a second inside the data with no request counts as 0.
 * Cost: one pass over the seconds in the grid (a week: 604,800 ints, about a millisecond).
 */
final class SecondColumns {
    final ColumnGrid grid;
    /** Requests in the quietest second of each column; NaN where the column has no data. */
    final double[] min;
    /** Requests in the busiest second of each column; NaN where the column has no data. */
    final double[] max;
    /** Mean requests per second over the column's seconds with data; NaN where none. */
    final double[] mean;
    /** Seconds of each column that lie inside the data. */
    final long[] secondsWithData;

    private SecondColumns(ColumnGrid grid, double[] min, double[] max, double[] mean, long[] secondsWithData) {
        this.grid = grid;
        this.min = min;
        this.max = max;
        this.mean = mean;
        this.secondsWithData = secondsWithData;
    }

    /**
     * @param perSecond   requests in each second from {@code firstSecond}
     * @param firstSecond epoch second of {@code perSecond[0]}
     */
    static SecondColumns of(int[] perSecond, long firstSecond, ColumnGrid grid) {
        int n = grid.columns();
        double[] min = new double[n];
        double[] max = new double[n];
        double[] mean = new double[n];
        long[] covered = new long[n];
        long[] sum = new long[n];
        Arrays.fill(min, Double.POSITIVE_INFINITY);
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
        long from = Math.max(grid.fromSecond(), firstSecond);
        long to = Math.min(grid.toSecond(), firstSecond + perSecond.length);
        int column = from < to ? grid.column(from) : 0;
        long columnEnd = from < to ? grid.endSecond(column) : 0;
        for (long s = from; s < to; s++) {
            if (s >= columnEnd) {
                column++;
                columnEnd = grid.endSecond(column);
            }
            int c = perSecond[(int) (s - firstSecond)];
            if (c < min[column]) {
                min[column] = c;
            }
            if (c > max[column]) {
                max[column] = c;
            }
            sum[column] += c;
            covered[column]++;
        }
        for (int i = 0; i < n; i++) {
            if (covered[i] == 0) {
                min[i] = Double.NaN;
                max[i] = Double.NaN;
                mean[i] = Double.NaN;
            } else {
                mean[i] = (double) sum[i] / covered[i];
            }
        }
        return new SecondColumns(grid, min, max, mean, covered);
    }

    int columns() {
        return min.length;
    }
}
