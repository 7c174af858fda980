package io.ngxtime.analyzer.source;

/**
 * Identifies a log file by its content rather than its name: it stays the same while the file grows,
 * when logrotate renames it and when it compresses it, so that a checkpoint finds its file again.
 *
 * <p>The rules ({@link FileHead#fingerprint()} takes one, {@link FileHead#matches} compares):
 * <ul>
 * <li>The <b>head</b> of a file is its first {@value #MAX_BYTES} bytes up to their last newline (all of
 *     them when the first line is longer). A file has a fingerprint once its first line is complete.</li>
 * <li>A fingerprint keeps the length of the head when it was taken ({@link #headBytes}) and a 64-bit
 *     hash of it ({@link #headHash}), and a hash of the first line ({@link #firstLineHash}).</li>
 * <li>A file matches a fingerprint when its first {@code headBytes} bytes hash to {@code headHash}: it is
 *     the file the fingerprint was taken of, grown since (or renamed, or compressed). Two files that start
 *     with the same line (a health check logged at the same second) are told apart by what follows it.</li>
 * <li>A fingerprint taken while the file was short is less specific: whoever keeps one replaces it with
 *     the longer one as the file grows (a queue's checkpoints do, and so does {@link FileFollower}), and a
 *     file that matches several is taken for the one with the longest head.</li>
 * <li>Limit: two files whose heads are the same bytes (the first 4 KiB, or, for a file fingerprinted
 *     while it was shorter, all of its complete lines then) are taken for one file.</li>
 * <li>Queues written before the head was kept (batch format 4 and earlier) hold only the first line's
 *     hash: {@link #firstLineOnly}, matched by the first line alone, and replaced by a full fingerprint
 *     the next time the file is read.</li>
 * </ul>
 *
 * @param firstLineHash hash of the first line (without its newline, at most {@value #MAX_BYTES} bytes); never
 *                      0 for a file, so a fingerprint with 0 matches no file (a queue uses such for notes)
 * @param headBytes     length of the hashed head; 0 for a {@link #firstLineOnly} fingerprint
 * @param headHash      hash of the first {@code headBytes} bytes; 0 for a {@link #firstLineOnly} fingerprint
 */
public record Fingerprint(long firstLineHash, int headBytes, long headHash) {
    /** The head is at most this many bytes. */
    public static final int MAX_BYTES = 4096;

    public Fingerprint {
        if (headBytes < 0 || headBytes > MAX_BYTES) {
            throw new IllegalArgumentException("headBytes must be within 0.." + MAX_BYTES + ", was " + headBytes);
        }
    }

    /** A fingerprint as ngxtime kept it before the head was (batch format 4 and earlier): the first line's hash. */
    public static Fingerprint firstLineOnly(long firstLineHash) {
        return new Fingerprint(firstLineHash, 0, 0);
    }

    /** Whether only the first line's hash is known ({@link #firstLineOnly}). */
    public boolean isFirstLineOnly() {
        return headBytes == 0;
    }

    /**
     * The fingerprint of a file whose first bytes are {@code head[0, length)} (all of the file when it is
     * shorter than {@link #MAX_BYTES}), or null when its first line is not complete yet.
     */
    static Fingerprint of(byte[] head, int length) {
        return of(head, length, false);
    }

    /**
     * As {@link #of(byte[], int)}; {@code ended} says the content can never grow (compressed data damaged
     * within its head): then what decoded identifies it even without a complete first line.
     */
    static Fingerprint of(byte[] head, int length, boolean ended) {
        int firstNewline = -1;
        int lastNewline = -1;
        for (int i = 0; i < length; i++) {
            if (head[i] == '\n') {
                if (firstNewline < 0) {
                    firstNewline = i;
                }
                lastNewline = i;
            }
        }
        if (firstNewline < 0 && length < MAX_BYTES && (!ended || length == 0)) {
            return null;
        }
        long firstLine = hash(head, firstNewline < 0 ? length : firstNewline);
        int headBytes = lastNewline < 0 ? length : lastNewline + 1;
        return new Fingerprint(firstLine, headBytes, hash(head, headBytes));
    }

    /** FNV-1a with a final mix; the first line's hash is what every ngxtime computed, so old queues match. */
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
        return h == 0 ? 1 : h;
    }
}
