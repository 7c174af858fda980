package io.ngxtime.analyzer;

import io.ngxtime.analyzer.files.IoErrorText;
import io.ngxtime.analyzer.aggregate.Aggregation;
import io.ngxtime.analyzer.aggregate.RequestFilter;
import io.ngxtime.analyzer.live.LiveView;
import io.ngxtime.analyzer.live.LiveWindow;
import io.ngxtime.analyzer.live.Surge;
import io.ngxtime.analyzer.queue.FollowIngester;
import io.ngxtime.analyzer.queue.FollowNotice;
import io.ngxtime.analyzer.queue.QueueIngester;
import io.ngxtime.analyzer.queue.RecordStore;
import io.ngxtime.analyzer.queue.Retention;
import io.ngxtime.analyzer.report.Report;
import io.ngxtime.grammar.LogFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A live session, what {@code tail} runs: one or several logs, each followed into a record queue of its own
 * ({@link FollowIngester}, on a thread of its own, with its own checkpoints and rotation state), and a sliding
 * window over each on the log's own time ({@link LiveWindow}), shown every interval as a {@link Frame}: the
 * logs merged, each log alone, and each log's status. The first frame comes at once, before anything is read.
 *
 * <p><b>Time.</b> Rates are over log time, the requests' timestamps, over the span the window really covers
 * ({@link LiveWindow}): while a log is read as it is written, log now is its latest timestamp plus the wall
 * time since that line was read; while a backlog is read (a restart after downtime, {@code --from-start}), the
 * latest timestamp read, and the frame says it is catching up. A format that logs no time falls back to the
 * time each line is read.
 *
 * <p><b>Queues.</b> With one log, the queue is the request's directory itself (as {@code tail --queue DIR}
 * always kept it); with several, each log's queue is the subdirectory {@link #queueName} of it, named from the
 * log's absolute path, so a restart with the same logs finds the same queues. A kept queue continues where it
 * stopped: the window and the sparkline are rebuilt from the records of its last minutes of log time, and
 * {@link Frame#requestsTotal()} counts the requests it holds. Without a queue, a temporary one is made and
 * deleted at the end.
 *
 * <p><b>Filters.</b> Only the requests the request's {@link RequestFilter} keeps enter the windows, the rates
 * and the {@link Listener#request} hook; rejected lines are always counted, and so is every request in
 * {@code requestsTotal}.
 *
 * <p>Time comes from the request's {@link LiveClock}. {@link #run} returns when {@link #stop()} is called, when
 * the duration is up, or fails with what ended the following of any log (the others are stopped).
 */
public final class LiveSession {
    /** How often the queues' retention is applied while following. */
    public static final Duration RETENTION_EVERY = Duration.ofMinutes(1);
    /** How long the session waits for a record before it looks at the clock again. */
    private static final long PAUSE_MILLIS = 20;

    /**
     * One log to follow.
     *
     * @param file          the log path (it may not exist yet)
     * @param format        its format (logs of several vhosts may differ)
     * @param readFromStart read the file at the path from its start (else from its end) when its queue has never
     *                      read this log
     */
    public record Log(Path file, LogFormat format, boolean readFromStart) {
        public Log {
            if (file == null || format == null) {
                throw new IllegalArgumentException("file and format must not be null");
            }
        }
    }

    /**
     * What to follow and how.
     *
     * @param logs            the logs, at least one, each path once
     * @param queue           the queue directory to keep the records in, or null for a temporary one (see the
     *                        class comment for its layout)
     * @param filter          the requests shown ({@link RequestFilter#ALL}: every one)
     * @param windowSeconds   the sliding window, at least {@code intervalSeconds}; it covers exactly this much
     *                        log time, also when it is not a multiple of the interval
     * @param intervalSeconds one frame every this many seconds, and the interval of the rates, at least 1
     * @param duration        stop after this long; {@link Duration#ZERO}: until {@link #stop()}
     * @param maxLineBytes    longer lines are rejected
     * @param clock           time, {@link LiveClock#system()} outside tests
     * @param retention       what each queue keeps ({@link RecordStore#applyRetention}, applied at the start and
     *                        then every {@link #RETENTION_EVERY}), or null to keep everything
     */
    public record Request(List<Log> logs, Path queue, RequestFilter filter, int windowSeconds, int intervalSeconds,
                          Duration duration, int maxLineBytes, LiveClock clock, Retention retention) {
        public Request {
            if (logs == null || logs.isEmpty() || filter == null || duration == null || clock == null) {
                throw new IllegalArgumentException("logs (at least one), filter, duration and clock must not be null");
            }
            logs = List.copyOf(logs);
            java.util.Set<Path> seen = new java.util.HashSet<>();
            for (Log l : logs) {
                if (!seen.add(l.file().toAbsolutePath().normalize())) {
                    throw new IllegalArgumentException("log " + l.file() + " is given twice");
                }
            }
            if (intervalSeconds < 1 || windowSeconds < intervalSeconds) {
                throw new IllegalArgumentException("the interval must be at least 1 and the window at least the interval");
            }
        }

        /** One log, every request shown. */
        public static Request of(Log log, Path queue, int windowSeconds, int intervalSeconds, Duration duration,
                                 int maxLineBytes, LiveClock clock) {
            return new Request(List.of(log), queue, RequestFilter.ALL, windowSeconds, intervalSeconds, duration,
                    maxLineBytes, clock, null);
        }
    }

    /**
     * One log's state at a frame.
     *
     * @param file                the path as given
     * @param waiting             no file is at the path (absent, or removed after a rotation): following waits
     *                            for one ({@link FollowNotice.Waiting})
     * @param rotations           files left at the path so far (renamed or deleted)
     * @param truncations         times the file was truncated in place (copytruncate) so far
     * @param linesSeen           lines (requests and rejected) read from the log since the session began
     * @param rejectedSeen        rejected lines among them
     * @param requestsTotal       requests its queue held when the session began plus those read since (unfiltered)
     * @param millisSinceLastLine wall milliseconds since its last line was read; empty while none was
     * @param caughtUp            whether the log is read as it is written (else a backlog is being read)
     */
    public record FileStatus(String file, boolean waiting, long rotations, long truncations, long linesSeen,
                             long rejectedSeen, long requestsTotal, OptionalLong millisSinceLastLine, boolean caughtUp) {
    }

    /**
     * One refresh.
     *
     * @param merged              the logs merged ({@link LiveWindow#merge}): with one log, that log's view
     * @param byFile              each log's own view, keyed by its path as given, in the request's order
     * @param files               each log's status, in the request's order
     * @param requestsTotal       every request read by this tail from the logs, before a restart on the same
     *                            queue too (the requests the queues held when the session began, plus those read
     *                            since); not filtered
     * @param linesSeen           lines (requests and rejected) read from the logs since the session began
     * @param rejectedSeen        rejected lines among them
     * @param millisSinceLastLine wall milliseconds since the last line of any log was read; empty while none was
     */
    public record Frame(LiveView merged, Map<String, LiveView> byFile, List<FileStatus> files, long requestsTotal,
                        long linesSeen, long rejectedSeen, OptionalLong millisSinceLastLine) {
        public Frame {
            byFile = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byFile));
            files = List.copyOf(files);
        }

        /** The merged window's report. */
        public Report view() {
            return merged.report();
        }

        /** The log time of the frame ("log now"), in the log's offset (UTC when no request had a time). */
        public OffsetDateTime logTime() {
            return merged.logTime();
        }

        /** Requests per second in the last complete interval of log time (empty while none of it was covered). */
        public OptionalDouble requestsPerSecond() {
            return merged.requestsPerSecond();
        }

        /** The window's requests per second of the span it covers (empty while nothing is covered). */
        public OptionalDouble windowRequestsPerSecond() {
            return merged.windowRequestsPerSecond();
        }

        /** The seconds of log time the window covers: the window, or less while following began less than one ago. */
        public double coveredSeconds() {
            return merged.coveredSeconds();
        }

        /** Whether the last interval is a surge. */
        public Optional<Surge> surge() {
            return merged.surge();
        }

        /** Requests per second per interval of log time, the last (up to) 120, oldest first. */
        public double[] sparkline() {
            return merged.sparkline();
        }

        /** Whether a backlog is being read (of any log). */
        public boolean catchingUp() {
            return merged.catchingUp();
        }

        /** While catching up: how far the log time is behind the wall clock. */
        public Optional<Duration> behindWallClock() {
            return merged.behindWallClock();
        }
    }

    /** Told each frame, each request and rejected line read, and each follow notice. */
    public interface Listener {
        /** A frame, on the thread that runs the session; an exception thrown here ends the session. */
        void frame(Frame frame);

        /**
         * A request read from the log {@code file} (the path as given) since the session began that the filter
         * keeps, on the session's thread, before it enters the window. The object is reused: copy what you keep.
         * Requests read again from a kept queue to rebuild the window are not told.
         */
        default void request(String file, io.ngxtime.analyzer.record.Request r) {
        }

        /** Rejected lines read from the log {@code file} since the session began, on the session's thread. */
        default void rejected(String file, long lines) {
        }

        /** What may be lost or is awaited ({@link FollowNotice}), on the following thread. */
        default void notice(FollowNotice notice) {
        }

        /** As {@link #notice(FollowNotice)}, with the log it is about (the path as given); calls it by default. */
        default void notice(String file, FollowNotice notice) {
            notice(notice);
        }
    }

    /** The queue cannot be written: it does not open, or its directory went away; the message is the one line. */
    public static final class QueueUnwritableException extends IOException {
        QueueUnwritableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A log path cannot be followed (not a regular file, not readable); the cause says why, {@link #file()} which. */
    public static final class FollowException extends IOException {
        private final transient Path file;

        FollowException(Path file, IOException cause) {
            super(cause.getMessage(), cause);
            this.file = file;
        }

        /** The log that cannot be followed, as given. */
        public Path file() {
            return file;
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
    /** Test seam: whether every log was caught up at the session's last look. */
    private volatile boolean allCaughtUp;

    public LiveSession(Request request) {
        this.request = request;
    }

    /** Test seam: runs after the queues are opened and before any follower opens its file. */
    public LiveSession beforeFollowerOpens(Runnable r) {
        this.beforeFollowerOpens = r;
        return this;
    }

    /** Test seam: runs after every batch a follower appends to its queue (on that follower's thread). */
    public LiveSession afterAppend(Runnable r) {
        this.afterAppend = r;
        return this;
    }

    /** Ends {@link #run} soon (after the frame being made, if any). Thread-safe. */
    public void stop() {
        stop.set(true);
    }

    /** Whether every log was caught up when the session last read its queue (tests wait on it). */
    boolean allCaughtUp() {
        return allCaughtUp;
    }

    /**
     * The name of a log's queue under the queue directory when several logs are followed: the file's name (its
     * characters other than letters, digits, '.', '_' and '-' as '_'), a '-', and the first 16 hex digits of the
     * SHA-256 of its absolute, normalized path. Stable across restarts; distinct for distinct paths.
     */
    public static String queueName(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path fileName = abs.getFileName();
        String base = fileName == null ? "log" : fileName.toString().replaceAll("[^A-Za-z0-9._-]", "_");
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(abs.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return base + "-" + java.util.HexFormat.of().formatHex(digest, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /**
     * Follows and frames until stopped or the duration is up; the followers are stopped and a temporary queue
     * deleted before it returns or throws.
     *
     * @throws QueueUnwritableException        when a queue does not open or its directory is removed
     * @throws QueueIngester.AppendException   when a queue cannot take a batch (it names the file and line)
     * @throws FollowException                 when a log path cannot be followed (it names the log)
     * @throws IOException                     when no temporary queue can be made
     */
    public void run(Listener listener) throws IOException, InterruptedException {
        long retainedAt = Long.MIN_VALUE;
        Path dir = request.queue();
        // deleted below once the followers are stopped; one a kill -9 leaves behind, the next run removes
        TempQueue temporary = null;
        if (dir == null) {
            temporary = TempQueue.createClosedByOwner();
            dir = temporary.dir();
        }
        LiveClock clock = request.clock();
        List<LiveLog> logs = new ArrayList<>();
        LiveLog failed = null;
        LiveLog queueGone = null;
        try {
            long startWall = clock.wallMillis();
            for (Log l : request.logs()) {
                Path q = request.logs().size() == 1 ? dir : dir.resolve(queueName(l.file()));
                RecordStore store = open(q);
                try {
                    logs.add(new LiveLog(l, q, store, request, startWall));
                } catch (IOException e) {
                    store.close();
                    throw new QueueUnwritableException("cannot read queue " + q + ": " + IoErrorText.describe(e), e);
                } catch (RuntimeException e) {
                    store.close();
                    throw e;
                }
            }
            beforeFollowerOpens.run();
            for (LiveLog l : logs) {
                l.openFollower(n -> listener.notice(l.name, n), clock, afterAppend, request.maxLineBytes());
            }
            for (LiveLog l : logs) {
                l.start(stop::get);
            }
            listener.frame(frame(logs, clock)); // at once, before the first interval ends
            long intervalNanos = TimeUnit.SECONDS.toNanos(request.intervalSeconds());
            long end = request.duration().isZero() ? Long.MAX_VALUE : clock.nanoTime() + request.duration().toNanos();
            long nextTick = clock.nanoTime() + intervalNanos;
            while (!stop.get()) {
                boolean read = false;
                boolean caughtUp = true;
                for (LiveLog l : logs) {
                    read |= l.readTurn(clock, listener);
                    caughtUp &= l.caughtUp();
                    if (l.failure.get() != null && failed == null) {
                        failed = l;
                    }
                }
                allCaughtUp = caughtUp;
                if (failed != null) {
                    break;
                }
                long now = clock.nanoTime();
                if (request.retention() != null && (retainedAt == Long.MIN_VALUE || now - retainedAt >= RETENTION_EVERY.toNanos())) {
                    for (LiveLog l : logs) {
                        l.applyRetention(request.retention(), clock.wallMillis());
                    }
                    retainedAt = now;
                }
                if (now >= nextTick) {
                    for (LiveLog l : logs) {
                        if (!l.store.isPresent()) { // nothing else notices while no line comes
                            queueGone = l;
                            break;
                        }
                    }
                    if (queueGone != null) {
                        break;
                    }
                    listener.frame(frame(logs, clock));
                    nextTick += intervalNanos;
                    if (clock.nanoTime() > nextTick) { // behind (a slow frame): the next one an interval on, no burst
                        nextTick = clock.nanoTime() + intervalNanos;
                    }
                }
                if (now >= end) {
                    break;
                }
                if (!read) {
                    clock.pause(PAUSE_MILLIS);
                }
            }
        } finally {
            stop.set(true);
            InterruptedException interrupted = null;
            try {
                for (LiveLog l : logs) {
                    try {
                        l.stopFollowing();
                    } catch (InterruptedException e) {
                        interrupted = e;
                    }
                    l.store.close();
                }
            } finally {
                if (temporary != null) {
                    temporary.close(); // whatever stopping a follower or closing a store threw
                }
            }
            if (interrupted != null) {
                throw interrupted;
            }
        }
        for (LiveLog l : logs) { // a failure that came while the others were stopped counts too
            if (failed == null && l.failure.get() != null) {
                failed = l;
            }
        }
        if (failed != null && queueGone == null) {
            Throwable t = failed.failure.get();
            if (t instanceof QueueIngester.AppendException && !failed.store.isPresent()) {
                queueGone = failed; // said the same way whichever noticed first, the follower's append or a tick
            } else if (t instanceof QueueIngester.AppendException io) {
                throw io;
            } else if (t instanceof IOException io) {
                throw new FollowException(failed.log.file(), io);
            } else {
                throw new IllegalStateException(t);
            }
        }
        if (queueGone != null) {
            throw new QueueUnwritableException("cannot write queue " + queueGone.queueDir + ": its directory was removed"
                    + " (or replaced, or emptied) while tail was running; the records in it are lost", null);
        }
    }

    private Frame frame(List<LiveLog> logs, LiveClock clock) {
        long wall = clock.wallMillis();
        Map<String, LiveView> byFile = new LinkedHashMap<>();
        List<FileStatus> files = new ArrayList<>();
        Aggregation all = null;
        long total = 0;
        long lines = 0;
        long rejected = 0;
        long lastLine = -1;
        for (LiveLog l : logs) {
            LiveView v = l.view(wall);
            byFile.put(l.name, v);
            files.add(l.status(wall));
            if (logs.size() > 1) {
                if (all == null) {
                    all = l.window.lastWindow().emptyCopy();
                }
                all.merge(l.window.lastWindow());
            }
            total += l.requestsTotal();
            lines += l.linesRead();
            rejected += l.rejectedRead();
            lastLine = Math.max(lastLine, l.lastLineWallMillis());
        }
        LiveView merged;
        if (all == null) {
            merged = byFile.values().iterator().next();
        } else {
            List<String> inputs = logs.stream().map(l -> l.name).toList();
            String formats = String.join(",", logs.stream().map(l -> l.log.format().name()).distinct().toList());
            merged = LiveWindow.merge(new ArrayList<>(byFile.values()), all.report(inputs, formats, 1));
        }
        return new Frame(merged, byFile, files, total, lines, rejected,
                lastLine < 0 ? OptionalLong.empty() : OptionalLong.of(Math.max(0, wall - lastLine)));
    }

    private static RecordStore open(Path dir) throws QueueUnwritableException {
        try {
            return RecordStore.openForFollowing(dir);
        } catch (IOException e) {
            throw new QueueUnwritableException("cannot write queue " + dir + ": " + IoErrorText.describe(e), e);
        }
    }
}
