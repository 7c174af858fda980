package io.ngxtime.generator;

import java.util.List;

/**
 * The request rate, second by second: a base rate shaped by a daily rhythm (0.2 at 03:00 local time, 1.6
 * at 15:00, a cosine in between) and a weekly one (Saturday and Sunday at 0.6), multiplied during flash
 * crowds, plus the spike's extra requests in its one second. Arrivals within a second are Poisson at
 * that second's rate. Immutable.
 */
final class TrafficModel {
    private static final double DAILY_MEAN = 0.9;
    private static final double DAILY_SWING = 0.7;
    private static final double BUSIEST_HOUR = 15.0;
    private static final double WEEKEND_FACTOR = 0.6;

    private final long startEpochSecond;
    private final int offsetSeconds;
    private final double baseRatePerSecond;
    private final int durationSeconds;
    private final List<CrowdPlan> crowds;
    private final SpikePlan spike;

    TrafficModel(GeneratorConfig config, List<CrowdPlan> crowds, SpikePlan spike) {
        this.startEpochSecond = config.start().toEpochSecond();
        this.offsetSeconds = config.zoneOffset().getTotalSeconds();
        this.baseRatePerSecond = config.baseRatePerSecond();
        this.durationSeconds = config.durationSeconds();
        this.crowds = List.copyOf(crowds);
        this.spike = spike;
    }

    /** The daily rhythm at {@code localHour} (0 to 24): 0.2 at 03:00, 1.6 at 15:00. */
    static double dailyFactor(double localHour) {
        return DAILY_MEAN + DAILY_SWING * StrictMath.cos(2 * Math.PI * (localHour - BUSIEST_HOUR) / 24.0);
    }

    /** The weekly rhythm: 1 on weekdays, 0.6 on Saturday and Sunday ({@code isoDayOfWeek} 6 and 7). */
    static double weeklyFactor(int isoDayOfWeek) {
        return isoDayOfWeek >= 6 ? WEEKEND_FACTOR : 1.0;
    }

    /** The local hour of day (0 to 24, fractional) of second {@code second} of the log. */
    double localHour(int second) {
        long local = startEpochSecond + second + offsetSeconds;
        return Math.floorMod(local, 86_400L) / 3600.0;
    }

    /** ISO day of week (1 Monday to 7 Sunday) of second {@code second} of the log. */
    int isoDayOfWeek(int second) {
        long local = startEpochSecond + second + offsetSeconds;
        return (int) Math.floorMod(Math.floorDiv(local, 86_400L) + 3, 7L) + 1; // 1970-01-01 was a Thursday
    }

    /** The rate without crowds or spike, requests per second. */
    double baseRate(int second) {
        return baseRatePerSecond * dailyFactor(localHour(second)) * weeklyFactor(isoDayOfWeek(second));
    }

    /** The crowd in progress at {@code second}, or null. */
    CrowdPlan crowdAt(int second) {
        for (CrowdPlan c : crowds) {
            if (c.contains(second)) {
                return c;
            }
        }
        return null;
    }

    /** The spike's extra requests in {@code second} (0 outside its second). */
    double spikeRate(int second) {
        return spike != null && spike.second() == second ? spike.extraRequests() : 0;
    }

    /** The full rate at {@code second}. */
    double rate(int second) {
        CrowdPlan c = crowdAt(second);
        return baseRate(second) * (c == null ? 1.0 : c.loadFactor(second)) + spikeRate(second);
    }

    /** The expected number of requests over the whole log. */
    double expectedRequests() {
        double sum = 0;
        for (int s = 0; s < durationSeconds; s++) {
            sum += rate(s);
        }
        return sum;
    }

    List<CrowdPlan> crowds() {
        return crowds;
    }

    SpikePlan spike() {
        return spike;
    }
}
