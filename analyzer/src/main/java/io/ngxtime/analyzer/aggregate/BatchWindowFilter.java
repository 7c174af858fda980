package io.ngxtime.analyzer.aggregate;

import io.ngxtime.analyzer.ingest.WindowedRejects;
import io.ngxtime.analyzer.queue.Batch;
import io.ngxtime.analyzer.queue.BatchLineOrder;
import io.ngxtime.analyzer.record.Request;

/**
 * Feeds batches to an {@link Aggregation}, keeping only requests inside a time window
 * ({@code [fromMillis, toMillis)}; requests without a time are kept only when there is no window), and
 * the rejected lines of that window as {@link WindowedRejects} places them ({@link BatchLineOrder}).
 */
public final class BatchWindowFilter {
    private final Aggregation aggregation;
    private final long fromMillis;
    private final long toMillis;
    private final boolean windowed;
    /** Null when the rejected lines are counted where they were parsed (the files' path through a queue). */
    private final WindowedRejects rejects;
    private boolean afterSeek;

    private BatchWindowFilter(Aggregation aggregation, long fromMillis, long toMillis, boolean countRejects) {
        this.aggregation = aggregation;
        this.fromMillis = fromMillis;
        this.toMillis = toMillis;
        this.windowed = fromMillis != Long.MIN_VALUE || toMillis != Long.MAX_VALUE;
        this.rejects = countRejects ? new WindowedRejects(fromMillis, toMillis, aggregation.rejects()) : null;
        if (windowed) {
            aggregation.window(fromMillis, toMillis);
        }
    }

    /** Requests and rejected lines in {@code [fromMillis, toMillis)} (Long.MIN_VALUE, Long.MAX_VALUE: all). */
    public BatchWindowFilter(Aggregation aggregation, long fromMillis, long toMillis) {
        this(aggregation, fromMillis, toMillis, true);
    }

    public BatchWindowFilter(Aggregation aggregation) {
        this(aggregation, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /** Only the requests in the window: the batches' rejected lines are counted by whoever parsed them. */
    public static BatchWindowFilter requestsOnly(Aggregation aggregation, long fromMillis, long toMillis) {
        return new BatchWindowFilter(aggregation, fromMillis, toMillis, false);
    }

    /**
     * The batches from here on follow a seek to the window's start: an input whose first batch read
     * begins after its first line had requests before, all before the window.
     */
    public void afterSeek() {
        this.afterSeek = true;
    }

    /** Adds a batch's requests (those in the window) and its rejected lines (those of the window). */
    public void add(Batch b) {
        for (int i = 0; i < b.size(); i++) {
            Request r = b.request(i);
            long t = r.timeMillis();
            if (!windowed || (t >= fromMillis && t < toMillis && t != -1)) {
                aggregation.add(r);
            } else if (t != -1) {
                aggregation.seenOutsideWindow(r.offsetSeconds());
            }
        }
        if (rejects == null) {
            return;
        }
        if (afterSeek && BatchLineOrder.firstLine(b) > 1) {
            rejects.continuesFromBeforeTheWindow(BatchLineOrder.input(b));
        }
        BatchLineOrder.feed(b, rejects);
        b.noteSamples().forEach(aggregation::noteSample);
    }

    /** Whether batches from here on can still hold requests in the window. */
    public boolean mayContain(long[] timeRange) {
        return timeRange[0] < toMillis && timeRange[1] >= fromMillis;
    }

    /** Whether a time (epoch ms) is in the window. */
    public boolean inWindow(long timeMillis) {
        return timeMillis >= fromMillis && timeMillis < toMillis;
    }

    /** Tells the window's description the zone of a request read but outside the window. */
    public void seenOutsideWindow(int offsetSeconds) {
        aggregation.seenOutsideWindow(offsetSeconds);
    }

    public boolean windowed() {
        return windowed;
    }
}
