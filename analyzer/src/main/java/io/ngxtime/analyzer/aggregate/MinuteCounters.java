package io.ngxtime.analyzer.aggregate;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Counters per minute of log time, a few columns each: what a "busiest minute" figure is read from. Bounded:
 * at most {@value #MAX_MINUTES} distinct minutes (31 days) are kept; a minute past that is not counted
 * and {@link #approximate()} says so (the busiest minute is then the busiest of those kept). Single-writer;
 * mergeable (exact while the minutes of both fit).
 */
final class MinuteCounters implements java.io.Serializable {
    static final int MAX_MINUTES = 31 * 1440;
    private final int columns;
    private final int maxMinutes;
    private final Map<Long, long[]> byMinute = new HashMap<>();
    private boolean dropped;
    /** The minute {@link #at} found last and its row: requests come in time order, so most find it here, unboxed. */
    private transient long lastMinute = Long.MIN_VALUE;
    private transient long[] lastRow;

    MinuteCounters(int columns) {
        this(columns, MAX_MINUTES);
    }

    MinuteCounters(int columns, int maxMinutes) {
        if (columns < 1 || maxMinutes < 1) {
            throw new IllegalArgumentException("columns and minutes must be positive, not " + columns + " and " + maxMinutes);
        }
        this.columns = columns;
        this.maxMinutes = maxMinutes;
    }

    /** The counters of the minute holding {@code timeMillis} (epoch ms, not negative), or null when it is not kept. */
    long[] at(long timeMillis) {
        long minute = Math.floorDiv(timeMillis, 60_000L);
        if (minute == lastMinute && lastRow != null) {
            return lastRow;
        }
        long[] row = byMinute.get(minute);
        if (row == null) {
            if (byMinute.size() >= maxMinutes) {
                dropped = true;
                return null;
            }
            row = new long[columns];
            byMinute.put(minute, row);
        }
        lastMinute = minute;
        lastRow = row;
        return row;
    }

    /** The start (epoch seconds) of the minute with the most in {@code column}, the earliest of equals; empty when none. */
    OptionalLong busiest(int column) {
        long best = Long.MIN_VALUE;
        long bestMinute = 0;
        boolean any = false;
        for (Map.Entry<Long, long[]> e : byMinute.entrySet()) {
            long v = e.getValue()[column];
            if (!any || v > best || (v == best && e.getKey() < bestMinute)) {
                any = true;
                best = v;
                bestMinute = e.getKey();
            }
        }
        return any ? OptionalLong.of(bestMinute * 60) : OptionalLong.empty();
    }

    /** The counters of the minute starting at {@code startSecond} (a copy; zeros when not kept). */
    long[] row(long startSecond) {
        long[] row = byMinute.get(Math.floorDiv(startSecond, 60L));
        return row == null ? new long[columns] : row.clone();
    }

    /** Whether minutes were left out for the bound. */
    boolean approximate() {
        return dropped;
    }

    void merge(MinuteCounters o) {
        dropped |= o.dropped;
        for (Map.Entry<Long, long[]> e : o.byMinute.entrySet()) {
            long[] row = byMinute.get(e.getKey());
            if (row == null) {
                if (byMinute.size() >= maxMinutes) {
                    dropped = true;
                    continue;
                }
                row = new long[columns];
                byMinute.put(e.getKey(), row);
            }
            for (int c = 0; c < columns; c++) {
                row[c] += e.getValue()[c];
            }
        }
    }
}
