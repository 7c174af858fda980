package io.ngxtime.analyzer.queue;

import io.ngxtime.grammar.Escape;
import java.util.Arrays;

/**
 * Decoded strings kept across batches, so that the same logged bytes give the same {@code String}
 * instance batch after batch: no new string, and maps find it by identity with its hash already
 * computed. A direct-mapped cache of {@value #SLOTS} entries: bounded, a colliding string replaces the
 * older one. Not thread-safe.
 */
final class StringCache {
    static final int SLOTS = 1 << 15;
    private static final int MAX_BYTES = 512;

    private final byte[][] keys = new byte[SLOTS][];
    private final String[] values = new String[SLOTS];
    private final Escape[] escapes = new Escape[SLOTS];

    /** @param hash the bytes' hash as the encoder computed it */
    String decode(byte[] b, int from, int to, int hash, Escape escape) {
        int len = to - from;
        if (len > MAX_BYTES) {
            return escape.decode(b, from, to);
        }
        int slot = (hash ^ (hash >>> 15)) & (SLOTS - 1);
        byte[] k = keys[slot];
        if (k != null && escapes[slot] == escape && k.length == len && Arrays.equals(k, 0, len, b, from, to)) {
            return values[slot];
        }
        String s = escape.decode(b, from, to);
        keys[slot] = Arrays.copyOfRange(b, from, to);
        values[slot] = s;
        escapes[slot] = escape;
        return s;
    }
}
