package io.ngxtime.analyzer;

import io.ngxtime.analyzer.aggregate.Aggregation;
import io.ngxtime.analyzer.aggregate.BatchWindowFilter;
import io.ngxtime.analyzer.aggregate.RequestFilter;
import io.ngxtime.analyzer.queue.Batch;
import io.ngxtime.analyzer.queue.BatchLineOrder;
import io.ngxtime.analyzer.queue.QueueRequestSource;
import io.ngxtime.analyzer.queue.RecordStore;
import io.ngxtime.analyzer.record.TimeWindow;
import io.ngxtime.analyzer.report.Report;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A report from a record store, optionally for a time window: a binary search finds the first batch
 * that can hold the window's start, batches are decoded while they can hold requests in the window,
 * and the rest are only skimmed (their headers) in case older lines were ingested later.
 *
 * <p>A window's rejected lines take their neighbours' times ({@link io.ngxtime.analyzer.ingest.WindowedRejects}),
 * so a few batches whose requests all miss the window are decoded too: the batches without any time
 * (the first lines of an input that starts with rejected lines), those just before the one the search
 * finds included, and the batch after one whose last request is in the window (its first lines may be
 * rejected lines that follow that request).
 */
public final class QueueReport {
    private QueueReport() {
    }

    /** Counters of the last run, for tests and benchmarks. */
    public record Stats(long batchesDecoded, long batchesSkimmed, long lastIndex) {
    }

    /** Aggregates the requests and rejected lines in {@code window} into {@code aggregation}. */
    public static Stats aggregate(RecordStore store, TimeWindow window, Aggregation aggregation, Set<String> formats) {
        return aggregate(store, window, -1, aggregation, formats);
    }

    /** The same, reading only batches at or after queue index {@code fromIndex} (-1: from the start). */
    public static Stats aggregate(RecordStore store, TimeWindow timeWindow, long fromIndex, Aggregation aggregation,
                                  Set<String> formats) {
        BatchWindowFilter window = new BatchWindowFilter(aggregation, timeWindow);
        long decoded = 0;
        long skimmed = 0;
        long lastIndex = -1;
        boolean seeks = timeWindow.hasStart();
        long start = seeks ? store.seek(timeWindow.fromMillis()) : -1;
        if (seeks && start < 0) {
            return new Stats(0, 0, -1); // every batch ends before the window starts
        }
        if (seeks) {
            start = store.firstOfTimelessRunBefore(start);
        }
        if (fromIndex >= 0) {
            long seekStart = start;
            start = store.firstIndexAtOrAfter(Math.max(start, fromIndex));
            if (start < 0) {
                return new Stats(0, 0, -1); // a named reader that has read everything: nothing new
            }
            seeks = seeks && seekStart >= fromIndex; // else the named reader's position starts the read
        }
        if (seeks && start != store.firstIndexAtOrAfter(-1)) {
            window.afterSeek(); // batches were passed over: their requests are before the window
        }
        // whether the last request read was in the window: the rejected lines after it may be in the next batch
        boolean[] lastReadInWindow = {false};
        // an unreadable header is read whole, to be counted by the store and skipped; a batch without any time may
        // hold the first lines of an input whose first request is in the window
        java.util.function.Predicate<long[]> decodes = range -> range == null || !window.windowed()
                || range[0] == Long.MAX_VALUE || window.mayContain(range) || lastReadInWindow[0];
        try (RecordStore.BatchReader reader = store.reader(null)) {
            if (start >= 0) {
                reader.moveTo(start);
            }
            while (true) {
                RecordStore.BatchReader.Read read = reader.next(decodes);
                if (read == RecordStore.BatchReader.Read.END) {
                    break;
                }
                lastIndex = reader.index();
                if (read == RecordStore.BatchReader.Read.HEADER) {
                    skimmed++;
                    continue;
                }
                if (reader.timeRange() == null) {
                    reader.decode(); // unreadable: counted by the store, skipped
                    continue;
                }
                Batch b = reader.decode();
                if (b == null) {
                    continue;
                }
                formats.add(b.formatName());
                aggregation.logged(b.logged());
                window.add(b);
                decoded++;
                long last = BatchLineOrder.lastTime(b);
                if (last >= 0) {
                    lastReadInWindow[0] = window.inWindow(last);
                }
            }
        }
        return new Stats(decoded, skimmed, lastIndex);
    }

