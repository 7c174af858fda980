package io.ngxtime.analyzer;

import io.ngxtime.analyzer.record.Request;
import java.util.function.Consumer;

/** Something that can be read again for another pass: the record queue, or small input files. */
public interface RequestSource {
    /** Every request with a time in {@code [fromMillis, toMillis)}, in the order stored. */
    void forEach(long fromMillis, long toMillis, Consumer<Request> consumer);
}
