package io.ngxtime.analyzer.live;

import io.ngxtime.analyzer.aggregate.Aggregation;
import io.ngxtime.analyzer.aggregate.BatchWindowFilter;
import io.ngxtime.analyzer.queue.Batch;
import io.ngxtime.analyzer.record.Request;
import io.ngxtime.analyzer.report.Report;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * A sliding window over a live log: one {@link Aggregation} per interval, the last {@code intervals}
 * of them merged for the view (aggregators are mergeable, so the window slides without re-reading).
 * Rejected lines are part of the window like requests: the view counts those of its intervals by
 * reason, with their first samples. Single-writer.
 */
public final class LiveWindow {
    private final int intervals;
    private final Deque<Aggregation> closed = new ArrayDeque<>();
    private Aggregation current = new Aggregation(5);
    private long currentRequests;
    private long linesSeen;
    private long rejectedSeen;
    private final Deque<Long> recentCounts = new ArrayDeque<>();

    public LiveWindow(int intervals) {
        if (intervals < 1) {
            throw new IllegalArgumentException("intervals must be at least 1, was " + intervals);
        }
        this.intervals = intervals;
    }

    /** Adds one request to the current interval. */
    public void add(Request r) {
        current.add(r);
        currentRequests++;
        linesSeen++;
    }

    /**
     * Adds a queue batch to the current interval: its requests and its rejected lines (counted by
     * reason, with their samples), exactly as {@code report --queue} reads them.
     */
    public void add(Batch b) {
        new BatchWindowFilter(current).add(b);
        currentRequests += b.size();
        linesSeen += b.size() + b.rejected();
        rejectedSeen += b.rejected();
    }

    /** Lines (requests and rejected lines) added since this window was made, whether still in the window or not. */
    public long linesSeen() {
        return linesSeen;
    }

    /** Rejected lines added since this window was made. */
    public long rejectedSeen() {
        return rejectedSeen;
    }

    /** Closes the current interval and starts the next. */
    public void tick() {
        closed.addLast(current);
        recentCounts.addLast(currentRequests);
        while (closed.size() > intervals) {
            closed.removeFirst();
        }
        while (recentCounts.size() > 10 * intervals) {
            recentCounts.removeFirst();
        }
        current = new Aggregation(5);
        currentRequests = 0;
    }

    /** Requests in the last closed interval. */
    public long lastIntervalRequests() {
        return recentCounts.isEmpty() ? 0 : recentCounts.getLast();
    }

    /** The median requests per interval over the recent past (up to ten windows), excluding the last interval. */
    public double medianIntervalRequests() {
        long[] v = recentCounts.stream().mapToLong(Long::longValue).toArray();
        if (v.length <= 1) {
            return 0;
        }
        long[] past = java.util.Arrays.copyOf(v, v.length - 1);
        java.util.Arrays.sort(past);
        int mid = past.length / 2;
        return past.length % 2 == 1 ? past[mid] : (past[mid - 1] + past[mid]) / 2.0;
    }

    /** Fewest requests in the last interval for it to be a surge: a handful more is noise, whatever the ratio. */
    public static final int SURGE_MIN_REQUESTS = 10;
    /** How many times the recent median rate the last interval must exceed to be a surge. */
    public static final double SURGE_FACTOR = 3;

    /**
     * Whether the last closed interval is a surge: at least {@link #SURGE_MIN_REQUESTS} requests, at a rate
     * above {@link #SURGE_FACTOR} times the median of the intervals before it (none before it: no surge).
     *
     * @param intervalSeconds the length of an interval (the rates are per second)
     */
    public java.util.Optional<Surge> surge(int intervalSeconds) {
        double lastPerSecond = (double) lastIntervalRequests() / intervalSeconds;
        double medianPerSecond = medianIntervalRequests() / intervalSeconds;
        boolean surge = lastIntervalRequests() >= SURGE_MIN_REQUESTS && medianPerSecond > 0
                && lastPerSecond > SURGE_FACTOR * medianPerSecond;
        return surge ? java.util.Optional.of(new Surge(lastPerSecond, medianPerSecond)) : java.util.Optional.empty();
    }

    /** The merged view of the closed intervals in the window. */
    public Report view(String source, String format) {
        Aggregation all = new Aggregation(5);
        for (Aggregation a : closed) {
            all.merge(a);
        }
        return all.report(List.of(source), format, 1);
    }
}