    /**
     * The report of a whole store, or of a window of it, with peaks attributed and an optional baseline.
     *
     * @param baseline the window to compare with; null for no comparison
     */
    public static Report report(RecordStore store, TimeWindow window, int maxSamples, RequestFilter filter, int peaks,
                                TimeWindow baseline) {
        return report(store, window, maxSamples, filter, peaks, baseline, null);
    }

    /**
     * The same, with a cache what-if.
     *
     * @param cacheTtl the time to live of the cache what-if ({@link CacheWhatIfPass}); null for none
     */
    public static Report report(RecordStore store, TimeWindow window, int maxSamples, RequestFilter filter, int peaks,
                                TimeWindow baseline, java.time.Duration cacheTtl) {
        return read(store, window, maxSamples, filter, peaks, baseline, cacheTtl, -1, null).report();
    }

    /**
     * What the named reader {@code name} has not read yet (all of the store the first time): the report
     * of those batches only, and how far they go. The reader does not move: once the report is delivered
     * (every output written), {@link Unread#markRead} moves it, so that a run that fails on the way
     * leaves the period for the next run rather than losing it.
     */
    public static Unread unread(RecordStore store, TimeWindow window, int maxSamples, RequestFilter filter, int peaks,
                                TimeWindow baseline, String name) {
        return unread(store, window, maxSamples, filter, peaks, baseline, null, name);
    }

    /** The same, with a cache what-if of this time to live (null: none). */
    public static Unread unread(RecordStore store, TimeWindow window, int maxSamples, RequestFilter filter, int peaks,
                                TimeWindow baseline, java.time.Duration cacheTtl, String name) {
        java.util.Objects.requireNonNull(name, "name");
        return read(store, window, maxSamples, filter, peaks, baseline, cacheTtl, store.namedPosition(name), name);
    }

    /**
     * A report of what a named reader had not read, and the last batch it covers.
     *
     * @param lastIndex the queue index of the last batch read, -1 when there was nothing new
     */
    public record Unread(Report report, String name, long lastIndex) {
        /**
         * Moves the named reader past the batches the report covered (persisted in the queue; needs it
         * writable). Batches appended since the report was made stay unread.
         */
        public void markRead(RecordStore store) {
            if (lastIndex >= 0) {
                store.advanceNamed(name, lastIndex);
            }
        }
    }

    /** The report of the batches from {@code fromIndex} (-1: all), for the named reader {@code name} or none (null). */
    private static Unread read(RecordStore store, TimeWindow window, int maxSamples, RequestFilter filter, int peaks,
                               TimeWindow baseline, java.time.Duration cacheTtl, long fromIndex, String name) {
        Aggregation aggregation = new Aggregation(maxSamples, filter);
        Set<String> formats = new LinkedHashSet<>();
        Stats stats = aggregate(store, window, fromIndex, aggregation, formats);
        if (window.isBounded()) {
            // as from files, which read every line: a window without requests is told in the zone of the
            // log's last request, and named with the log's format
            Batch last = store.lastBatchWithTime();
            if (last != null) {
                for (int i = last.size() - 1; i >= 0; i--) {
                    if (last.request(i).timeMillis() >= 0) {
                        aggregation.seenOutsideWindow(last.request(i).offsetSeconds());
                        break;
                    }
                }
            } else {
                last = store.lastBatch();
            }
            if (formats.isEmpty() && last != null) {
                formats.add(last.formatName());
            }
            if (last != null) {
                aggregation.logged(last.logged()); // what the log records, though the window holds no request
            }
        }
        Report first = aggregation.report(List.of(store.directory().toString()),
                formats.isEmpty() ? "none" : String.join(", ", formats), peaks);
        QueueRequestSource source = new QueueRequestSource(store, fromIndex);
        Report report = PeakAndBaselinePasses.run(first, aggregation, source, baseline, () -> false);
        if (cacheTtl != null) {
            report = CacheWhatIfPass.run(report, filter, source, window, cacheTtl, () -> false);
        }
        return new Unread(report, name, stats.lastIndex());
    }

    /** The report of {@code window} with no filter, five peaks and no baseline. */
    public static Report report(RecordStore store, TimeWindow window, int maxSamples) {
        return report(store, window, maxSamples, RequestFilter.ALL, 5, null);
    }
}
