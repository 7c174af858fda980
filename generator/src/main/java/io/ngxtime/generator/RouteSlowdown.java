package io.ngxtime.generator;

import java.util.List;

/**
 * A regression planted in one route, for comparing two runs: every request whose path starts with
 * {@link #pathPrefix} takes {@link #factor} times as long, each time it logs multiplied (request time,
 * and each upstream attempt's connect, header and response time), rounded to nginx's whole milliseconds.
 * Only times change: with the same seed the two logs hold the same requests, so the route's percentiles
 * are exactly {@code factor} times the other log's (within the rounding), and every other route's are equal.
 *
 * @param pathPrefix the start of the request target ({@code /api/users/}): {@code /} and printable ASCII
 * @param factor     the multiplier, above 0 and at most {@link #MAX_FACTOR} (below 1: the route got faster)
 */
public record RouteSlowdown(String pathPrefix, double factor) {
    /** The largest factor accepted: an hour-long request stays within what a report measures. */
    public static final double MAX_FACTOR = 1000;

    public RouteSlowdown {
        if (pathPrefix == null || !pathPrefix.startsWith("/") || !pathPrefix.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException("a slowdown's path prefix starts with / and is printable ASCII, was "
                    + pathPrefix);
        }
        if (!(factor > 0) || factor > MAX_FACTOR) {
            throw new IllegalArgumentException("a slowdown's factor is above 0 and at most " + (int) MAX_FACTOR
                    + ", was " + factor);
        }
    }

    /**
     * Reads {@code PREFIX=FACTOR} ({@code /api/users/=3}, {@code /search=0.5}).
     *
     * @throws IllegalArgumentException naming the text when it is not of that form
     */
    public static RouteSlowdown parse(String text) {
        int eq = text.lastIndexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("a slowdown is PATH_PREFIX=FACTOR (/api/users/=3), not '" + text + "'");
        }
        double factor;
        try {
            factor = Double.parseDouble(text.substring(eq + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a slowdown's FACTOR is a number, not '" + text.substring(eq + 1)
                    + "' in '" + text + "'");
        }
        return new RouteSlowdown(text.substring(0, eq), factor);
    }

    @Override
    public String toString() {
        return pathPrefix + "=" + factor;
    }

    /** Applies the first slowdown whose prefix {@code r}'s target has, if any; a raw request line has no path. */
    static void apply(List<RouteSlowdown> slowdowns, GeneratedRequest r) {
        if (slowdowns.isEmpty() || r.hasRawRequest) {
            return;
        }
        for (RouteSlowdown s : slowdowns) {
            if (s.matches(r.target)) {
                s.slow(r);
                return;
            }
        }
    }

    private boolean matches(LineBuffer target) {
        // the prefix is ASCII: a char is its byte
        if (target.length() < pathPrefix.length()) {
            return false;
        }
        for (int i = 0; i < pathPrefix.length(); i++) {
            if (target.byteAt(i) != (byte) pathPrefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private void slow(GeneratedRequest r) {
        r.requestTimeMillis = scaled(r.requestTimeMillis);
        for (int i = 0; i < r.attemptCount; i++) {
            r.attemptConnectMillis[i] = scaled(r.attemptConnectMillis[i]);
            r.attemptHeaderMillis[i] = scaled(r.attemptHeaderMillis[i]);
            r.attemptResponseMillis[i] = scaled(r.attemptResponseMillis[i]);
        }
    }

    /** A time times the factor, rounded (monotone: times in order stay in order); -1 ("-") stays. */
    private long scaled(long millis) {
        return millis < 0 ? millis : Math.round(millis * factor);
    }
}
