package io.ngxtime.analyzer.live;

import io.ngxtime.analyzer.aggregate.Aggregation;
import io.ngxtime.analyzer.aggregate.RequestFilter;
import io.ngxtime.analyzer.queue.Batch;
import io.ngxtime.analyzer.record.Request;
import io.ngxtime.analyzer.report.Report;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * A sliding window over one followed log, on the log's own time: every request counts where its timestamp
 * puts it, not when it was read, so a backlog (a restart after downtime, {@code --from-start} on a week)
 * shows the rates the log had, not how fast it was read.
 *
 * <p><b>Buckets.</b> Requests go into buckets of {@code gcd(windowSeconds, intervalSeconds)} seconds of log
 * time, aligned to the epoch (one mergeable {@link Aggregation} each), and are counted per interval of log
 * time, aligned likewise. A view ({@link #view}) is taken at a log time, "log now": its last complete
 * interval ends at the interval boundary at or before log now, and its window is exactly the
 * {@code windowSeconds} of log time ending there (a window that is not a multiple of the interval still
 * covers exactly {@code windowSeconds}: the buckets are then smaller than the interval). A window that would
 * take more than {@link #MAX_WINDOW_BUCKETS} such buckets has buckets of as few whole intervals as keep it
 * within the bound; its newest bucket, still filling, is in the window with the interval still open (counted
 * whole in the span), and its oldest leaves whole, so the window's span moves between the window less one
 * bucket and the window (the rates divide by that span; never a frame that leaves out the newest minute of a
 * 1-hour window).
 * Requests older
 * than the window are not kept in it (the session counts them in its totals); only the buckets the window
 * can still need and {@link #historyIntervals()} interval counts are kept, so memory stays bounded.
 *
 * <p><b>Log now.</b> While the log is read as it is written ({@link #caughtUp(boolean) caught up}), log now is
 * the latest timestamp read plus the wall time elapsed since that line was read: a quiet log shows its rate
 * falling to 0, and the log's clock (its offset from the wall clock, old timestamps in a test log) does not
 * matter. While a backlog is read, log now is the latest timestamp read. Before any request had a time (a
 * format that logs none), log now is the wall clock, and such requests, and rejected lines always, are
 * placed at log now when they are read.
 *
 * <p><b>Coverage.</b> Rates divide by the log time the window really covers, never by a span before
 * coverage began ({@link Coverage}): the window's rate by {@code min(window, end - coverage start)}, an
 * interval's by its part after the coverage start.
 *
 * <p>Single-writer; not thread-safe.
 */
public final class LiveWindow {
    /** Points of the sparkline: the last this many intervals. */
    public static final int SPARKLINE_INTERVALS = 120;
    /** Windows of interval counts kept for the surge's median (and at least {@link #SPARKLINE_INTERVALS} intervals). */
    public static final int HISTORY_WINDOWS = 10;
    /** Fewest requests in the last interval for it to be a surge: a handful more is noise, whatever the ratio. */
    public static final int SURGE_MIN_REQUESTS = 10;
    /** How many times the recent median rate the last interval must exceed to be a surge. */
    public static final double SURGE_FACTOR = 3;
    /**
     * Most buckets a window is split into: each is a whole {@link Aggregation} (histograms and all, megabytes),
     * so a long window with a short interval gets wider buckets, and then covers a whole number of them.
     */
    public static final int MAX_WINDOW_BUCKETS = 60;
    /** Rejected-line samples kept per bucket. */
    private static final int MAX_SAMPLES = 5;

    /**
     * When the log time the window covers begins.
     *
     * @param kind   how it is found
     * @param millis the wall time following started ({@link Kind#FOLLOW_START}), the log time coverage began
     *               ({@link Kind#SINCE}); unused for {@link Kind#FIRST_RECORD}
     */
    public record Coverage(Kind kind, long millis) {
        /** How the coverage start is found. */
        public enum Kind {
            /** At the first log time read (a file read from its start). */
            FIRST_RECORD,
            /**
             * At the log time when following began at the end of a file: the first timestamp read minus the
             * wall time between the start and that read.
             */
            FOLLOW_START,
            /** At a known log time (a kept queue's records, read again from there). */
            SINCE
        }

        public Coverage {
            if (kind == null) {
                throw new IllegalArgumentException("kind must not be null");
            }
        }

        /** Coverage begins at the first log time read. */
        public static Coverage fromFirstRecord() {
            return new Coverage(Kind.FIRST_RECORD, 0);
        }

        /** Following began at the end of the log at {@code wallMillis}. */
        public static Coverage fromFollowStart(long wallMillis) {
            return new Coverage(Kind.FOLLOW_START, wallMillis);
        }

        /** Coverage began at log time {@code logMillis}. */
        public static Coverage since(long logMillis) {
            return new Coverage(Kind.SINCE, logMillis);
        }
    }

    private final long intervalMillis;
    private final long windowMillis;
    private final long bucketMillis;
    private final int historyIntervals;
    private final RequestFilter filter;
    private final Coverage coverage;
    /** Bucket index (log time / bucketMillis) to its aggregation; only buckets the window may still need. */
    private final TreeMap<Long, Aggregation> buckets = new TreeMap<>();
    /** Interval index (log time / intervalMillis) to its request count; only the last historyIntervals. */
    private final TreeMap<Long, long[]> intervalRequests = new TreeMap<>();
    private long cachedBucketKey = Long.MIN_VALUE;
    private Aggregation cachedBucket;
    private long cachedIntervalKey = Long.MIN_VALUE;
    private long[] cachedInterval;
    /** Buckets and intervals below these are no longer kept. */
    private long bucketFloor = Long.MIN_VALUE;
    private long intervalFloor = Long.MIN_VALUE;
    private long floorsAtInterval = Long.MIN_VALUE;

    /** Whether a request with a time was read; then the latest such time, when it was read, its offset. */
    private boolean timed;
    private long latestMillis;
    private long latestReadWallMillis;
    private int latestOffsetSeconds;
    private boolean caughtUp;
    /** The coverage start once known; whether it came from a request with a time. */
    private boolean started;
    private boolean startedFromTimed;
    private long startMillis;
    /** What the log's format logs ({@code Logged} bits) as far as batches told. */
    private int logged;
    private Aggregation lastWindow;

    /**
     * @param windowSeconds   the window, at least {@code intervalSeconds}
     * @param intervalSeconds the interval of the rates and the sparkline, at least 1
     * @param filter          the requests kept ({@link RequestFilter#ALL}: every one)
     * @param coverage        when coverage begins
     */
    public LiveWindow(int windowSeconds, int intervalSeconds, RequestFilter filter, Coverage coverage) {
        if (intervalSeconds < 1 || windowSeconds < intervalSeconds) {
            throw new IllegalArgumentException("the interval must be at least 1 and the window at least the interval, were "
                    + intervalSeconds + " and " + windowSeconds);
        }
        if (filter == null || coverage == null) {
            throw new IllegalArgumentException("filter and coverage must not be null");
        }
        this.intervalMillis = intervalSeconds * 1000L;
        long gcdSeconds = BigInteger.valueOf(windowSeconds).gcd(BigInteger.valueOf(intervalSeconds)).longValue();
        if (windowSeconds / gcdSeconds <= MAX_WINDOW_BUCKETS) {
            this.bucketMillis = gcdSeconds * 1000L;
        } else { // whole intervals per bucket, as few as keep the buckets within the bound
            long intervals = (windowSeconds + intervalSeconds - 1) / intervalSeconds;
            this.bucketMillis = (intervals + MAX_WINDOW_BUCKETS - 1) / MAX_WINDOW_BUCKETS * intervalSeconds * 1000L;
        }
        this.windowMillis = (windowSeconds * 1000L + bucketMillis - 1) / bucketMillis * bucketMillis;
        int windowIntervals = (windowSeconds + intervalSeconds - 1) / intervalSeconds;
        this.historyIntervals = Math.max(SPARKLINE_INTERVALS, HISTORY_WINDOWS * windowIntervals);
        this.filter = filter;
        this.coverage = coverage;
        if (coverage.kind() == Coverage.Kind.SINCE) {
            start(coverage.millis(), true);
        } else if (coverage.kind() == Coverage.Kind.FOLLOW_START) {
            start(coverage.millis(), false); // log now is the wall clock until a request has a time
        }
    }

    /** Buckets held now (tests: the bound holds). */
    int bucketsHeld() {
        return buckets.size();
    }

    /** Intervals of request counts kept: the sparkline's and the surge's history. */
    public int historyIntervals() {
        return historyIntervals;
    }

    /**
     * Whether the log is read as it is written (the follower reached its end and the queue is read to its
     * end), which decides what log now is; false (a backlog) until told otherwise.
     */
    public void caughtUp(boolean caughtUp) {
        this.caughtUp = caughtUp;
    }

    /** Log now at wall time {@code wallMillis} (see the class comment). */
    public long logNowMillis(long wallMillis) {
        if (!timed) {
            return wallMillis;
        }
        return caughtUp ? latestMillis + Math.max(0, wallMillis - latestReadWallMillis) : latestMillis;
    }

    /**
     * Adds a queue batch: its requests where their times put them (those the filter keeps are given to
     * {@code kept} first, each before it enters the window; the request object is reused), its rejected lines
     * (counted by reason, with their samples) at log now.
     *
     * @param readWallMillis when the batch's lines were read from the log (wall clock)
     */
    public void add(Batch b, long readWallMillis, Consumer<Request> kept) {
        logged |= b.logged();
        if (coverage.kind() == Coverage.Kind.FIRST_RECORD && !startedFromTimed && b.minTime() != Long.MAX_VALUE) {
            start(b.minTime(), true);
        }
        if (timed && b.maxTime() != Long.MIN_VALUE) {
            dropBefore(Math.max(latestMillis, b.maxTime()));
        }
        for (int i = 0; i < b.size(); i++) {
            add(b.request(i), readWallMillis, kept);
        }
        if (b.rejected() > 0 || !b.noteSamples().isEmpty()) {
            Aggregation a = bucketAt(placeUntimed(readWallMillis));
            if (a != null) {
                a.addRejects(b.rejected(), b.reasons(), b.samples());
                b.noteSamples().forEach(a::noteSample);
            }
        }
    }

    /**
     * Adds one request where its time puts it; one without a time (a format that logs none) at log now, so
     * at the time it is read. {@code kept} is given it first when the filter keeps it.
     */
    public void add(Request r, long readWallMillis, Consumer<Request> kept) {
        long t = r.timeMillis();
        if (t >= 0) {
            observe(t, r.offsetSeconds(), readWallMillis);
        } else {
            t = placeUntimed(readWallMillis);
        }
        boolean pass = filter.test(r);
        if (pass) {
            kept.accept(r);
        }
        Aggregation a = bucketAt(t);
        if (a != null) {
            a.add(r); // counts a request the filter leaves out among the window's lines, as a report does
        }
        if (pass) {
            long[] n = intervalAt(t);
            if (n != null) {
                n[0]++;
            }
        }
    }

    private void observe(long t, int offsetSeconds, long readWallMillis) {
        if (timed && t <= latestMillis) {
            return; // log now moves with the newest time only: an older or equal one leaves it where it is
        }
        boolean first = !timed;
        timed = true;
        latestMillis = t;
        latestReadWallMillis = readWallMillis;
        latestOffsetSeconds = offsetSeconds;
        if (first) {
            // log now was the wall clock until now: what was dropped by it says nothing of the log's time
            floorsAtInterval = Long.MIN_VALUE;
            bucketFloor = Long.MIN_VALUE;
            intervalFloor = Long.MIN_VALUE;
            if (coverage.kind() == Coverage.Kind.FOLLOW_START) {
                // the log time when following began, as the log's clock runs along the wall clock
                start(t - Math.max(0, readWallMillis - coverage.millis()), true);
            } else if (coverage.kind() == Coverage.Kind.FIRST_RECORD && !startedFromTimed) {
                start(t, true);
            }
        }
        moveFloors(logNowMillis(readWallMillis));
    }

    /** Log now at the read, where a line without a time goes. */
    private long placeUntimed(long readWallMillis) {
        long t = logNowMillis(readWallMillis);
        if (!started) {
            start(t, false);
        }
        return t;
    }

    private void start(long millis, boolean fromTimed) {
        started = true;
        startedFromTimed = fromTimed;
        startMillis = millis;
    }

    private Aggregation bucketAt(long t) {
        long key = Math.floorDiv(t, bucketMillis);
        if (key == cachedBucketKey && cachedBucket != null) {
            return cachedBucket;
        }
        if (key < bucketFloor) {
            return null;
        }
        cachedBucketKey = key;
        cachedBucket = buckets.computeIfAbsent(key, k -> new Aggregation(MAX_SAMPLES, filter));
        return cachedBucket;
    }

    private long[] intervalAt(long t) {
        long key = Math.floorDiv(t, intervalMillis);
        if (key == cachedIntervalKey && cachedInterval != null) {
            return cachedInterval;
        }
        if (key < intervalFloor) {
            return null;
        }
        cachedIntervalKey = key;
        cachedInterval = intervalRequests.computeIfAbsent(key, k -> new long[1]);
        return cachedInterval;
    }

    /** Drops what a view at {@code logNow} or later no longer needs. */
    /**
     * Tells the window that the log has been read (appended to the queue, not yet added here) up to
     * {@code newestMillis}: while a backlog is read, requests more than a window before that are counted
     * (totals, the rates' intervals, the hook) but put in no bucket, as no view after it reaches there can
     * show them; the window is whole again once the reading has caught up with it. Only once the window has
     * its first timed request ({@link Long#MIN_VALUE}: nothing known, ignored).
     */
    public void logReached(long newestMillis) {
        if (timed && newestMillis != Long.MIN_VALUE) {
            dropBefore(newestMillis);
        }
    }

    /**
     * Drops, as a batch comes, what no view can show any more once log time has reached {@code newestMillis}
     * (log now never goes below the newest time read): the buckets before the earliest window and the interval
     * counts before the earliest history, and refuses new ones there. Without it a backlog (hours of log time
     * read between two frames) made a bucket, a whole {@link Aggregation}, for every bucket of log time it
     * crossed and kept them all until the next frame.
     */
    private void dropBefore(long newestMillis) {
        long floor = Math.floorDiv(newestMillis - windowMillis - bucketMillis - intervalMillis, bucketMillis);
        if (floor > bucketFloor) {
            bucketFloor = floor;
            buckets.headMap(floor).clear();
            forgetCached();
        }
        long intervals = Math.floorDiv(newestMillis, intervalMillis) - historyIntervals - 1;
        if (intervals > intervalFloor) {
            intervalFloor = intervals;
            intervalRequests.headMap(intervals).clear();
            forgetCached();
        }
    }

    private void moveFloors(long logNow) {
        long end = Math.floorDiv(logNow, intervalMillis);
        if (end == floorsAtInterval) {
            return;
        }
        floorsAtInterval = end;
        bucketFloor = Math.max(bucketFloor, Math.floorDiv(windowEnd(end * intervalMillis) - windowMillis, bucketMillis));
        intervalFloor = Math.max(intervalFloor, end - historyIntervals);
        buckets.headMap(bucketFloor).clear();
        intervalRequests.headMap(intervalFloor).clear();
        forgetCached();
    }

    private void forgetCached() {
        cachedBucket = null;
        cachedInterval = null;
        cachedBucketKey = Long.MIN_VALUE;
        cachedIntervalKey = Long.MIN_VALUE;
    }

    /**
     * The view at wall time {@code wallMillis} (at log now, see the class comment); what was added for later
     * than log now (a log clock that went back) is dropped.
     *
     * @param source the name the report gives its input
     * @param format the format's name for the report
     */
    public LiveView view(long wallMillis, String source, String format) {
        long logNow = logNowMillis(wallMillis);
        moveFloors(logNow);
        long endInterval = Math.floorDiv(logNow, intervalMillis);
        long end = endInterval * intervalMillis;
        buckets.tailMap(Math.floorDiv(logNow, bucketMillis), false).clear();
        intervalRequests.tailMap(endInterval, false).clear();
        forgetCached();

        Aggregation all = new Aggregation(MAX_SAMPLES, filter);
        all.logged(logged);
        long windowEnd = windowEnd(end);
        // wide buckets (a long window, a short interval): the newest bucket is still filling at every interval
        // but its last; it is part of the window, and the window starts a whole bucket later. The filling bucket
        // holds the interval still open too, counted whole in the span (the rate is low by at most one interval
        // in the window, rather than high): the span runs to the end of that interval
        boolean filling = windowEnd < end;
        long toBucket = Math.floorDiv(windowEnd, bucketMillis) + (filling ? 1 : 0);
        long windowStart = toBucket * bucketMillis - windowMillis;
        long spanEnd = filling ? Math.min(toBucket * bucketMillis, end + intervalMillis) : windowEnd;
        for (Aggregation a : buckets.subMap(Math.floorDiv(windowStart, bucketMillis), true, toBucket, false).values()) {
            all.merge(a);
        }
        lastWindow = all;
        Report report = all.report(List.of(source), format, 1);

        double windowCovered = coveredSeconds(windowStart, spanEnd);
        long last = requestsIn(endInterval - 1);
        double lastCovered = coveredSeconds(end - intervalMillis, end);
        List<Double> rates = new ArrayList<>();
        for (long k = endInterval - historyIntervals; k < endInterval; k++) {
            double covered = coveredSeconds(k * intervalMillis, (k + 1) * intervalMillis);
            if (covered > 0) {
                rates.add(requestsIn(k) / covered);
            }
        }
        double[] history = rates.stream().mapToDouble(Double::doubleValue).toArray();
        ZoneOffset offset = timed ? ZoneOffset.ofTotalSeconds(latestOffsetSeconds) : ZoneOffset.UTC;
        return new LiveView(Instant.ofEpochMilli(logNow).atOffset(offset), timed, report,
                lastCovered > 0 ? OptionalDouble.of(last / lastCovered) : OptionalDouble.empty(), last,
                windowCovered > 0 ? OptionalDouble.of(report.summary().requests() / windowCovered) : OptionalDouble.empty(),
                windowCovered, history, surge(history, last),
                // how far behind is known from a timed line only: before one, the log's "now" is the wall clock itself
                !caughtUp, caughtUp || !timed ? Optional.empty() : Optional.of(Duration.ofMillis(wallMillis - logNow)));
    }

    /** Where the window ends when the last complete interval ends at {@code end}: the bucket boundary at or before it. */
    private long windowEnd(long end) {
        return Math.floorDiv(end, bucketMillis) * bucketMillis;
    }

    /** The window's aggregation as of the last {@link #view} (to merge several logs' windows), or null before. */
    public Aggregation lastWindow() {
        return lastWindow;
    }

    private long requestsIn(long interval) {
        long[] n = intervalRequests.get(interval);
        return n == null ? 0 : n[0];
    }

    /** Seconds of {@code [from, to)} of log time after the coverage start (0 before it is known). */
    private double coveredSeconds(long from, long to) {
        if (!started || !timed && coverage.kind() == Coverage.Kind.SINCE) {
            // nothing known yet of a log time that began before: the wall clock stands for none of it
            return 0;
        }
        return Math.max(0, to - Math.max(from, startMillis)) / 1000.0;
    }

    /**
     * Whether the last of {@code ratesPerSecond} (intervals, oldest first) is a surge: at least
     * {@link #SURGE_MIN_REQUESTS} requests in it, at a rate above {@link #SURGE_FACTOR} times the median rate
     * of the intervals before it (none before it: no surge).
     *
     * @param lastIntervalRequests the requests in the last interval
     */
    public static Optional<Surge> surge(double[] ratesPerSecond, long lastIntervalRequests) {
        int n = ratesPerSecond.length;
        if (n < 2) {
            return Optional.empty();
        }
        double[] past = Arrays.copyOf(ratesPerSecond, n - 1);
        Arrays.sort(past);
        int mid = past.length / 2;
        double median = past.length % 2 == 1 ? past[mid] : (past[mid - 1] + past[mid]) / 2.0;
        double last = ratesPerSecond[n - 1];
        boolean surge = lastIntervalRequests >= SURGE_MIN_REQUESTS && median > 0 && last > SURGE_FACTOR * median;
        return surge ? Optional.of(new Surge(last, median)) : Optional.empty();
    }

    /**
     * Several logs' views as one: rates and counts summed (each log's over its own last interval and window,
     * as each log's clock has it; the interval histories aligned at their latest interval), the covered span
     * the longest, the log time the latest (of the logs with a log time, if any), catching up while any is, the
     * surge found again on the sums.
     *
     * @param report the merged windows' report (the logs' {@link #lastWindow()}s merged)
     */
    public static LiveView merge(List<LiveView> views, Report report) {
        if (views.isEmpty()) {
            throw new IllegalArgumentException("no view to merge");
        }
        if (views.size() == 1) {
            LiveView v = views.get(0);
            return new LiveView(v.logTime(), v.logTimed(), report, v.requestsPerSecond(), v.lastIntervalRequests(),
                    v.windowRequestsPerSecond(), v.coveredSeconds(), v.recentRatesPerSecond(), v.surge(), v.catchingUp(),
                    v.behindWallClock());
        }
        LiveView latest = views.get(0);
        long last = 0;
        double covered = 0;
        int historyLength = 0;
        boolean catchingUp = false;
        Duration behind = null;
        for (LiveView v : views) {
            // a log without a time yet shows the wall clock: it says nothing of the others' log time
            if (v.logTimed() && !latest.logTimed()
                    || v.logTimed() == latest.logTimed() && v.logTime().toInstant().isAfter(latest.logTime().toInstant())) {
                latest = v;
            }
            last += v.lastIntervalRequests();
            covered = Math.max(covered, v.coveredSeconds());
            historyLength = Math.max(historyLength, v.recentRatesPerSecond().length);
            if (v.catchingUp()) {
                catchingUp = true;
                // a log without a timed line yet has no figure: unknown, which is neither 0 nor the most behind
                Duration b = v.behindWallClock().orElse(null);
                if (b != null && (behind == null || b.compareTo(behind) > 0)) {
                    behind = b;
                }
            }
        }
        double[] history = new double[historyLength];
        for (LiveView v : views) {
            double[] h = v.recentRatesPerSecond();
            for (int i = 0; i < h.length; i++) {
                history[historyLength - h.length + i] += h[i];
            }
        }
        return new LiveView(latest.logTime(), latest.logTimed(), report, sum(views, LiveView::requestsPerSecond), last,
                sum(views, LiveView::windowRequestsPerSecond), covered, history, surge(history, last), catchingUp,
                Optional.ofNullable(behind));
    }

    private static OptionalDouble sum(List<LiveView> views, java.util.function.Function<LiveView, OptionalDouble> f) {
        double sum = 0;
        boolean any = false;
        for (LiveView v : views) {
            OptionalDouble d = f.apply(v);
            if (d.isPresent()) {
                sum += d.getAsDouble();
                any = true;
            }
        }
        return any ? OptionalDouble.of(sum) : OptionalDouble.empty();
    }
}
