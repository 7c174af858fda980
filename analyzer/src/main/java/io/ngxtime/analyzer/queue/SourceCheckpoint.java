package io.ngxtime.analyzer.queue;

import io.ngxtime.analyzer.source.Fingerprint;

/**
 * How far one input has been read, stored with the records it produced so that a restarted ingest
 * continues exactly where the queue ends.
 *
 * @param fingerprint identity of the file's content ({@link Fingerprint}: its head, stable while the file
 *                    grows, and across rename and compression by logrotate); a {@link Fingerprint#firstLineOnly}
 *                    one in batches written before batch format 5
 * @param path        the name it was read under (informational: the file is found by its fingerprint)
 * @param offset      bytes of (decompressed) content consumed, up to and including the last newline
 * @param lines       lines consumed
 * @param movedMillis when the position was last moved (wall clock, epoch ms): a rotated file last written
 *                    after it lived at the path while nothing read it; 0 in batches written before format 5
 */
public record SourceCheckpoint(Fingerprint fingerprint, String path, long offset, long lines, long movedMillis) {
    public SourceCheckpoint {
        if (fingerprint == null) {
            throw new IllegalArgumentException("fingerprint must not be null");
        }
    }

    /** A checkpoint whose time is not known (as batches before format 5 hold them). */
    public SourceCheckpoint(Fingerprint fingerprint, String path, long offset, long lines) {
        this(fingerprint, path, offset, lines, 0);
    }

    /**
     * A note that the log {@code path} is followed into the queue since {@code sinceMillis} (wall clock):
     * not a file's position (its fingerprint, with a first-line hash of 0, matches no file). A rotated file
     * of the log last written after that time lived at the path while it was followed.
     */
    public static SourceCheckpoint followedSince(String path, long sinceMillis) {
        return new SourceCheckpoint(followFingerprint(path), path, 0, 0, sinceMillis);
    }

    /** The fingerprint {@link #followedSince} notes are kept under: one per path. */
    static Fingerprint followFingerprint(String path) {
        byte[] b = path.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(b);
        return new Fingerprint(0, 0, crc.getValue() << 32 | (path.hashCode() & 0xFFFFFFFFL));
    }

    /** Whether this is a {@link #followedSince} note rather than a file's position. */
    public boolean isFollowedSince() {
        return fingerprint.firstLineHash() == 0;
    }
}
