package io.ngxtime.analyzer;

import io.ngxtime.analyzer.files.IoErrorText;
import io.ngxtime.analyzer.files.TempDirectories;
import io.ngxtime.analyzer.live.LiveWindow;
import io.ngxtime.analyzer.live.Surge;
import io.ngxtime.analyzer.queue.Batch;
import io.ngxtime.analyzer.queue.FollowIngester;
import io.ngxtime.analyzer.queue.FollowNotice;
import io.ngxtime.analyzer.queue.QueueIngester;
import io.ngxtime.analyzer.queue.RecordStore;
import io.ngxtime.analyzer.report.Report;
import io.ngxtime.analyzer.source.FollowStart;
import io.ngxtime.grammar.LogFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A live session, what {@code tail} runs: one log followed into a record queue ({@link FollowIngester}, on a
 * thread of its own), and a sliding window over what arrives ({@link LiveWindow}), closed every interval into
 * a {@link Frame} (the window's report, the last interval's requests, the surge, the lines seen).
 *
 * <p>The queue is the request's, kept (a restart continues where it stopped, and the window is rebuilt from
 * the records of its last {@code windowSeconds}), or a temporary one deleted at the end. Time comes from the
 * request's {@link LiveClock}. {@link #run} returns when {@link #stop()} is called, when the duration is up,
 * or fails with what ended the following.
 */
public final class LiveSession {
    /** How long the window waits for a record before it looks at the clock again. */
    private static final long PAUSE_MILLIS = 20;

    /**
     * What to follow and how.
     *
     * @param file            the log path (it may not exist yet)
     * @param queue           the queue to keep the records in, or null for a temporary one
     * @param format          the log's format
     * @param readFromStart   read the file at the path from its start (else from its end) when the queue has
     *                        never read this log
     * @param windowSeconds   the sliding window, at least {@code intervalSeconds}
     * @param intervalSeconds one frame every this many seconds, at least 1
     * @param duration        stop after this long; {@link Duration#ZERO}: until {@link #stop()}
     * @param maxLineBytes    longer lines are rejected
     * @param clock           time, {@link LiveClock#system()} outside tests
     */
    public record Request(Path file, Path queue, LogFormat format, boolean readFromStart, int windowSeconds,
                          int intervalSeconds, Duration duration, int maxLineBytes, LiveClock clock) {
        public Request {
            if (file == null || format == null || duration == null || clock == null) {
                throw new IllegalArgumentException("file, format, duration and clock must not be null");
            }
            if (intervalSeconds < 1 || windowSeconds < intervalSeconds) {
                throw new IllegalArgumentException("the interval must be at least 1 and the window at least the interval");
            }
        }
    }

    /**
     * One refresh: the window's closed intervals merged.
     *
     * @param view                 the report of the window
     * @param lastIntervalRequests requests in the interval just closed
     * @param surge                whether that interval is a surge ({@link LiveWindow#surge})
     * @param linesSeen            lines (requests and rejected) read since the session started
     * @param rejectedSeen         rejected lines read since the session started
     */
    public record Frame(Report view, long lastIntervalRequests, Optional<Surge> surge, long linesSeen,
                        long rejectedSeen) {
    }

    /** Told each frame and each follow notice. */
    public interface Listener {
        /** A frame, on the thread that runs the session; an exception thrown here ends the session. */
        void frame(Frame frame);

        /** What may be lost or is awaited ({@link FollowNotice}), on the following thread. */
        default void notice(FollowNotice notice) {
        }
    }

    /** The queue cannot be written: it does not open, or its directory went away; the message is the one line. */
    public static final class QueueUnwritableException extends IOException {
        QueueUnwritableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The log path cannot be followed (not a regular file, not readable); the cause says why. */
    public static final class FollowException extends IOException {
        FollowException(IOException cause) {
            super(cause.getMessage(), cause);
        }

        @Override
        public synchronized IOException getCause() {
            return (IOException) super.getCause();
        }
    }

    private final Request request;
    private final AtomicBoolean stop = new AtomicBoolean();
    private Runnable beforeFollowerOpens = () -> { };
    private Runnable afterAppend = () -> { };

    public LiveSession(Request request) {
        this.request = request;
    }

    /** Test seam: runs after the queue is opened and before the follower opens the file. */
    public LiveSession beforeFollowerOpens(Runnable r) {
        this.beforeFollowerOpens = r;
        return this;
    }

    /** Test seam: runs after every batch the follower appends to the queue (on the following thread). */
    public LiveSession afterAppend(Runnable r) {
        this.afterAppend = r;
        return this;
    }

