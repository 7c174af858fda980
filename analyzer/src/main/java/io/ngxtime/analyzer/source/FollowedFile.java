package io.ngxtime.analyzer.source;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

/**
 * One opened file under a followed path: its handle (kept open across rename and deletion), its identity
 * (file key, and its head and content fingerprint, grown with the file up to {@link Fingerprint#MAX_BYTES})
 * and where it is read. Lines come from {@link #lines()}, whose stream offsets and line numbers count from
 * {@link #offsetBase()} and {@link #lineNumberBase()}. Not thread-safe.
 */
final class FollowedFile implements Closeable {
    private static final int SCRATCH_BYTES = 64 * 1024;
    private static final int OPEN_ATTEMPTS = 3;

    /** What {@link #refresh} found. */
    enum Refresh {
        /** No new complete line. */
        UNCHANGED,
        /** Complete lines are ready in {@link #lines()}. */
        GREW,
        /** Smaller than what was seen, or its head changed: read again from offset 0 ({@link #lastTruncation()}). */
        TRUNCATED
    }

    private final Path path;
    private final FileChannel channel;
    private final Object fileKey;
    private final int maxLineBytes;
    private final ByteBuffer scratch = ByteBuffer.allocate(SCRATCH_BYTES);
    private CompleteLinesStream stream;
    private LineReader lines;
    private long offsetBase;
    private long lineNumberBase;
    /** The head read last; null until the first line is complete (then {@link #fingerprint} is set). */
    private FileHead head;
    private Fingerprint fingerprint;
    private FollowListener.Truncation lastTruncation;
    private boolean checkedPlain;
    private long lastSizeBytes = -1;
    private long lastChangeNanos;

    private FollowedFile(Path path, FileChannel channel, Object fileKey, int maxLineBytes, long nowNanos) {
        this.path = path;
        this.channel = channel;
        this.fileKey = fileKey;
        this.maxLineBytes = maxLineBytes;
        this.lastChangeNanos = nowNanos;
    }

    /**
     * Opens the regular file at {@code path}, or returns null when there is none (or it is being replaced
     * right now: the caller tries again at its next poll).
     *
     * @throws IOException when the path names something other than a regular file, or cannot be read
     */
    static FollowedFile open(Path path, int maxLineBytes, long nowNanos) throws IOException {
        for (int attempt = 0; attempt < OPEN_ATTEMPTS; attempt++) {
            BasicFileAttributes before = attributesOrNull(path);
            if (before == null) {
                return null;
            }
            if (!before.isRegularFile()) {
                throw new IOException(path + ": not a regular file; follow reads plain files only");
            }
            FileChannel channel;
            try {
                channel = FileChannel.open(path, StandardOpenOption.READ);
            } catch (NoSuchFileException e) {
                return null;
            }
            // the key read before opening names the opened file only if the path did not change meanwhile
            BasicFileAttributes after = attributesOrNull(path);
            if (after != null && Objects.equals(before.fileKey(), after.fileKey())) {
                return new FollowedFile(path, channel, before.fileKey(), maxLineBytes, nowNanos);
            }
            channel.close();
        }
        return null;
    }

