package io.ngxtime.analyzer;

import io.ngxtime.analyzer.live.LiveView;
import io.ngxtime.analyzer.live.LiveWindow;
import io.ngxtime.analyzer.queue.Batch;
import io.ngxtime.analyzer.queue.FollowIngester;
import io.ngxtime.analyzer.queue.QueueIngester;
import io.ngxtime.analyzer.queue.RecordStore;
import io.ngxtime.analyzer.queue.SourceCheckpoint;
import io.ngxtime.analyzer.record.Request;
import io.ngxtime.analyzer.source.FollowStart;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * One log of a {@link LiveSession}: its record queue, the follower that appends to it (on a thread of its own),
 * the reader of the queue, the log-time window over what is read, and its counts. The session's thread does
 * everything here but {@link #follow}; {@link #failure} is how the following thread tells what ended it.
 */
final class LiveLog {
    /** Batches read per turn, so that several logs and the frames take turns during a backlog. */
    private static final int BATCHES_PER_TURN = 64;

    final LiveSession.Log log;
    /** The path as given: the key of its view and status. */
    final String name;
    final Path queueDir;
    final RecordStore store;
    final LiveWindow window;
    final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final RecordStore.BatchReader reader;
    /** Batches up to this queue index were in the queue when the session began: read again, not from the log. */
    private final long lastIndexAtOpen;
    /** Requests the queue held when the session began, those retention had deleted included. */
    private final long requestsHeldAtOpen;
    private FollowIngester follower;
    private QueueIngester ingester;
    private Thread thread;
    private long requestsRead;
    private long linesRead;
    private long rejectedRead;
    private long lastLineWallMillis = -1;
    private boolean caughtUp;

    /**
     * Opens nothing but reads the queue (open already): what it holds, where the window is rebuilt from, when
     * its coverage begins.
     *
     * @throws java.io.IOException when the queue's ledger of deleted records cannot be read
     */
    LiveLog(LiveSession.Log log, Path queueDir, RecordStore store, LiveSession.Request request, long startWallMillis)
            throws java.io.IOException {
        this.log = log;
        this.name = log.file().toString();
        this.queueDir = queueDir;
        this.store = store;
        this.lastIndexAtOpen = store.lastIndex();
        // held and dropped (by retention) read together: their sum is every request appended, whatever retention
        // deletes later
        this.requestsHeldAtOpen = store.requestsHeld() + store.requestsDropped();
        RecordStore.BatchReader r = store.reader(null);
        LiveWindow.Coverage coverage;
        Batch latest = lastIndexAtOpen < 0 ? null : store.lastBatchWithTime();
        if (latest != null) {
            // a kept queue: the window (and the sparkline) rebuilt from its records, covered from where they are read
            long rebuildFrom = Math.max(latest.runningMaxTime(), latest.maxTime()) - rebuildMillis(request);
            long since = store.seek(rebuildFrom);
            long first = firstTimeHeld(store);
            coverage = LiveWindow.Coverage.since(Math.max(first, rebuildFrom));
            if (since >= 0) {
                r.moveTo(since);
            } else {
                r.toEnd();
            }
        } else {
            coverage = lastIndexAtOpen >= 0 || log.readFromStart() ? LiveWindow.Coverage.fromFirstRecord()
                    : LiveWindow.Coverage.fromFollowStart(startWallMillis);
            r.toEnd(); // what the queue holds has no time: nothing to rebuild a window from
        }
        this.reader = r;
        this.window = new LiveWindow(request.windowSeconds(), request.intervalSeconds(), request.filter(), coverage);
    }

    /** The log time read again from a kept queue: the window and the sparkline, and the interval being filled. */
    private static long rebuildMillis(LiveSession.Request request) {
        long interval = request.intervalSeconds() * 1000L;
        return Math.max(request.windowSeconds() * 1000L, LiveWindow.SPARKLINE_INTERVALS * interval) + interval;
    }

    /** The earliest request time among the queue's first batches (Long.MIN_VALUE when none of them has one). */
    private static long firstTimeHeld(RecordStore store) {
        try (RecordStore.BatchReader r = store.reader(null)) {
            // headers only: a batch's bytes are not needed for its time range
            for (int i = 0; i < 1000 && r.next(header -> false) != RecordStore.BatchReader.Read.END; i++) {
                long[] range = r.timeRange();
                if (range != null && range[0] != Long.MAX_VALUE) {
                    return range[0];
                }
            }
        }
        return Long.MIN_VALUE;
    }

    /** Opens the follower (the file at the path, if any). */
    void openFollower(Consumer<io.ngxtime.analyzer.queue.FollowNotice> notices, LiveClock clock, Runnable afterAppend,
                      int maxLineBytes) throws LiveSession.FollowException {
        ingester = new QueueIngester(store, log.format(), maxLineBytes, true);
        ingester.wallClock(clock::wallMillis);
        ingester.afterAppend(afterAppend);
        try {
            follower = FollowIngester.builder(ingester, log.file()).maxLineBytes(maxLineBytes)
                    .start(log.readFromStart() ? FollowStart.BEGINNING : FollowStart.END)
                    .notices(notices)
                    .open();
        } catch (IOException e) {
            throw new LiveSession.FollowException(log.file(), e);
        }
    }

    /** Starts following on a thread of its own, until {@code stop} says so. */
    void start(java.util.function.BooleanSupplier stop) {
        thread = new Thread(() -> {
            try {
                follower.run(stop);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "ngxtime-follow-" + log.file().getFileName());
        thread.start();
    }

    /**
     * Reads what the queue holds next, up to a turn's worth, into the window; the request hook is told each
     * request read from the log since the session began that the filter keeps.
     *
     * @return whether a batch was read
     */
    boolean readTurn(LiveClock clock, LiveSession.Listener listener) {
        // read before the queue is found at its end: then everything the follower appended before it is in
        boolean followerAtEnd = follower != null && follower.caughtUp();
        Consumer<Request> hook = r -> listener.request(name, r);
        Consumer<Request> none = r -> { };
        int n = 0;
        boolean atEnd = false;
        while (n < BATCHES_PER_TURN) {
            Batch b = reader.next();
            if (b == null) {
                atEnd = true;
                break;
            }
            n++;
            if (ingester != null) {
                // a backlog: the follower is ahead; what lies a window before where it has got is never shown
                window.logReached(ingester.appendedMaxTime());
            }
            boolean fromLog = reader.index() > lastIndexAtOpen;
            long readWall = readWallMillis(b, clock);
            window.caughtUp(caughtUp);
            window.add(b, readWall, fromLog ? hook : none);
            if (fromLog) {
                long lines = b.size() + b.rejected();
                requestsRead += b.size();
                linesRead += lines;
                rejectedRead += b.rejected();
                if (lines > 0) {
                    lastLineWallMillis = Math.max(lastLineWallMillis, readWall);
                }
                if (b.rejected() > 0) {
                    listener.rejected(name, b.rejected());
                }
            }
        }
        caughtUp = atEnd && followerAtEnd;
        window.caughtUp(caughtUp);
        return n > 0;
    }

    /** When the batch was appended (its own checkpoint moved then), else now. */
    private static long readWallMillis(Batch b, LiveClock clock) {
        List<SourceCheckpoint> c = b.checkpoints();
        if (!c.isEmpty()) {
            long moved = c.get(c.size() - 1).movedMillis();
            if (moved > 0) {
                return moved;
            }
        }
        return clock.wallMillis();
    }

    LiveView view(long wallMillis) {
        return window.view(wallMillis, name, log.format().name());
    }

    LiveSession.FileStatus status(long wallMillis) {
        return new LiveSession.FileStatus(name, follower != null && follower.waiting(),
                follower == null ? 0 : follower.rotations(), follower == null ? 0 : follower.truncations(), linesRead,
                rejectedRead, requestsTotal(), lastLineWallMillis < 0 ? OptionalLong.empty()
                        : OptionalLong.of(Math.max(0, wallMillis - lastLineWallMillis)), caughtUp);
    }

    /**
     * Deletes what {@code policy} no longer keeps of this log's queue. A failure is left to the next pass and to
     * the appends, which say what is wrong with the queue.
     */
    void applyRetention(io.ngxtime.analyzer.queue.Retention policy, long wallMillis) {
        try {
            store.applyRetention(policy, wallMillis);
        } catch (java.io.IOException | RuntimeException e) {
            // the queue is full or gone: the follower's next append ends the session with one line saying so
        }
    }

    long requestsTotal() {
        return requestsHeldAtOpen + requestsRead;
    }

    long linesRead() {
        return linesRead;
    }

    long rejectedRead() {
        return rejectedRead;
    }

    long lastLineWallMillis() {
        return lastLineWallMillis;
    }

    boolean caughtUp() {
        return caughtUp;
    }

    /** Ends following: wakes the follower, waits for its thread, closes it and the reader. */
    void stopFollowing() throws InterruptedException {
        if (follower != null) {
            follower.wakeup();
        }
        boolean interrupted = false;
        if (thread != null) {
            // joined to its end even when interrupted: the store is closed next, and closing it unmaps at once the
            // files the follower would still be appending to (Chronicle releases on the closing thread)
            while (true) {
                try {
                    thread.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        reader.close();
        if (follower != null) {
            try {
                follower.close();
            } catch (IOException e) {
                // closing a read-only file: nothing was lost
            }
        }
        if (interrupted) {
            throw new InterruptedException("interrupted while the follower stopped");
        }
    }
}
