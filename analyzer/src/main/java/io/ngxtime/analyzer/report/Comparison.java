package io.ngxtime.analyzer.report;

import java.util.List;

/**
 * The window compared with a baseline window: what got slower, where errors rose, which upstreams and
 * routes changed most (ranked).
 *
 * @param baselineFromSecond baseline start (epoch second)
 * @param baselineToSecond   baseline end (exclusive)
 * @param changes            every metric compared, largest relative change first
 */
public record Comparison(long baselineFromSecond, long baselineToSecond, long baselineRequests,
                         List<Change> changes, List<Change> upstreams, List<Change> routes) {

    /** One metric before and after. */
    public record Change(String subject, String metric, double before, double after) {
        /** after / before (infinite when before was 0 and after is not). */
        public double ratio() {
            if (before == 0) {
                return after == 0 ? 1 : Double.POSITIVE_INFINITY;
            }
            return after / before;
        }
    }
}