    private static BasicFileAttributes attributesOrNull(Path path) throws IOException {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** Reads from {@code offset} (a line start) on; {@code linesBefore} lines precede it. */
    void readFrom(long offset, long linesBefore) {
        stream = new CompleteLinesStream(channel, offset, scratch);
        lines = new LineReader(stream, maxLineBytes, false);
        offsetBase = offset;
        lineNumberBase = linesBefore;
    }

    /** Reads from the end of the last complete line on (a line still being written will come whole). */
    void readFromEnd() throws IOException {
        long end = Math.max(0, NewlineScanner.endOfLastLine(channel, 0, channel.size(), scratch));
        readFrom(end, NewlineScanner.count(channel, end, scratch));
        if (end > 0) {
            grow(readHead());
        }
    }

    /** Reads the file's head now (refusing a gzip-compressed file). */
    FileHead readHead() throws IOException {
        return readHead(true);
    }

    /**
     * Reads the file's head now; {@code refuseGzip} false leaves the refusal to the first {@link #refresh}
     * (so that opening never fails on content).
     */
    FileHead readHead(boolean refuseGzip) throws IOException {
        int n = refuseGzip ? readHeadBytes(Fingerprint.MAX_BYTES)
                : NewlineScanner.readFully(channel, scratch, 0, Fingerprint.MAX_BYTES);
        return FileHead.of(scratch.array(), n);
    }

    /**
     * Whether a checkpoint taken on this content applies: the file's head {@code now} matches its
     * fingerprint, and the offset is a line start within the file.
     */
    boolean canResumeAt(FileHead now, Fingerprint checkpointFingerprint, long offset) throws IOException {
        if (offset < 0 || offset > channel.size() || !now.matches(checkpointFingerprint)) {
            return false;
        }
        return offset == 0 || NewlineScanner.readFully(channel, scratch, offset - 1, 1) == 1 && scratch.get(0) == '\n';
    }

    /** Resumes at a checkpoint that {@link #canResumeAt} accepted for the head {@code now}. */
    void resumeAt(FileHead now, long offset, long linesBefore) {
        readFrom(offset, linesBefore);
        grow(now);
    }

    /** Takes {@code now} as the head when it says more than the one held (the file grew, or none was held). */
    void grow(FileHead now) {
        if (now.fingerprint() != null && (head == null || now.length() > head.length())) {
            head = now;
            fingerprint = now.fingerprint();
        }
    }

    /** Looks at the file's size (and, when it changed, its head) for new lines or a truncation. */
    Refresh refresh(long nowNanos) throws IOException {
        long size = channel.size();
        boolean changed = size != lastSizeBytes;
        if (changed) {
            lastSizeBytes = size;
            lastChangeNanos = nowNanos;
        }
        Refresh result = Refresh.UNCHANGED;
        if (size < stream.seenBytes() || changed && fingerprint != null && !headStillMatches()) {
            // copytruncate (or content replaced in place, even if it grew past our offset before we looked)
            lastTruncation = new FollowListener.Truncation(path, fingerprint, offsetBase + lines.nextLineStreamOffset(),
                    lineNumberBase + lines.lineNumber(), stream.seenBytes());
            readFrom(0, 0);
            head = null;
            fingerprint = null;
            checkedPlain = false;
            result = Refresh.TRUNCATED;
        }
        if (!checkedPlain && size >= 2) {
            readHeadBytes(2);
            checkedPlain = true;
        }
        stream.extendTo(size);
        if (fingerprint == null && stream.hasUnread()) {
            grow(readHead()); // the first line is complete now
        }
        if (hasLinesReady()) {
            lines.resumeAfterEof();
            return result == Refresh.TRUNCATED ? result : Refresh.GREW;
        }
        return result;
    }

    /** Whether {@link #lines()} can give a line now without looking at the file again. */
    boolean hasLinesReady() {
        // the stream ends only after a newline, so whatever the reader holds is complete lines
        return lines.pendingBytes() > 0 || stream.hasUnread();
    }

    /** Whether {@code path} still names this file (without file keys: whether something is there). */
    boolean isStillAt(Path where) throws IOException {
        BasicFileAttributes now = attributesOrNull(where);
        return now != null && Objects.equals(fileKey, now.fileKey());
    }

    /** When the file's size last changed (or it was opened). */
    long lastChangeNanos() {
        return lastChangeNanos;
    }

    /** Whether the file still starts with the head held; a longer head is kept while the file is short. */
    private boolean headStillMatches() throws IOException {
        if (head.isFull()) {
            // the head will not grow: hash the bytes where they are, no copy
            int n = readHeadBytes(Fingerprint.MAX_BYTES);
            return n >= fingerprint.headBytes()
                    && Fingerprint.hash(scratch.array(), fingerprint.headBytes()) == fingerprint.headHash();
        }
        FileHead now = readHead();
        if (!now.matches(fingerprint)) {
            return false;
        }
        grow(now);
        return true;
    }

    /** Reads up to {@code len} first bytes into the scratch buffer, refusing a gzip-compressed file. */
    private int readHeadBytes(int len) throws IOException {
        int n = NewlineScanner.readFully(channel, scratch, 0, len);
        byte[] b = scratch.array();
        if (n >= 2 && b[0] == (byte) 0x1f && b[1] == (byte) 0x8b) {
            throw new IOException(path + ": gzip-compressed; follow reads plain files only");
        }
        return n;
    }

    LineReader lines() {
        return lines;
    }

    long offsetBase() {
        return offsetBase;
    }

    long lineNumberBase() {
        return lineNumberBase;
    }

    /** The content fingerprint, or null until the first line is complete. */
    Fingerprint fingerprint() {
        return fingerprint;
    }

    /** The head behind {@link #fingerprint()}, or null. */
    FileHead head() {
        return head;
    }

    /** Where reading stood when {@link #refresh} last returned {@link Refresh#TRUNCATED}. */
    FollowListener.Truncation lastTruncation() {
        return lastTruncation;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
