package io.ngxtime.analyzer.live;

import io.ngxtime.analyzer.report.Report;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What a live window shows at one refresh, every figure over log time ({@link LiveWindow}): of one followed
 * log, or of several merged ({@link LiveWindow#merge}). Immutable (the arrays are copies: do not change them).
 *
 * @param logTime                 the log time the view is taken at ("log now"), in the offset of the log's
 *                                latest request, UTC when no request had a time (then it is the read time)
 * @param logTimed                whether {@code logTime} comes from the log's timestamps (false: no request had
 *                                a time yet, and {@code logTime} is the wall clock)
 * @param report                  the requests and rejected lines of the window: the {@code windowSeconds} of log
 *                                time that end where the last complete interval ends
 * @param requestsPerSecond       requests in the last complete interval of log time, per second of it that
 *                                was covered; empty while none of it was
 * @param lastIntervalRequests    requests in that interval
 * @param windowRequestsPerSecond the window's requests per second of {@code coveredSeconds}; empty while
 *                                nothing is covered
 * @param coveredSeconds          the span of the window that was covered: the window, or less while following
 *                                began less than a window ago (never a span before coverage began)
 * @param recentRatesPerSecond    requests per second in each complete interval of log time, oldest first, up
 *                                to {@link LiveWindow#HISTORY_WINDOWS} windows (at least
 *                                {@link LiveWindow#SPARKLINE_INTERVALS} intervals); only intervals covered
 * @param surge                   whether the last interval is a surge ({@link LiveWindow#surge})
 * @param catchingUp              whether a backlog is being read (then {@code logTime} is the latest log time
 *                                read, and the figures are those of that moment of the log)
 * @param behindWallClock         while catching up: how far {@code logTime} is behind the wall clock (negative
 *                                for a log whose clock is ahead); empty when caught up
 */
public record LiveView(OffsetDateTime logTime, boolean logTimed, Report report, OptionalDouble requestsPerSecond, long lastIntervalRequests,
                       OptionalDouble windowRequestsPerSecond, double coveredSeconds, double[] recentRatesPerSecond,
                       Optional<Surge> surge, boolean catchingUp, Optional<Duration> behindWallClock) {
    public LiveView {
        recentRatesPerSecond = recentRatesPerSecond.clone();
    }

    /**
     * The sparkline: requests per second in each of the last (up to) {@link LiveWindow#SPARKLINE_INTERVALS}
     * complete intervals of log time, oldest first; a copy.
     */
    public double[] sparkline() {
        int n = recentRatesPerSecond.length;
        return Arrays.copyOfRange(recentRatesPerSecond, Math.max(0, n - LiveWindow.SPARKLINE_INTERVALS), n);
    }

    @Override
    public double[] recentRatesPerSecond() {
        return recentRatesPerSecond.clone();
    }
}
