package io.ngxtime.analyzer.queue;

import io.ngxtime.analyzer.LaterPasses;
import io.ngxtime.analyzer.aggregate.Aggregation;
import io.ngxtime.analyzer.aggregate.RequestFilter;
import io.ngxtime.analyzer.report.Report;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A report from a record store, optionally for a time window: a binary search finds the first batch
 * that can hold the window's start, batches are decoded while they can hold requests in the window,
 * and the rest are only skimmed (their headers) in case older lines were ingested later.
 */
public final class QueueReport {
    private QueueReport() {
    }

    /** Counters of the last run, for tests and benchmarks. */
    public record Stats(long batchesDecoded, long batchesSkimmed, long lastIndex) {
    }

    /** Aggregates the requests in {@code [fromMillis, toMillis)} (and all rejected lines) into {@code aggregation}. */
    public static Stats aggregate(RecordStore store, long fromMillis, long toMillis, Aggregation aggregation,
                                  Set<String> formats) {
        return aggregate(store, fromMillis, toMillis, -1, aggregation, formats);
    }

    /** The same, reading only batches at or after queue index {@code fromIndex} (-1: from the start). */
    public static Stats aggregate(RecordStore store, long fromMillis, long toMillis, long fromIndex,
                                  Aggregation aggregation, Set<String> formats) {
        QueueAggregator window = new QueueAggregator(aggregation, fromMillis, toMillis);
        long decoded = 0;
        long skimmed = 0;
        long lastIndex = -1;
        long start = window.windowed() && fromMillis != Long.MIN_VALUE ? store.seek(fromMillis) : -1;
        if (window.windowed() && fromMillis != Long.MIN_VALUE && start < 0) {
            return new Stats(0, 0, -1); // every batch ends before the window starts
        }
        if (fromIndex >= 0) {
            start = store.firstIndexAtOrAfter(Math.max(start, fromIndex));
            if (start < 0) {
                return new Stats(0, 0, -1); // a named reader that has read everything: nothing new
            }
        }
        try (RecordStore.BatchReader reader = store.reader(null)) {
            if (start >= 0) {
                reader.moveTo(start);
            }
            while (reader.nextRaw()) {
                lastIndex = reader.index();
                long[] range = reader.timeRange();
                if (range == null) {
                    reader.decode(); // unreadable: counted by the store, skipped
                    continue;
                }
                boolean noTimes = range[0] == Long.MAX_VALUE;
                if (!window.windowed() || (!noTimes && window.mayContain(range))) {
                    io.ngxtime.analyzer.queue.Batch b = reader.decode();
                    if (b == null) {
                        continue;
                    }
                    formats.add(b.formatName());
                    window.add(b);
                    decoded++;
                } else {
                    skimmed++;
                }
            }
        }
        return new Stats(decoded, skimmed, lastIndex);
    }

    /** The report of a whole store, or of a window of it, with peaks attributed and an optional baseline. */
    public static Report report(RecordStore store, long fromMillis, long toMillis, int maxSamples, RequestFilter filter,
                                int peaks, long baselineFromMillis, long baselineToMillis) {
        return report(store, fromMillis, toMillis, maxSamples, filter, peaks, baselineFromMillis, baselineToMillis, null);
    }

    /**
     * The same; with {@code sinceLast}, only the batches the named reader of that name has not read
     * (all of them the first time), and the reader is moved past them once the report is made, so the
     * next run with that name starts where this one ended ("what is new since my last run"). A run that
     * fails does not move it.
     */
    public static Report report(RecordStore store, long fromMillis, long toMillis, int maxSamples, RequestFilter filter,
                                int peaks, long baselineFromMillis, long baselineToMillis, String sinceLast) {
        Aggregation aggregation = new Aggregation(maxSamples, filter);
        Set<String> formats = new LinkedHashSet<>();
        long fromIndex = sinceLast == null ? -1 : store.namedPosition(sinceLast);
        Stats stats = aggregate(store, fromMillis, toMillis, fromIndex, aggregation, formats);
        Report first = aggregation.report(List.of(store.directory().toString()),
                formats.isEmpty() ? "none" : String.join(", ", formats), peaks);
        Report report = LaterPasses.run(first, aggregation, new QueueRequestSource(store, fromIndex), baselineFromMillis,
                baselineToMillis, () -> false);
        if (sinceLast != null && stats.lastIndex() >= 0) {
            store.advanceNamed(sinceLast, stats.lastIndex());
        }
        return report;
    }

    public static Report report(RecordStore store, long fromMillis, long toMillis, int maxSamples) {
        return report(store, fromMillis, toMillis, maxSamples, RequestFilter.ALL, 5, Long.MIN_VALUE, Long.MIN_VALUE);
    }
}
