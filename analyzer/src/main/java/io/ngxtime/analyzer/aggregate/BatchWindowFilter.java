package io.ngxtime.analyzer.aggregate;

import io.ngxtime.analyzer.ingest.WindowedRejects;
import io.ngxtime.analyzer.queue.Batch;
import io.ngxtime.analyzer.queue.BatchLineOrder;
import io.ngxtime.analyzer.record.RecordConverter;
import io.ngxtime.analyzer.record.Request;
import io.ngxtime.analyzer.record.TimeWindow;
import io.ngxtime.grammar.LogRecord;

/**
 * Feeds batches to an {@link Aggregation}, keeping only requests inside a time window
 * (a {@link TimeWindow}; requests without a time are kept only when it is {@link TimeWindow#ALL}), and
 * the rejected lines of that window as {@link WindowedRejects} places them ({@link BatchLineOrder}).
 */
public final class BatchWindowFilter {
    private final Aggregation aggregation;
    private final TimeWindow window;
    /** Null when the rejected lines are counted where they were parsed (the files' path through a queue). */
    private final WindowedRejects rejects;
    private boolean afterSeek;

    private BatchWindowFilter(Aggregation aggregation, TimeWindow window, boolean countRejects) {
        this.aggregation = aggregation;
        this.window = window;
        this.rejects = countRejects ? new WindowedRejects(window, aggregation.rejects()) : null;
        if (window.isBounded()) {
            aggregation.window(window);
        }
    }

    /** Requests and rejected lines in {@code window}. */
    public BatchWindowFilter(Aggregation aggregation, TimeWindow window) {
        this(aggregation, window, true);
    }

    /** Every request and rejected line. */
    public BatchWindowFilter(Aggregation aggregation) {
        this(aggregation, TimeWindow.ALL);
    }

    /** Only the requests in the window: the batches' rejected lines are counted by whoever parsed them. */
    public static BatchWindowFilter requestsOnly(Aggregation aggregation, TimeWindow window) {
        return new BatchWindowFilter(aggregation, window, false);
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
            if (!window.isBounded() || (window.contains(t) && t != -1)) {
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
        return window.overlaps(timeRange[0], timeRange[1]);
    }

    /** Whether a time (epoch ms) is in the window. */
    public boolean inWindow(long timeMillis) {
        return window.contains(timeMillis);
    }

    /** Tells the window's description the zone of a request read but outside the window. */
    public void seenOutsideWindow(int offsetSeconds) {
        aggregation.seenOutsideWindow(offsetSeconds);
    }

    /**
     * Adds the request of a parsed line when the window keeps it (a line without a time only when nothing is
     * windowed); a timed one outside it is noted ({@link #seenOutsideWindow}). What a pass over log files does
     * with each line, on one machine or in a Spark task.
     *
     * @param scratch the request object to convert into (reused)
     */
    public void addParsed(LogRecord record, Request scratch) {
        long t = record.timeMillis();
        if (!windowed() || (t != -1 && inWindow(t))) {
            aggregation.add(RecordConverter.convert(record, scratch));
        } else if (t != -1) {
            seenOutsideWindow(record.zoneOffsetSeconds());
        }
    }

    /** Whether the window keeps out some times (else every request is kept, those without a time too). */
    public boolean windowed() {
        return window.isBounded();
    }

    public TimeWindow window() {
        return window;
    }
}