    /** Ends {@link #run} soon (after the frame being made, if any). Thread-safe. */
    public void stop() {
        stop.set(true);
    }

    /**
     * Follows and frames until stopped or the duration is up; the follower is stopped and a temporary queue
     * deleted before it returns or throws.
     *
     * @throws QueueUnwritableException        when the queue does not open or its directory is removed
     * @throws QueueIngester.AppendException   when the queue cannot take a batch (it names the file and line)
     * @throws FollowException                 when the path cannot be followed
     * @throws IOException                     when no temporary queue can be made
     */
    public void run(Listener listener) throws IOException, InterruptedException {
        Path dir = request.queue();
        boolean temporary = dir == null;
        if (temporary) {
            dir = Files.createTempDirectory("ngxtime-tail-");
        }
        AtomicReference<Throwable> failure = new AtomicReference<>();
        boolean queueGone = false;
        LiveClock clock = request.clock();
        try (RecordStore store = open(dir)) {
            QueueIngester ingester = new QueueIngester(store, request.format(), request.maxLineBytes(), true);
            ingester.afterAppend(afterAppend);
            beforeFollowerOpens.run();
            FollowIngester follower = openFollower(ingester, listener);
            // the view is positioned before the follower appends anything, so no line is missed: at the end
            // of a new queue, or, on a kept queue, where the window starts (its state rebuilt from the queue)
            RecordStore.BatchReader viewReader = store.reader(null);
            long since = temporary ? -1 : store.seek(clock.wallMillis() - request.windowSeconds() * 1000L);
            if (since >= 0) {
                viewReader.moveTo(since);
            } else {
                viewReader.toEnd();
            }
            Thread reading = new Thread(() -> follow(follower, failure), "ngxtime-follow");
            reading.start();
            int intervalSeconds = request.intervalSeconds();
            LiveWindow window = new LiveWindow(request.windowSeconds() / intervalSeconds);
            long intervalNanos = TimeUnit.SECONDS.toNanos(intervalSeconds);
            long end = request.duration().isZero() ? Long.MAX_VALUE : clock.nanoTime() + request.duration().toNanos();
            try (RecordStore.BatchReader reader = viewReader) {
                long nextTick = clock.nanoTime() + intervalNanos;
                while (!stop.get() && failure.get() == null) {
                    Batch b = reader.next();
                    if (b != null) {
                        window.add(b);
                        continue;
                    }
                    long now = clock.nanoTime();
                    if (now >= nextTick) {
                        if (!store.isPresent()) { // nothing else notices while no line comes
                            queueGone = true;
                            break;
                        }
                        window.tick();
                        listener.frame(new Frame(window.view(request.file().toString(), request.format().name()),
                                window.lastIntervalRequests(), window.surge(intervalSeconds), window.linesSeen(),
                                window.rejectedSeen()));
                        nextTick += intervalNanos;
                    }
                    if (now >= end) {
                        break;
                    }
                    clock.pause(PAUSE_MILLIS);
                }
            } finally {
                stop.set(true);
                follower.wakeup();
                reading.join();
                follower.close();
            }
        } finally {
            if (temporary) {
                TempDirectories.deleteTree(dir);
            }
        }
        Throwable t = failure.get();
        if (t instanceof QueueIngester.AppendException io) {
            throw io;
        } else if (t instanceof IOException io) {
            throw new FollowException(io);
        } else if (queueGone) {
            throw new QueueUnwritableException("cannot write queue " + dir + ": its directory was removed (or replaced)"
                    + " while tail was running; the records in it are lost", null);
        } else if (t != null) {
            throw new IllegalStateException(t);
        }
    }

    private static RecordStore open(Path dir) throws QueueUnwritableException {
        try {
            return RecordStore.open(dir);
        } catch (IOException e) {
            throw new QueueUnwritableException("cannot write queue " + dir + ": " + IoErrorText.describe(e), e);
        }
    }

    private FollowIngester openFollower(QueueIngester ingester, Listener listener) throws FollowException {
        try {
            return FollowIngester.builder(ingester, request.file()).maxLineBytes(request.maxLineBytes())
                    .start(request.readFromStart() ? FollowStart.BEGINNING : FollowStart.END)
                    .notices(listener::notice)
                    .open();
        } catch (IOException e) {
            throw new FollowException(e);
        }
    }

    private void follow(FollowIngester follower, AtomicReference<Throwable> failure) {
        try {
            follower.run(stop::get);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable t) {
            failure.set(t);
        }
    }
}
