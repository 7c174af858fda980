package io.ngxtime.analyzer.source;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.util.Arrays;

/**
 * The first bytes of a file (decompressed), at most {@link Fingerprint#MAX_BYTES}: what identifies it
 * ({@link #fingerprint()}) and what a stored {@link Fingerprint} is checked against ({@link #matches}).
 * Immutable.
 */
public final class FileHead {
    private final byte[] bytes;
    private final Fingerprint fingerprint;

    private FileHead(byte[] bytes, boolean ended) {
        this.bytes = bytes;
        this.fingerprint = Fingerprint.of(bytes, bytes.length, ended);
    }

    /** The head of {@code b[0, length)}: the first bytes of a file (all of it when it is shorter). */
    public static FileHead of(byte[] b, int length) {
        return new FileHead(Arrays.copyOf(b, Math.min(length, Fingerprint.MAX_BYTES)), false);
    }

    /**
     * Reads the head of a (decompressed) stream, which is rewound afterwards. A compressed input damaged
     * before the end of its first line is identified by what decoded of it (that will never grow); one
     * damaged before its first byte throws the {@link CompressedDataException}.
     */
    public static FileHead read(BufferedInputStream in) throws IOException {
        in.mark(Fingerprint.MAX_BYTES + 1);
        try {
            byte[] head = new byte[Fingerprint.MAX_BYTES];
            int len = 0;
            CompressedDataException damage = null;
            try {
                for (int n; len < head.length && (n = in.read(head, len, head.length - len)) >= 0; ) {
                    len += n;
                }
            } catch (CompressedDataException e) {
                damage = e;
            }
            if (damage != null && len == 0) {
                throw damage.afterLines(0, false);
            }
            return new FileHead(Arrays.copyOf(head, len), damage != null);
        } finally {
            in.reset();
        }
    }

    /** The file's fingerprint, or null when its first line is not complete yet. */
    public Fingerprint fingerprint() {
        return fingerprint;
    }

    /** Bytes held: the file's size when it is shorter than {@link Fingerprint#MAX_BYTES}. */
    public int length() {
        return bytes.length;
    }

    /** Whether the head holds all it ever will: more bytes in the file leave it as it is. */
    public boolean isFull() {
        return bytes.length == Fingerprint.MAX_BYTES;
    }

    /**
     * Whether this is the head of the file {@code taken} was taken of, as it was then or grown since: its
     * first {@link Fingerprint#headBytes()} bytes hash the same (for a {@link Fingerprint#firstLineOnly}
     * fingerprint, its first line does).
     */
    public boolean matches(Fingerprint taken) {
        if (fingerprint == null || fingerprint.firstLineHash() != taken.firstLineHash()) {
            return false;
        }
        return taken.isFirstLineOnly()
                || bytes.length >= taken.headBytes() && Fingerprint.hash(bytes, taken.headBytes()) == taken.headHash();
    }
}
