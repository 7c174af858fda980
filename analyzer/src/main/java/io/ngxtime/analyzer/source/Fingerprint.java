package io.ngxtime.analyzer.source;

import java.io.BufferedInputStream;
import java.io.IOException;

/**
 * Identifies a log file by its content rather than its name: a 64-bit hash of its first complete line.
 * It stays the same while the file grows, when logrotate renames it, and when it is compressed, so a
 * rotated set can be ingested again and only new lines are added.
 */
public final class Fingerprint {
    /** The first line is hashed up to this many bytes. */
    public static final int MAX_BYTES = 4096;
    /** No complete first line yet (empty file, or a first line still being written). */
    public static final long NONE = 0;

    private Fingerprint() {
    }

    /**
     * The fingerprint of a (decompressed) stream, which is rewound afterwards. A compressed input damaged
     * before the end of its first line is identified by what decoded of it (that will never grow); one
     * damaged before its first byte throws the {@link CompressedDataException}.
     */
    public static long of(BufferedInputStream in) throws IOException {
        in.mark(MAX_BYTES + 1);
        try {
            byte[] head = new byte[MAX_BYTES];
            int len = 0;
            CompressedDataException damage = null;
            try {
                for (int n; len < MAX_BYTES && (n = in.read(head, len, MAX_BYTES - len)) >= 0; ) {
                    len += n;
                }
            } catch (CompressedDataException e) {
                damage = e;
            }
            int nl = -1;
            for (int i = 0; i < len; i++) {
                if (head[i] == '\n') {
                    nl = i;
                    break;
                }
            }
            if (damage != null && len == 0) {
                throw damage.afterLines(0, false);
            }
            if (nl < 0 && len < MAX_BYTES && damage == null) {
                return NONE;
            }
            int end = nl < 0 ? len : nl;
            return hash(head, end);
        } finally {
            in.reset();
        }
    }

    static long hash(byte[] b, int len) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < len; i++) {
            h ^= b[i] & 0xff;
            h *= 0x100000001b3L;
        }
        h ^= len;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h == NONE ? 1 : h;
    }
}
