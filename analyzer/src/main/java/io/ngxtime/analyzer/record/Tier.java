package io.ngxtime.analyzer.record;

import java.util.Locale;

/**
 * Which part of the stack answered a request, as far as the log can tell: without
 * {@code $upstream_cache_status} a request with no upstream attempt is nginx's or its cache's, and
 * without any upstream variable the log does not say.
 */
public enum Tier {
    /** No upstream attempt and no cache hit: static files, redirects, errors nginx answered itself. */
    NGINX,
    /** Served from nginx's cache (HIT, STALE, UPDATING, REVALIDATED) without an upstream attempt. */
    CACHE,
    /** At least one upstream attempt. */
    UPSTREAM,
    /** No upstream attempt, and the format does not log {@code $upstream_cache_status}: nginx or its cache. */
    NGINX_OR_CACHE,
    /** The format logs no upstream variable: any tier. */
    UNKNOWN;

    /** Made once: aggregators ask for a request's tier key per request. */
    private final String key = name().toLowerCase(Locale.ROOT);

    /** The name used in reports and JSON: {@code nginx}, {@code cache}, {@code upstream}, {@code nginx_or_cache}, {@code unknown}. */
    public String key() {
        return key;
    }

    /** The three tiers a format that logs the upstream variables and the cache status tells apart. */
    public boolean isExact() {
        return this == NGINX || this == CACHE || this == UPSTREAM;
    }
}
