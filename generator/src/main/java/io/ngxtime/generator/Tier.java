package io.ngxtime.generator;

import java.util.Locale;

/** Which part of the stack answered a request (the analyzer's definition). */
enum Tier {
    /** No upstream attempt and no cache hit. */
    NGINX,
    /** Served from the cache (HIT, STALE, UPDATING, REVALIDATED) without an upstream attempt. */
    CACHE,
    /** At least one upstream attempt. */
    UPSTREAM;

    /** {@code nginx}, {@code cache}, {@code upstream}. */
    String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
