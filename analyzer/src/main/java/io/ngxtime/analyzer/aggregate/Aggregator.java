package io.ngxtime.analyzer.aggregate;

import io.ngxtime.analyzer.record.Request;

/**
 * A single-writer streaming aggregation over requests. Two aggregators of the same kind, fed disjoint
 * parts of the input, {@link #merge} into exactly what one aggregator fed everything holds.
 *
 * @param <A> the aggregator's own type
 */
public interface Aggregator<A extends Aggregator<A>> {
    /** Adds one request (the object is reused after the call). */
    void add(Request request);

    /** Adds everything {@code other} has seen. */
    void merge(A other);
}
