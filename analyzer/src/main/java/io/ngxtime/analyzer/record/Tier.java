package io.ngxtime.analyzer.record;

import java.util.Locale;

/** Which part of the stack answered a request. */
public enum Tier {
    /** No upstream attempt and no cache hit: static files, redirects, errors nginx answered itself. */
    NGINX,
    /** Served from nginx's cache (HIT, STALE, UPDATING, REVALIDATED) without an upstream attempt. */
    CACHE,
    /** At least one upstream attempt. */
    UPSTREAM;

    /** The name used in reports and JSON: {@code nginx}, {@code cache}, {@code upstream}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
