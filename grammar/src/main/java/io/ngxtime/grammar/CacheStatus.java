package io.ngxtime.grammar;

import java.nio.charset.StandardCharsets;

/** The value of {@code $upstream_cache_status}. */
public enum CacheStatus {
    /** {@code -}, empty, or the variable is not in the format: the cache was not involved. */
    NONE,
    MISS,
    BYPASS,
    EXPIRED,
    STALE,
    UPDATING,
    REVALIDATED,
    HIT,
    /** A value nginx does not document. */
    OTHER;

    private static final CacheStatus[] NAMED = {MISS, BYPASS, EXPIRED, STALE, UPDATING, REVALIDATED, HIT};
    private static final byte[][] NAMES = new byte[NAMED.length][];

    static {
        for (int i = 0; i < NAMED.length; i++) {
            NAMES[i] = NAMED[i].name().getBytes(StandardCharsets.US_ASCII);
        }
    }

    /** Whether nginx answered from its cache (HIT, STALE, UPDATING, REVALIDATED). */
    public boolean servedFromCache() {
        return this == HIT || this == STALE || this == UPDATING || this == REVALIDATED;
    }

    /** Classifies the bytes {@code [from, to)} without allocating. */
    public static CacheStatus of(byte[] b, int from, int to) {
        int len = to - from;
        if (len == 0 || (len == 1 && b[from] == '-')) {
            return NONE;
        }
        outer:
        for (int i = 0; i < NAMES.length; i++) {
            byte[] n = NAMES[i];
            if (n.length != len) {
                continue;
            }
            for (int k = 0; k < len; k++) {
                if (b[from + k] != n[k]) {
                    continue outer;
                }
            }
            return NAMED[i];
        }
        return OTHER;
    }
}
