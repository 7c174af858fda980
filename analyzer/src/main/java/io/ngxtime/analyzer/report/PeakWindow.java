package io.ngxtime.analyzer.report;

/**
 * Where a peak is, found from per-second counts alone (the first pass).
 *
 * @param busiestSecond       epoch second with the most requests in the event
 * @param busiestSecondCount  requests in that second
 * @param busiestMinute       epoch second starting the busiest minute of the surge
 * @param busiestMinuteCount  requests in that minute
 * @param startSecond         first second of the surge (above the baseline)
 * @param endSecond           end of the surge (exclusive)
 * @param baselineStartSecond start of the baseline: the hour before the surge
 * @param baselinePerMinute   median requests per minute over the baseline hour
 */
public record PeakWindow(long busiestSecond, long busiestSecondCount, long busiestMinute, long busiestMinuteCount,
                         long startSecond, long endSecond, long baselineStartSecond, double baselinePerMinute) {
}
