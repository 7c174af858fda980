package io.ngxtime.charts;

/**
 * Equal-width columns over {@code [fromSecond, toSecond)}: the x positions a time chart draws at. A
 * column is a whole number of seconds, a multiple of the data's bucket width, so a bucket never
 * straddles two columns; there are at most as many columns as asked for (about one per pixel).
 *
 * @param fromSecond   first second of the first column (epoch)
 * @param toSecond     end of the range (exclusive); the last column may be narrower
 * @param widthSeconds seconds per column
 */
record ColumnGrid(long fromSecond, long toSecond, long widthSeconds) {
    ColumnGrid {
        if (toSecond <= fromSecond || widthSeconds <= 0) {
            throw new IllegalArgumentException("column grid [" + fromSecond + ", " + toSecond + ") width "
                    + widthSeconds + " is empty");
        }
    }

    /**
     * The narrowest grid over the range with at most {@code maxColumns} columns, each a multiple of
     * {@code alignSeconds}.
     */
    static ColumnGrid of(long fromSecond, long toSecond, int maxColumns, int alignSeconds) {
        if (maxColumns <= 0 || alignSeconds <= 0) {
            throw new IllegalArgumentException("maxColumns " + maxColumns + " and alignSeconds " + alignSeconds
                    + " must be positive");
        }
        long span = toSecond - fromSecond;
        long width = Math.max(1, (span + maxColumns - 1) / maxColumns);
        width = (width + alignSeconds - 1) / alignSeconds * alignSeconds;
        return new ColumnGrid(fromSecond, toSecond, width);
    }

    int columns() {
        return (int) ((toSecond - fromSecond + widthSeconds - 1) / widthSeconds);
    }

    /** The column holding {@code second}, or -1 outside the range. */
    int column(long second) {
        if (second < fromSecond || second >= toSecond) {
            return -1;
        }
        return (int) ((second - fromSecond) / widthSeconds);
    }

    long startSecond(int column) {
        return fromSecond + column * widthSeconds;
    }

    long endSecond(int column) {
        return Math.min(toSecond, startSecond(column) + widthSeconds);
    }

    double startMillis(int column) {
        return startSecond(column) * 1000.0;
    }

    double endMillis(int column) {
        return endSecond(column) * 1000.0;
    }

    double middleMillis(int column) {
        return (startMillis(column) + endMillis(column)) / 2;
    }
}
