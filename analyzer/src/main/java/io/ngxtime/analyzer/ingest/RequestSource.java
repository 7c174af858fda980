package io.ngxtime.analyzer.ingest;

import io.ngxtime.analyzer.record.Request;
import java.util.List;
import java.util.function.Consumer;

/** Something that can be read again for another pass: the record queue, or small input files. */
public interface RequestSource {
    /** Every request with a time in {@code [fromMillis, toMillis)}, in the order stored. */
    void forEach(long fromMillis, long toMillis, Consumer<Request> consumer);

    /**
     * Every request with a time in any of {@code windows} ({@code [fromMillis, toMillis)} pairs,
     * sorted and disjoint), each once. By default one pass from the first window's start to the last
     * one's end; a source that can seek reads only the windows.
     */
    default void forEach(List<long[]> windows, Consumer<Request> consumer) {
        if (windows.isEmpty()) {
            return;
        }
        forEach(windows.get(0)[0], windows.get(windows.size() - 1)[1], r -> {
            long t = r.timeMillis();
            for (long[] w : windows) {
                if (t >= w[0] && t < w[1]) {
                    consumer.accept(r);
                    return;
                }
            }
        });
    }
}
