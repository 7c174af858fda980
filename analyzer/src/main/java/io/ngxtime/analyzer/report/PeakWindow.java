package io.ngxtime.analyzer.report;

/**
 * Where a peak is, found from per-second counts alone (the first pass). See
 * {@code io.ngxtime.analyzer.aggregate.PeakFinder} for how the surge and the baseline are chosen, and for
 * the rule a surge must pass to be reported.
 *
 * @param busiestSecond       epoch second with the most requests in the event
 * @param busiestSecondCount  requests in that second
 * @param busiestMinute       epoch second starting the busiest minute of the surge
 * @param busiestMinuteCount  requests in that minute
 * @param startSecond         first second of the surge (above the baseline), never before the log's first
 * @param endSecond           end of the surge (exclusive), never after the log's last second
 * @param baselineStartSecond start of the baseline window: normally up to an hour before the surge, cut
 *                            at the log's start; the hour after the surge when too little precedes it
 * @param baselineEndSecond   end of the baseline window (exclusive): {@code startSecond} when the
 *                            baseline precedes the surge, else up to an hour after {@code endSecond};
 *                            equal to {@code baselineStartSecond} when the log has no baseline minute
 * @param baselinePerMinute   median requests per whole minute in the baseline window, leaving out the
 *                            minutes of other peaks' surges (0 when the window is empty)
 * @param surgeRequests       requests in the surge, {@code startSecond} to {@code endSecond}
 */
public record PeakWindow(long busiestSecond, long busiestSecondCount, long busiestMinute, long busiestMinuteCount,
                         long startSecond, long endSecond, long baselineStartSecond, long baselineEndSecond,
                         double baselinePerMinute, long surgeRequests) implements java.io.Serializable {
    /** A peak whose baseline window ends where its surge starts. */
    public PeakWindow(long busiestSecond, long busiestSecondCount, long busiestMinute, long busiestMinuteCount,
                      long startSecond, long endSecond, long baselineStartSecond, double baselinePerMinute,
                      long surgeRequests) {
        this(busiestSecond, busiestSecondCount, busiestMinute, busiestMinuteCount, startSecond, endSecond,
                baselineStartSecond, startSecond, baselinePerMinute, surgeRequests);
    }

    /** Requests the baseline's rate predicts for the surge's length. */
    public double expectedRequests() {
        return baselinePerMinute * (endSecond - startSecond) / 60.0;
    }

    /** Requests in the surge above what the baseline's rate predicts for it. */
    public double excessRequests() {
        return surgeRequests - expectedRequests();
    }
}
