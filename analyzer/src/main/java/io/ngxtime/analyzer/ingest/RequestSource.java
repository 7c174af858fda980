package io.ngxtime.analyzer.ingest;

import io.ngxtime.analyzer.record.Request;
import io.ngxtime.analyzer.record.TimeWindow;
import java.util.List;
import java.util.function.Consumer;

/** Something that can be read again for another pass: the record queue, or small input files. */
public interface RequestSource {
    /** Every request with a time in {@code window}, in the order stored (requests without a time: none). */
    void forEach(TimeWindow window, Consumer<Request> consumer);

    /**
     * Every request with a time in any of {@code windows} (sorted and disjoint), each once. By default one
     * pass from the first window's start to the last one's end; a source that can seek reads only the windows.
     */
    default void forEach(List<TimeWindow> windows, Consumer<Request> consumer) {
        if (windows.isEmpty()) {
            return;
        }
        forEach(TimeWindow.between(windows.get(0).fromMillis(), windows.get(windows.size() - 1).toMillis()), r -> {
            long t = r.timeMillis();
            for (TimeWindow w : windows) {
                if (w.contains(t)) {
                    consumer.accept(r);
                    return;
                }
            }
        });
    }
}
