package io.ngxtime.generator;

import java.util.Locale;

/**
 * Which part of the simulated stack answered a generated request: a fact the generator decides, never
 * read from a log line.
 *
 * <p>Not the analyzer's {@code io.ngxtime.analyzer.record.Tier}, which is what a parsed line shows of
 * it: that one also has {@code nginx_or_cache} and {@code unknown} for formats that do not log the cache
 * status or any upstream variable. The ground truth is counted from this, on its own, so that it can
 * check the analyzer's classification rather than share it; the {@link #key() keys} are the names the
 * report gives the three tiers a full format tells apart, so the two compare directly.
 */
enum ServedBy {
    /** No upstream attempt and no cache hit. */
    NGINX,
    /** Served from the cache (HIT, STALE, UPDATING, REVALIDATED) without an upstream attempt. */
    CACHE,
    /** At least one upstream attempt. */
    UPSTREAM;

    /** {@code nginx}, {@code cache}, {@code upstream}: the ground truth's {@code tiers} keys. */
    String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
