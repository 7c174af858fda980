package io.ngxtime.analyzer;

import io.ngxtime.analyzer.aggregate.CacheReplay;
import io.ngxtime.analyzer.aggregate.RequestFilter;
import io.ngxtime.analyzer.aggregate.WhatIfFindings;
import io.ngxtime.analyzer.ingest.RequestSource;
import io.ngxtime.analyzer.record.TimeWindow;
import io.ngxtime.analyzer.report.CacheWhatIf;
import io.ngxtime.analyzer.report.Finding;
import io.ngxtime.analyzer.report.Report;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The cache what-if: once the first pass has named the cache candidates (the routes of its
 * {@link Finding.Kind#CACHE_CANDIDATE} finding), one more pass over the report's window replays its requests
 * (those the filter keeps) through a TTL cache on them ({@link CacheReplay}). Without a candidate there is
 * nothing to replay and nothing is read.
 */
final class CacheWhatIfPass {
    private CacheWhatIfPass() {
    }

    /** The report with its cache what-if (and that finding, when the savings are large). */
    static Report run(Report first, RequestFilter filter, RequestSource source, TimeWindow window, Duration ttl,
                      BooleanSupplier cancelled) {
        List<String> candidates = first.findings().stream().filter(f -> f.kind() == Finding.Kind.CACHE_CANDIDATE)
                .flatMap(f -> f.items().stream()).map(Finding.Item::subject).toList();
        if (cancelled.getAsBoolean()) {
            return first; // what was read is reported; the what-if would need a whole pass more
        }
        if (candidates.isEmpty()) {
            return first.withCacheWhatIf(CacheWhatIf.withoutCandidates(ttl.toSeconds()), java.util.Optional.empty());
        }
        CacheReplay replay = new CacheReplay(ttl, candidates);
        source.forEach(window, r -> {
            if (filter.test(r)) {
                replay.add(r);
            }
        });
        CacheWhatIf w = replay.result();
        return first.withCacheWhatIf(w, WhatIfFindings.cacheWhatIf(w));
    }
}
