package io.ngxtime.analyzer.record;

/**
 * A span of time, {@code [from, to)} in epoch milliseconds, either end of which may be open (no start: from
 * the beginning of time; no end: to its end). The one place that says whether a time is in a window
 * ({@link #contains}) and whether a range of times can meet it ({@link #overlaps}).
 *
 * <p>An open end is held as {@code Long.MIN_VALUE} (start) or {@code Long.MAX_VALUE} (end), so that the
 * comparisons need no case for it; {@link #fromMillis()} and {@link #toMillis()} return those values for
 * an open end, and {@link #hasStart()}, {@link #hasEnd()} say which ends are set.
 */
public record TimeWindow(long fromMillis, long toMillis) implements java.io.Serializable {
    /** All of time: both ends open. */
    public static final TimeWindow ALL = new TimeWindow(Long.MIN_VALUE, Long.MAX_VALUE);

    /** {@code [fromMillis, toMillis)}. */
    public static TimeWindow between(long fromMillis, long toMillis) {
        return new TimeWindow(fromMillis, toMillis);
    }

    /** From {@code fromMillis} on, with no end. */
    public static TimeWindow since(long fromMillis) {
        return new TimeWindow(fromMillis, Long.MAX_VALUE);
    }

    /** Whether the window starts somewhere (else it is open towards the past). */
    public boolean hasStart() {
        return fromMillis != Long.MIN_VALUE;
    }

    /** Whether the window ends somewhere (else it is open towards the future). */
    public boolean hasEnd() {
        return toMillis != Long.MAX_VALUE;
    }

    /** Whether either end is set: a window that keeps out some times. */
    public boolean isBounded() {
        return hasStart() || hasEnd();
    }

    /** Whether {@code timeMillis} (epoch ms) is in the window: at or after its start, before its end. */
    public boolean contains(long timeMillis) {
        return timeMillis >= fromMillis && timeMillis < toMillis;
    }

    /** Whether some time of {@code [firstMillis, lastMillis]} (both included) can be in the window. */
    public boolean overlaps(long firstMillis, long lastMillis) {
        return firstMillis < toMillis && lastMillis >= fromMillis;
    }
}
