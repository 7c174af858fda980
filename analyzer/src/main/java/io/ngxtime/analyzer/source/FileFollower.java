package io.ngxtime.analyzer.source;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Follows one log path like {@code tail -F} and hands out its complete lines as they are written, each
 * with what a caller needs to checkpoint exactly: the file's content {@link #fingerprint()}, the offset
 * after the line ({@link #nextLineOffset()}) and its {@link #lineNumber()}.
 *
 * <p>Contract:
 * <ul>
 * <li><b>Start.</b> Every file opened is first looked up by its head in the checkpoints given with
 *     {@link Builder#resumeFrom} or {@link Builder#resumeWith}: a file that has one (and whose offset is a
 *     line start in it) is read from the checkpoint's offset on. Otherwise the file found at the path by
 *     {@link Builder#open()} is read from its end (after its last complete line) or its beginning, per
 *     {@link Builder#start}, and every file found later from its start.</li>
 * <li><b>Complete lines only.</b> A line is handed out once its {@code \n} is in the file, never before,
 *     and exactly once, however many writes it took. A line longer than {@link Builder#maxLineBytes} comes
 *     out once, flagged {@link #isTooLong()}, with its first bytes as a sample (as {@link LineReader}).</li>
 * <li><b>Rotation by rename, deletion.</b> When the path no longer names the open file (its file key
 *     differs, or nothing is there), the open file is read to its end; it is closed once it has had no
 *     new bytes for the {@link Builder#rotationGrace} (a writer may still append to it after the rename
 *     until it reopens its log), and the file now at the path, if any, is read from its start (the
 *     listener is told, {@link FollowListener#rotated}).</li>
 * <li><b>copytruncate.</b> When the file becomes smaller than what was seen of it, or its head (its first
 *     4 KiB, see {@link Fingerprint}) changes, it is read again from offset 0, and the
 *     {@link Builder#listener} is told where reading stood ({@link FollowListener#truncated}).</li>
 * <li><b>Absent file.</b> A missing path is waited for, at open and after a rotation or deletion (the
 *     listener is told, {@link FollowListener#waiting}).</li>
 * </ul>
 * The file system is polled every {@link Builder#pollInterval} while no line is ready. Only plain files
 * are followed: a directory or a gzip-compressed file at the path is an {@link IOException} (compressed
 * rotations are read by the ordinary input path). On file systems without file keys (Windows) a rename
 * is not noticed, only a deletion or a truncation.
 *
 * <p>Lines written to a rotated file after it was closed, or to a truncated file after the last line read,
 * are not seen here; a caller with checkpoints reads them from the rotated file or logrotate's copy
 * ({@code io.ngxtime.analyzer.queue.RotationCatchUp} does). Lines written between logrotate's copy and its
 * truncate are lost to every reader.
 *
 * <p>Two ways to consume: one line at a time with {@link #next(long, TimeUnit)} and the accessors, or in
 * runs with {@link #awaitLines(long, TimeUnit)} and then reading {@link #reader()} until it returns false
 * (its offsets and line numbers count from {@link #offsetBase()} and {@link #lineNumberBase()}):
 * <pre>{@code
 * try (FileFollower f = FileFollower.builder(path).resumeFrom(fp, offset, lines).open()) { // fp: a Fingerprint
 *     while (!stopped) {                                  // a Ctrl-C handler sets stopped, then f.wakeup()
 *         if (f.next(1, TimeUnit.SECONDS)) {
 *             handle(f.buffer(), f.lineStart(), f.lineEnd());
 *             fp = f.fingerprint(); offset = f.nextLineOffset(); lines = f.lineNumber(); // the checkpoint
 *         }
 *     }
 * }
 * // or, through the record queue:
 * if (f.awaitLines(1, TimeUnit.SECONDS)) {
 *     ingester.read(f.reader(), input, f.head(), f.offsetBase(), f.lineNumberBase(), cancelled);
 * }
 * }</pre>
 *
 * <p>The line accessors describe the line of the last {@link #next} that returned true, until the next call.
 * At most one file is open at a time, and {@link #close()} closes it. Not thread-safe, except
 * {@link #wakeup()}, which any thread may call.
 */
public final class FileFollower implements Closeable {
    /** How often the file system is looked at while no line is ready, unless configured. */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(250);
    /** How long a replaced file must stay unchanged before it is closed, unless configured. */
    public static final Duration DEFAULT_ROTATION_GRACE = Duration.ofSeconds(1);
    private static final long NOT_REPLACED = Long.MIN_VALUE;

    private final Path path;
    private final long pollNanos;
    private final long graceNanos;
    private final int maxLineBytes;
    private final FollowClock clock;
    private final Resume resume;
    private final FollowListener listener;
    private FollowedFile current;
    /** When the path was first seen not to name {@link #current}, or {@link #NOT_REPLACED}. */
    private long replacedSinceNanos = NOT_REPLACED;
    private volatile boolean wakeupRequested;
    private boolean closed;
    private long rotations;
    private long truncations;
    /** Whether the listener was told that nothing is at the path (once per absence). */
    private boolean toldWaiting;

    /**
     * Where reading resumes in a file read before.
     *
     * @param fingerprint the file's fingerprint when the checkpoint was taken
     * @param offset      a line start: bytes read
     * @param linesBefore lines read
     */
    public record Checkpoint(Fingerprint fingerprint, long offset, long linesBefore) {
        public Checkpoint {
            if (fingerprint == null) {
                throw new IllegalArgumentException("fingerprint must not be null");
            }
            if (offset < 0 || linesBefore < 0) {
                throw new IllegalArgumentException("offset and linesBefore must be >= 0, were " + offset
                        + " and " + linesBefore);
            }
        }
    }

    /** Finds the checkpoint of a file by its head, or null when the file was not read before. */
    @FunctionalInterface
    public interface Resume {
        Checkpoint find(FileHead head);
    }

    private FileFollower(Builder b) {
        this.path = b.path;
        this.pollNanos = b.pollInterval.toNanos();
        this.graceNanos = b.rotationGrace.toNanos();
        this.maxLineBytes = b.maxLineBytes;
        this.clock = b.clock;
        this.resume = b.resume;
        this.listener = b.listener;
    }

    /** Options for following {@code path}; nothing is opened before {@link Builder#open()}. */
    public static Builder builder(Path path) {
        return new Builder(path);
    }

    /**
     * Advances to the next complete line, waiting up to {@code timeout} for one.
     *
     * @return true when a line is current; false on timeout or after {@link #wakeup()}
     * @throws IOException          when the path names something that cannot be followed, or reading fails
     * @throws InterruptedException when the thread is interrupted while waiting
     */
    public boolean next(long timeout, TimeUnit unit) throws IOException, InterruptedException {
        ensureOpen();
        if (current != null && current.lines().next()) {
            return true;
        }
        // when awaitLines says lines are ready, the reader has them (the stream ends only after a newline)
        return awaitLines(timeout, unit) && current.lines().next();
    }

    /**
     * Waits up to {@code timeout} until {@link #reader()} holds a complete line, switching files on
     * rotation and truncation as needed; consumes nothing.
     *
     * @return true when {@link #reader()}{@code .next()} will give a line; false on timeout or wakeup
     */
    public boolean awaitLines(long timeout, TimeUnit unit) throws IOException, InterruptedException {
        ensureOpen();
        long timeoutNanos = Math.max(0, unit.toNanos(timeout));
        long startNanos = clock.nanoTime();
        while (true) {
            if (current != null && current.hasLinesReady()) {
                return true;
            }
            if (poll()) {
                continue;
            }
            if (wakeupRequested) {
                wakeupRequested = false;
                return false;
            }
            long leftNanos = timeoutNanos - (clock.nanoTime() - startNanos);
            if (leftNanos <= 0) {
                return false;
            }
            clock.pause(Math.min(leftNanos, pollNanos));
        }
    }

    /** Looks at the file system once; true if lines may be ready now. */
    private boolean poll() throws IOException {
        long now = clock.nanoTime();
        if (current == null) {
            return openAtPath(FollowStart.BEGINNING);
        }
        FollowedFile.Refresh r = current.refresh(now);
        if (r == FollowedFile.Refresh.TRUNCATED) {
            truncations++;
            if (current.lastTruncation().fingerprint() != null) { // else no line of it was read
                listener.truncated(current.lastTruncation());
            }
            return true;
        }
        if (r == FollowedFile.Refresh.GREW) {
            return true;
        }
        if (current.isStillAt(path)) {
            replacedSinceNanos = NOT_REPLACED;
            return false;
        }
        // rotated or deleted: keep reading the old file until its writer has moved on
        if (replacedSinceNanos == NOT_REPLACED) {
            replacedSinceNanos = now;
        }
        if (now - Math.max(replacedSinceNanos, current.lastChangeNanos()) < graceNanos) {
            return false;
        }
        FollowedFile old = current;
        current = null;
        replacedSinceNanos = NOT_REPLACED;
        rotations++;
        old.close();
        toldWaiting = false;
        boolean opened = openAtPath(FollowStart.BEGINNING);
        listener.rotated(path);
        return opened;
    }

    /** Opens whatever is at the path now, where its checkpoint says if it has one, else per {@code start}. */
    private boolean openAtPath(FollowStart start) throws IOException {
        FollowedFile f = FollowedFile.open(path, maxLineBytes, clock.nanoTime());
        if (f == null) {
            if (!toldWaiting && rotations > 0) {
                toldWaiting = true;
                listener.waiting(path);
            }
            return false;
        }
        try {
            FileHead head = f.readHead(false);
            Checkpoint c = resume == null ? null : resume.find(head);
            if (c != null && f.canResumeAt(head, c.fingerprint(), c.offset())) {
                f.resumeAt(head, c.offset(), c.linesBefore());
            } else if (start == FollowStart.END) {
                f.readFromEnd();
            } else {
                f.readFrom(0, 0);
                f.grow(head); // identified at once when its first line is there
            }
        } catch (IOException | RuntimeException e) {
            try {
                f.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        current = f;
        return true;
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("follower of " + path + " is closed");
        }
    }

    /**
     * Makes the current wait of {@link #next} or {@link #awaitLines} (or, if none is waiting, the next one
     * that would wait) return false promptly. Thread-safe: meant for a Ctrl-C handler.
     */
    public void wakeup() {
        wakeupRequested = true;
        clock.wake();
    }

    /** The buffer holding the current line (reused: valid until the next call of {@link #next}). */
    public byte[] buffer() {
        return current.lines().buffer();
    }

    /** Offset of the current line in {@link #buffer()}. */
    public int lineStart() {
        return current.lines().lineStart();
    }

    /** Offset in {@link #buffer()} after the current line (before its newline); for a too-long line, after its sample. */
    public int lineEnd() {
        return current.lines().lineEnd();
    }

    /** 1-based number of the current line in its file (counting lines skipped by the start position). */
    public long lineNumber() {
        return current.lineNumberBase() + current.lines().lineNumber();
    }

    /** Whether the current line exceeded {@link #maxLineBytes()}; only its first bytes are in the buffer. */
    public boolean isTooLong() {
        return current.lines().isTooLong();
    }

    /** File offset of the current line's first byte. */
    public long lineOffset() {
        return current.offsetBase() + current.lines().lineStreamOffset();
    }

    /**
     * File offset just after the current line's newline: with {@link #fingerprint()} and
     * {@link #lineNumber()}, the checkpoint to {@link Builder#resumeFrom} after this line.
     */
    public long nextLineOffset() {
        return current.offsetBase() + current.lines().nextLineStreamOffset();
    }

    /**
     * The content fingerprint of the file the current line (or, after {@link #awaitLines}, the reader's
     * lines) comes from; never null then. It grows with the file up to {@link Fingerprint#MAX_BYTES}.
     * Null when no file is open or its first line is not complete yet.
     */
    public Fingerprint fingerprint() {
        return current == null ? null : current.fingerprint();
    }

    /** The head behind {@link #fingerprint()}: what a caller matches its checkpoints with. Null like it. */
    public FileHead head() {
        return current == null ? null : current.head();
    }

    /** Whether a file is open (one was at the path, and the follower has not left it). */
    public boolean hasFile() {
        return current != null;
    }

    /** Whether {@code file} names the file being read (same file key: a rename does not change it). */
    public boolean isReading(Path file) throws IOException {
        return current != null && current.isStillAt(file);
    }

    /** The limit on line length in bytes. */
    public int maxLineBytes() {
        return maxLineBytes;
    }

    /**
     * The reader of the current file, for consuming runs of lines after {@link #awaitLines}. Its offsets and
     * line numbers count from {@link #offsetBase()} and {@link #lineNumberBase()}; it ends (returns false)
     * when the lines ready so far are consumed. Do not close it. Changes when the file changes.
     */
    public LineReader reader() {
        return current.lines();
    }

    /** File offset where {@link #reader()}'s stream offset 0 is. */
    public long offsetBase() {
        return current.offsetBase();
    }

    /** Lines of the file before {@link #reader()}'s first line. */
    public long lineNumberBase() {
        return current.lineNumberBase();
    }

    /** The followed path. */
    public Path path() {
        return path;
    }

    /** Files left because the path named another file or nothing (rotation by rename, deletion). */
    public long rotations() {
        return rotations;
    }

    /** Times the file was read again from its start after a truncation (copytruncate). */
    public long truncations() {
        return truncations;
    }

    /** Closes the open file, if any. Idempotent. */
    @Override
    public void close() throws IOException {
        closed = true;
        FollowedFile f = current;
        current = null;
        if (f != null) {
            f.close();
        }
    }

    /** Options of a {@link FileFollower}. Not thread-safe. */
    public static final class Builder {
        private final Path path;
        private FollowStart start = FollowStart.END;
        private Resume resume;
        private FollowListener listener = FollowListener.NONE;
        private Duration pollInterval = DEFAULT_POLL_INTERVAL;
        private Duration rotationGrace = DEFAULT_ROTATION_GRACE;
        private int maxLineBytes = LineReader.DEFAULT_MAX_LINE_BYTES;
        private FollowClock clock = FollowClock.system();

        private Builder(Path path) {
            if (path == null) {
                throw new IllegalArgumentException("path must not be null");
            }
            this.path = path;
        }

        /**
         * Where to start in the file found at the path on {@link #open()} (default {@link FollowStart#END},
         * which reads the file once to count the lines it skips, so that line numbers stay true).
         */
        public Builder start(FollowStart where) {
            if (where == null) {
                throw new IllegalArgumentException("start must not be null");
            }
            this.start = where;
            return this;
        }

        /**
         * Continues a previous run: a file opened whose head matches {@code fingerprint} (and in which
         * {@code offset} is a line start) is read from {@code offset} on, with {@code linesBefore} lines
         * counted; otherwise {@link #start} applies.
         */
        public Builder resumeFrom(Fingerprint fingerprint, long offset, long linesBefore) {
            Checkpoint c = new Checkpoint(fingerprint, offset, linesBefore);
            this.resume = head -> head.matches(c.fingerprint()) ? c : null;
            return this;
        }

        /**
         * Continues previous runs: every file opened (the first, and each found after a rotation) is
         * looked up by its head in {@code checkpoints}; one it knows is read from its checkpoint on.
         */
        public Builder resumeWith(Resume checkpoints) {
            if (checkpoints == null) {
                throw new IllegalArgumentException("checkpoints must not be null");
            }
            this.resume = checkpoints;
            return this;
        }

        /** Told of truncations and of an empty path ({@link FollowListener}); none by default. */
        public Builder listener(FollowListener l) {
            if (l == null) {
                throw new IllegalArgumentException("listener must not be null");
            }
            this.listener = l;
            return this;
        }

        /** How often to look at the file system while no line is ready (default 250 ms). */
        public Builder pollInterval(Duration interval) {
            if (interval == null || interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("pollInterval must be positive, was " + interval);
            }
            this.pollInterval = interval;
            return this;
        }

        /** How long a rotated or deleted file must stay unchanged before it is closed (default 1 s). */
        public Builder rotationGrace(Duration grace) {
            if (grace == null || grace.isNegative()) {
                throw new IllegalArgumentException("rotationGrace must be >= 0, was " + grace);
            }
            this.rotationGrace = grace;
            return this;
        }

        /** Longest line kept whole (default {@link LineReader#DEFAULT_MAX_LINE_BYTES}); at least 16. */
        public Builder maxLineBytes(int bytes) {
            if (bytes < 16) {
                throw new IllegalArgumentException("maxLineBytes must be at least 16, was " + bytes);
            }
            this.maxLineBytes = bytes;
            return this;
        }

        Builder clock(FollowClock c) {
            this.clock = c;
            return this;
        }

        /**
         * Opens the file at the path if there is one (positioned per {@link #start} or the checkpoint);
         * otherwise the follower waits for it.
         *
         * @throws IOException when the path names something that cannot be followed
         */
        public FileFollower open() throws IOException {
            FileFollower f = new FileFollower(this);
            f.openAtPath(start);
            return f;
        }
    }
}
