package io.ngxtime.analyzer.live;

/**
 * The last interval of a live window standing out from the recent past: its request rate against the
 * median rate of the intervals before it ({@link LiveWindow#surge}).
 *
 * @param lastPerSecond   requests per second in the last closed interval
 * @param medianPerSecond the median requests per second of the intervals before it (up to ten windows)
 */
public record Surge(double lastPerSecond, double medianPerSecond) {
    /** How many times the median rate the last interval had. */
    public double factor() {
        return lastPerSecond / medianPerSecond;
    }
}
