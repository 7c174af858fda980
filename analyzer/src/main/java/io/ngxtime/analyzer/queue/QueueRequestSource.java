package io.ngxtime.analyzer.queue;

import io.ngxtime.analyzer.ingest.RequestSource;
import io.ngxtime.analyzer.record.Request;
import io.ngxtime.analyzer.record.TimeWindow;
import java.util.List;
import java.util.function.Consumer;

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

    /** Seeks to each window in turn: the batches between windows are not read. */
    @Override
    public void forEach(List<TimeWindow> windows, Consumer<Request> consumer) {
        for (TimeWindow w : windows) {
            forEach(w, consumer);
        }
    }

    @Override
    public void forEach(TimeWindow window, Consumer<Request> consumer) {
        long start = window.hasStart() ? store.seek(window.fromMillis()) : -1;
        if (window.hasStart() && start < 0) {
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
                // unreadable, or no request of this batch is in the window: not read further than its header
                RecordStore.BatchReader.Read read = reader.next(range -> range != null && range[0] != Long.MAX_VALUE
                        && window.overlaps(range[0], range[1]));
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
                    if (t >= 0 && window.contains(t)) {
                        consumer.accept(r);
                    }
                }
            }
        }
    }
}
