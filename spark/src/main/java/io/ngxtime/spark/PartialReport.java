package io.ngxtime.spark;

import io.ngxtime.analyzer.aggregate.Aggregation;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * What the first pass's tree aggregation merges: the splits' aggregations (without rejected-line samples,
 * whose order a merge in any order would lose) and every split's {@link SplitOutcome}. Merging is
 * associative and commutative: the aggregation's merge is, and the outcomes are sorted on the driver.
 */
final class PartialReport implements Serializable {
    private final Aggregation aggregation;
    private final List<SplitOutcome> splits;

    PartialReport(Aggregation aggregation, List<SplitOutcome> splits) {
        this.aggregation = aggregation;
        this.splits = new ArrayList<>(splits);
    }

    /** Adds {@code other} into this one and returns this one. */
    PartialReport merge(PartialReport other) {
        aggregation.merge(other.aggregation);
        splits.addAll(other.splits);
        return this;
    }

    Aggregation aggregation() {
        return aggregation;
    }

    List<SplitOutcome> splits() {
        return splits;
    }
}
