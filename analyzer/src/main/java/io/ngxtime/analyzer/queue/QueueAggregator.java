package io.ngxtime.analyzer.queue;

import io.ngxtime.analyzer.aggregate.Aggregation;
import io.ngxtime.analyzer.record.Request;

/**
 * Feeds batches to an {@link Aggregation}, keeping only requests inside a time window
 * ({@code [fromMillis, toMillis)}; requests without a time are kept only when there is no window).
 */
public final class QueueAggregator {
    private final Aggregation aggregation;
    private final long fromMillis;
    private final long toMillis;
    private final boolean windowed;

    public QueueAggregator(Aggregation aggregation, long fromMillis, long toMillis) {
        this.aggregation = aggregation;
        this.fromMillis = fromMillis;
        this.toMillis = toMillis;
        this.windowed = fromMillis != Long.MIN_VALUE || toMillis != Long.MAX_VALUE;
        if (windowed) {
            aggregation.window(fromMillis, toMillis);
        }
    }

    public QueueAggregator(Aggregation aggregation) {
        this(aggregation, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /** Adds a batch's requests (those in the window) and its rejected lines. */
    public void add(Batch b) {
        for (int i = 0; i < b.size(); i++) {
            Request r = b.request(i);
            long t = r.timeMillis();
            if (!windowed || (t >= fromMillis && t < toMillis && t != -1)) {
                aggregation.add(r);
            } else {
                aggregation.outsideWindow(r.offsetSeconds());
            }
        }
        if (b.rejected() > 0) {
            aggregation.addRejects(b.rejected(), b.reasons(), b.samples());
        }
        b.noteSamples().forEach(aggregation::noteSample);
    }

    /** Whether batches from here on can still hold requests in the window. */
    public boolean mayContain(long[] timeRange) {
        return timeRange[0] < toMillis && timeRange[1] >= fromMillis;
    }

    /** Counts a request read but outside the window (for readers that filter before decoding). */
    public void outsideWindow(int offsetSeconds) {
        aggregation.outsideWindow(offsetSeconds);
    }

    public boolean windowed() {
        return windowed;
    }

    public long fromMillis() {
        return fromMillis;
    }

    public long toMillis() {
        return toMillis;
    }
}
