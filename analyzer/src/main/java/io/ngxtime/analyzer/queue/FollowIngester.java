package io.ngxtime.analyzer.queue;

import io.ngxtime.analyzer.source.FileFollower;
import io.ngxtime.analyzer.source.FileHead;
import io.ngxtime.analyzer.source.FollowListener;
import io.ngxtime.analyzer.source.FollowStart;
import io.ngxtime.analyzer.source.Input;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Follows one log path into the record queue, exactly once across restarts and rotations: what
 * {@code tail --queue} does on its reading thread.
 *
 * <p>Contract:
 * <ul>
 * <li><b>Files are known by content.</b> Every file opened at the path is looked up among the queue's
 *     checkpoints by its head ({@link QueueIngester#checkpoint}); one the queue knows is read from its
 *     checkpoint on, whatever it is called now.</li>
 * <li><b>First start.</b> On a queue that has never read this log, the file at the path is read from its
 *     end or its start per {@link Builder#start}.</li>
 * <li><b>Restart.</b> On a queue that has ({@link RotationCatchUp#knowsLog}), a file at the path the queue
 *     has not seen is new since following stopped: it is read from its start. Before the path's lines, the
 *     rotated files' lines the queue lacks are read ({@link RotationCatchUp}: renamed, compressed, dated;
 *     what was written to them while nothing followed). The file read last, if found nowhere, is named.</li>
 * <li><b>Where reading starts is kept at once</b> (a checkpoint without lines), and since when the log is
 *     followed ({@link QueueIngester#noteFollowed}), so a file read from its end, or a log empty when
 *     following started, rotated before its first new line is still known after a restart.</li>
 * <li><b>Rotations while following.</b> When the follower moves to the next file, a file that came and
 *     went at the path within its rotation grace is read as at a restart.</li>
 * <li><b>copytruncate.</b> When the log is truncated in place, the rest of its old content is read from
 *     logrotate's copy; what no copy holds is said.</li>
 * <li><b>Errors.</b> A queue that cannot take a batch (full disk, removed directory) ends {@link #run} with
 *     {@link QueueIngester.AppendException}; a path that cannot be followed (not a regular file, not
 *     readable) with an {@link IOException}. What reached the queue before is whole, and a restart goes
 *     on from there.</li>
 * </ul>
 * Notices ({@link FollowNotice}) go to the consumer given, on the following thread. Not thread-safe,
 * except {@link #wakeup()} and the state a live view reads while it runs ({@link #caughtUp()},
 * {@link #waiting()}, {@link #rotations()}, {@link #truncations()}).
 */
public final class FollowIngester implements Closeable {
    private final QueueIngester ingester;
    private final Input input;
    private final RotationCatchUp rotations;
    private final Consumer<FollowNotice> notices;
    private final FileFollower follower;
    /** What ends reading: {@link #run}'s stop, or the end of {@link #run}. */
    private volatile BooleanSupplier stopped = () -> false;
    /** See {@link #caughtUp()}; written on the following thread only. */
    private volatile boolean caughtUp;
    /** See {@link #waiting()}. */
    private volatile boolean waiting;
    private volatile long rotationsSeen;
    private volatile long truncationsSeen;

    private FollowIngester(Builder b) throws IOException {
        this.ingester = b.ingester;
        this.input = Input.file(b.log);
        this.rotations = new RotationCatchUp(b.ingester, b.log);
        this.rotations.afterListing = b.afterListing;
        this.notices = b.notices;
        FollowStart start = rotations.knowsLog(headAt(b.log)) ? FollowStart.BEGINNING : b.start;
        FollowListener listener = new FollowListener() {
            @Override
            public void truncated(Truncation t) throws IOException {
                rotations.afterTruncation(t, stopped, notices);
            }

            @Override
            public void rotated(Path path) throws IOException {
                rotations.catchUp(follower, false, stopped, notices);
            }

            @Override
            public void waiting(Path path) {
                notices.accept(new FollowNotice.Waiting(path.toString()));
            }
        };
        this.follower = FileFollower.builder(b.log).start(start).maxLineBytes(b.maxLineBytes)
                .pollInterval(b.pollInterval).rotationGrace(b.rotationGrace).listener(listener)
                .resumeWith(head -> {
                    SourceCheckpoint c = ingester.checkpoint(head);
                    return c == null ? null : new FileFollower.Checkpoint(c.fingerprint(), c.offset(), c.lines());
                })
                .open();
        this.waiting = !follower.hasFile();
    }

    /** Following {@code log} into {@code ingester}'s queue; nothing is opened before {@link Builder#open()}. */
    public static Builder builder(QueueIngester ingester, Path log) {
        return new Builder(ingester, log);
    }

    /**
     * Reads until {@code stop} says so (then {@link #wakeup()} ends a wait): first what the queue lacks of
     * the rotated files, then the path's lines as they are written.
     *
     * @throws QueueIngester.AppendException when the queue cannot take a batch
     * @throws IOException                   when the path cannot be followed
     */
    public void run(BooleanSupplier stop) throws IOException, InterruptedException {
        boolean[] ended = {false};
        BooleanSupplier stopped = () -> ended[0] || stop.getAsBoolean();
        this.stopped = stopped;
        try {
            rotations.catchUp(follower, true, stopped, notices);
            ingester.noteFollowed(input.name()); // since when the log is followed, unless noted before
            if (follower.head() != null) {
                // keep where reading starts before any line: the checkpoint written, no line read
                ingester.read(follower.reader(), input, follower.head(), follower.offsetBase(), follower.lineNumberBase(),
                        () -> true);
            }
            while (!stopped.getAsBoolean()) {
                // one look without waiting first: finding no line beyond those read is reaching the end
                boolean ready = follower.awaitLines(0, TimeUnit.MILLISECONDS);
                noteFollowerState();
                if (!ready) {
                    caughtUp = true;
                    ready = follower.awaitLines(250, TimeUnit.MILLISECONDS);
                    noteFollowerState();
                }
                if (ready) {
                    ingester.read(follower.reader(), input, follower.head(), follower.offsetBase(),
                            follower.lineNumberBase(), stopped);
                }
            }
        } finally {
            ended[0] = true;
        }
    }

    private void noteFollowerState() {
        waiting = !follower.hasFile();
        rotationsSeen = follower.rotations();
        truncationsSeen = follower.truncations();
    }

    /**
     * Whether reading has reached the end of the log once since {@link #run} began: false while the backlog
     * is read (the rotated files' lines the queue lacks, the rest of the file from its checkpoint or, per
     * {@link Builder#start}, from its start), true from the first time a look at the file found no complete
     * line beyond those read (or no file at the path). Lines read as they are written keep it true: a
     * follower that keeps up reaches the end again within a poll. Thread-safe; the batches read before it
     * turned true are in the queue when it does.
     */
    public boolean caughtUp() {
        return caughtUp;
    }

    /**
     * Whether no file is at the path (absent when following started, or removed after a rotation and not
     * back yet): what {@link FollowNotice.Waiting} tells. Thread-safe; as of the follower's last look.
     */
    public boolean waiting() {
        return waiting;
    }

    /** Files left at the path so far (rotation by rename, deletion; {@link FileFollower#rotations()}). Thread-safe. */
    public long rotations() {
        return rotationsSeen;
    }

    /** Times the file was read again from its start after a truncation so far ({@link FileFollower#truncations()}). Thread-safe. */
    public long truncations() {
        return truncationsSeen;
    }

    /** Ends a wait of {@link #run} promptly; {@link #run} returns once its {@code stop} says so. Thread-safe. */
    public void wakeup() {
        follower.wakeup();
    }

    /** Closes the open file. */
    @Override
    public void close() throws IOException {
        follower.close();
    }

    /** The head of the file at {@code log} now, or null (none there, or not readable: the follower says why). */
    private static FileHead headAt(Path log) {
        if (!Files.isRegularFile(log)) {
            return null;
        }
        try (InputStream raw = Files.newInputStream(log)) {
            return FileHead.read(new BufferedInputStream(raw, io.ngxtime.analyzer.source.Fingerprint.MAX_BYTES + 1));
        } catch (IOException e) {
            return null; // gone meanwhile, or not readable: the follower says which when it opens the path
        }
    }

    /** Options for {@link FollowIngester}. */
    public static final class Builder {
        private final QueueIngester ingester;
        private final Path log;
        private FollowStart start = FollowStart.END;
        private int maxLineBytes = io.ngxtime.analyzer.source.LineReader.DEFAULT_MAX_LINE_BYTES;
        private Duration pollInterval = FileFollower.DEFAULT_POLL_INTERVAL;
        private Duration rotationGrace = FileFollower.DEFAULT_ROTATION_GRACE;
        private Consumer<FollowNotice> notices = n -> { };
        private Runnable afterListing = () -> { };

        private Builder(QueueIngester ingester, Path log) {
            if (ingester == null || log == null) {
                throw new IllegalArgumentException("ingester and log must not be null");
            }
            this.ingester = ingester;
            this.log = log;
        }

        /** Where to start in the file at the path when the queue has never read this log (default: its end). */
        public Builder start(FollowStart where) {
            if (where == null) {
                throw new IllegalArgumentException("start must not be null");
            }
            this.start = where;
            return this;
        }

        /** Longest line kept whole (see {@link FileFollower.Builder#maxLineBytes}). */
        public Builder maxLineBytes(int bytes) {
            this.maxLineBytes = bytes;
            return this;
        }

        /** How often to look at the file system while no line is ready (see {@link FileFollower.Builder#pollInterval}). */
        public Builder pollInterval(Duration interval) {
            this.pollInterval = interval;
            return this;
        }

        /** How long a rotated file must stay unchanged before it is left (see {@link FileFollower.Builder#rotationGrace}). */
        public Builder rotationGrace(Duration grace) {
            this.rotationGrace = grace;
            return this;
        }

        /** Where notices go (default: nowhere); called on the following thread. */
        public Builder notices(Consumer<FollowNotice> to) {
            if (to == null) {
                throw new IllegalArgumentException("notices must not be null");
            }
            this.notices = to;
            return this;
        }

        /** Test seam: runs each time the rotated files were listed, before any of them is read. */
        Builder afterRotatedFilesListed(Runnable r) {
            this.afterListing = r;
            return this;
        }

        /**
         * Opens the file at the path, if there is one, where its checkpoint says (else per the rules above).
         *
         * @throws IOException when the path names something that cannot be followed
         */
        public FollowIngester open() throws IOException {
            return new FollowIngester(this);
        }
    }
}
