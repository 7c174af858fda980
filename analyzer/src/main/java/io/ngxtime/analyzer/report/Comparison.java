package io.ngxtime.analyzer.report;

import java.util.List;

/**
 * The window compared with a baseline window: what got slower, where errors rose, which upstreams and
 * routes changed most, ranked by how much each change explains ({@link Change#weight()}).
 *
 * <p>The two windows may differ in length: counts are compared as rates (requests per second), so a
 * baseline twice as long as the window does not make every count look halved.
 *
 * @param baselineFromSecond baseline start (epoch second)
 * @param baselineToSecond   baseline end (exclusive)
 * @param baselineRequests   requests in the baseline window that pass the report's filters; with none the
 *                           comparison is {@linkplain #baselineEmpty() empty}
 * @param baselineSeconds    the baseline window's length ({@code baselineToSecond - baselineFromSecond})
 * @param windowSeconds      the compared window's length: {@code --from} to {@code --to}; on a side left
 *                           open, up to the window's first request or to the second after its last
 * @param changes            all requests, by tier, and their latency and 5xx rate, most weight first
 * @param upstreams          per upstream address, most weight first (at most ten)
 * @param routes             per route, most weight first (at most ten); a route the baseline's bounded
 *                           route sketch did not keep is left out rather than called new
 */
public record Comparison(long baselineFromSecond, long baselineToSecond, long baselineRequests, long baselineSeconds,
                         long windowSeconds, List<Change> changes, List<Change> upstreams, List<Change> routes) {
    public Comparison {
        if (baselineSeconds <= 0 || windowSeconds <= 0) {
            throw new IllegalArgumentException("window lengths must be positive, not baseline " + baselineSeconds
                    + " s, window " + windowSeconds + " s");
        }
        changes = List.copyOf(changes);
        upstreams = List.copyOf(upstreams);
        routes = List.copyOf(routes);
    }

    /**
     * Whether the baseline window holds no request (of those the filters keep): then there is nothing to
     * compare with, and every list is empty rather than full of "0 to N" changes.
     */
    public boolean baselineEmpty() {
        return baselineRequests == 0;
    }

    /** What a metric measures, which decides how its change is weighed. */
    public enum Kind {
        /** Requests or attempts counted in each window. */
        COUNT,
        /** A latency percentile in milliseconds. */
        MILLIS,
        /** A share of requests or attempts (0 to 1), such as the 5xx rate. */
        SHARE
    }

    /**
     * One metric before (in the baseline window) and after (in the compared window).
     *
     * @param before    the baseline's value: a count, milliseconds or a share, by {@code kind}
     * @param after     the window's value
     * @param perSecond for a {@link Kind#COUNT} the counts as rates; null for other kinds
     * @param weight    how much the change explains, in requests, the ranking key: for a count the excess
     *                  requests (either way) over what the baseline's rate predicts for the window's length;
     *                  for a share the requests more or fewer in that share than the baseline's share
     *                  predicts ({@code |after - before| x requests}); for a time the window's timed requests
     *                  of the subject times {@code |ln(after / before)|}, both counted from 1 ms up (nginx logs
     *                  whole milliseconds, so 0 means under 1 ms)
     */
    public record Change(String subject, String metric, Kind kind, double before, double after, PerSecond perSecond,
                         double weight) {
        public Change {
            if ((kind == Kind.COUNT) != (perSecond != null)) {
                throw new IllegalArgumentException("a " + kind + " change " + (perSecond == null ? "needs" : "has no")
                        + " per-second rates: " + subject + " " + metric);
            }
        }

        /**
         * After over before: for a count the ratio of the per-second rates (equal to the ratio of the counts
         * when both windows are equally long). Infinite when before was 0 and after is not, 1 when both are 0.
         */
        public double ratio() {
            double b = kind == Kind.COUNT ? perSecond.before() : before;
            double a = kind == Kind.COUNT ? perSecond.after() : after;
            if (b == 0) {
                return a == 0 ? 1 : Double.POSITIVE_INFINITY;
            }
            return a / b;
        }
    }

    /**
     * A count as rates.
     *
     * @param before         baseline count per second of the baseline window
     * @param after          window count per second of the window
     * @param excessRequests the window's count less what the baseline's rate predicts for the window's
     *                       length ({@code after - before x windowSeconds}); negative for a fall
     */
    public record PerSecond(double before, double after, double excessRequests) {
    }
}
