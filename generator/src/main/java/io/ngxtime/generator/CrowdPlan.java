package io.ngxtime.generator;

/**
 * One planned flash crowd: from {@code startSecond} (seconds after the log's start) for
 * {@code durationSeconds}, traffic ramps up to {@code peakMultiplier} times the normal rate, holds, and
 * falls back. The extra requests come from one partner's deal page, from one client network, mostly to
 * {@code /promo/<promoId>}.
 *
 * @param index           0-based, in time order
 * @param startSecond     first second of the crowd, counted from the log's start
 * @param durationSeconds length in seconds (300 to 1200)
 * @param peakMultiplier  the rate multiplier at the plateau (5 to 10)
 * @param promoId         the promoted item: requests go to {@code /promo/<promoId>}
 * @param network         the crowd's client /24 as {@code a.b.c.}
 */
record CrowdPlan(int index, int startSecond, int durationSeconds, double peakMultiplier, int promoId, String network) {
    /** Share of the duration spent ramping up and, at the end, ramping down. */
    private static final double RAMP_UP = 0.25;
    private static final double RAMP_DOWN = 0.35;

    int endSecond() {
        return startSecond + durationSeconds;
    }

    boolean contains(int second) {
        return second >= startSecond && second < endSecond();
    }

    /** The rate multiplier at {@code second}: 1 outside, up to {@link #peakMultiplier} on the plateau. */
    double loadFactor(int second) {
        if (!contains(second)) {
            return 1.0;
        }
        double x = (second - startSecond + 0.5) / durationSeconds;
        double shape;
        if (x < RAMP_UP) {
            shape = smoothStep(x / RAMP_UP);
        } else if (x > 1 - RAMP_DOWN) {
            shape = smoothStep((1 - x) / RAMP_DOWN);
        } else {
            shape = 1.0;
        }
        return 1.0 + (peakMultiplier - 1.0) * shape;
    }

    private static double smoothStep(double t) {
        return t * t * (3 - 2 * t);
    }

    /** The promoted page's path. */
    String route() {
        return "/promo/" + promoId;
    }
}
