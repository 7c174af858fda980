package io.ngxtime.analyzer.report;

import java.util.OptionalDouble;

/**
 * Where one backend's latency starts to climb with its load: the knee of its p99 response time against
 * its attempts per second, from the log's minutes (see {@code KneeEstimator} for the method).
 *
 * @param kneeAttemptsPerSecond the load (attempts per second) above which the backend's p99 climbs; empty
 *                              when the log never pushed it that far (its p99 does not rise beyond noise up
 *                              to the busiest load seen)
 * @param confidence            0 to 1: the share of bootstrap resamples of the minutes that reach the same
 *                              conclusion (a knee within 20% of this one, or no knee when none was found)
 * @param busiestAttemptsPerSecond the backend's busiest period (minute), in attempts per second
 * @param flatP99Micros         p99 response time at loads below the knee (when none was found: the mean of the
 *                              load bands' p99s)
 * @param topP99Micros          p99 response time in the busiest load band
 * @param periods               periods (minutes) with timed attempts the estimate rests on
 * @param periodSeconds         the length of a period: 60, or a multiple of it over very long logs
 */
public record Saturation(OptionalDouble kneeAttemptsPerSecond, double confidence, double busiestAttemptsPerSecond,
                         long flatP99Micros, long topP99Micros, int periods, int periodSeconds) {
    public Saturation {
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be 0 to 1, was " + confidence);
        }
    }

    /** Whether the log pushed the backend past its knee. */
    public boolean reached() {
        return kneeAttemptsPerSecond.isPresent();
    }

    /**
     * How much load the backend could still take before its knee, as a share of the knee:
     * {@code (knee - busiest) / knee}; negative when its busiest minute ran past the knee (always, when a
     * knee was found from the log alone); empty when no knee was found.
     */
    public OptionalDouble headroom() {
        if (kneeAttemptsPerSecond.isEmpty()) {
            return OptionalDouble.empty();
        }
        double knee = kneeAttemptsPerSecond.getAsDouble();
        return OptionalDouble.of((knee - busiestAttemptsPerSecond) / knee);
    }
}
