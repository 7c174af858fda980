package io.ngxtime.analyzer.queue;

import io.ngxtime.analyzer.ingest.RequestSource;
import io.ngxtime.analyzer.record.Request;
import io.ngxtime.analyzer.record.TimeWindow;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongPredicate;

/** Reads requests back from a record store, seeking to the window's start. */
public final class QueueRequestSource implements RequestSource {
    private final RecordStore store;
    private final long fromIndex;

    public QueueRequestSource(RecordStore store) {
        this(store, -1);
    }

    /** Reads only batches at or after queue index {@code fromIndex} (-1: all). */
    public QueueRequestSource(RecordStore store, long fromIndex) {
        this.store = store;
        this.fromIndex = fromIndex;
    }

    /**
     * One seek, to the first window's start, then one pass to the queue's end (batches are not time-ordered across
     * inputs, so none can be passed over after it): a batch is decoded when a window overlaps its times, a request
     * taken when a window holds it. The batches outside every window are read no further than their headers.
     */
    @Override
    public void forEach(List<TimeWindow> windows, Consumer<Request> consumer) {
        if (windows.isEmpty()) {
            return;
        }
        // asked once a request: a loop over an array, not a stream made per request
        TimeWindow[] all = windows.toArray(TimeWindow[]::new);
        read(all[0], (from, to) -> overlapsAny(all, from, to), t -> containsAny(all, t), consumer);
    }

    private static boolean overlapsAny(TimeWindow[] windows, long from, long to) {
        for (TimeWindow w : windows) {
            if (w.overlaps(from, to)) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsAny(TimeWindow[] windows, long t) {
        for (TimeWindow w : windows) {
            if (w.contains(t)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void forEach(TimeWindow window, Consumer<Request> consumer) {
        read(window, window::overlaps, window::contains, consumer);
    }

    /** Times {@code from} to {@code to} (a batch's) may hold a request wanted. */
    private interface Overlap {
        boolean test(long from, long to);
    }

    /** The requests {@code wanted} takes, in the order stored, of the batches from {@code first}'s start on. */
    private void read(TimeWindow first, Overlap overlaps, LongPredicate wanted, Consumer<Request> consumer) {
        long start = first.hasStart() ? store.seek(first.fromMillis()) : -1;
        if (first.hasStart() && start < 0) {
            return;
        }
        if (fromIndex >= 0) {
            start = store.firstIndexAtOrAfter(Math.max(start, fromIndex));
            if (start < 0) {
                return;
            }
        }
        try (RecordStore.BatchReader reader = store.reader(null)) {
            if (start >= 0) {
                reader.moveTo(start);
            }
            while (true) {
                // unreadable, or no request of this batch is wanted: not read further than its header
                RecordStore.BatchReader.Read read = reader.next(range -> range != null && range[0] != Long.MAX_VALUE
                        && overlaps.test(range[0], range[1]));
                if (read == RecordStore.BatchReader.Read.END) {
                    break;
                }
                if (read == RecordStore.BatchReader.Read.HEADER) {
                    continue;
                }
                Batch b = reader.decode();
                if (b == null) {
                    continue;
                }
                for (int i = 0; i < b.size(); i++) {
                    Request r = b.request(i);
                    long t = r.timeMillis();
                    if (t >= 0 && wanted.test(t)) {
                        consumer.accept(r);
                    }
                }
            }
        }
    }
}
