package io.ngxtime.charts;

import io.ngxtime.analyzer.report.InstantText;
import io.ngxtime.analyzer.report.Latency;
import io.ngxtime.analyzer.report.Percentiles;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.function.ToLongFunction;

/**
 * The one way every renderer writes a figure for people (terminal, HTML, charts): durations
 * ({@code 0.40 ms}, {@code 12.5 ms}, {@code 340 ms}, {@code 1.25 s}, {@code 42 s}), shares ({@code 36.9%},
 * {@code 0.0074%}), counts with grouping and the right plural ({@code 1 request}, {@code 2,048 requests}),
 * instants as logged, and {@value #NOT_AVAILABLE} for what the log does not say. JSON writes numbers and
 * {@code null} instead.
 *
 * <p>Numbers are formatted with {@link Locale#US}, here and in every renderer: the same digits, point and comma as
 * {@link Locale#ROOT}, but {@link java.util.Formatter} writes them for {@code US} without asking the locale
 * providers, whose start (CLDR's data, resource bundles) cost the first {@code String.format} of a run about 18 ms
 * with {@code ROOT}; {@code StartupLocaleTest} keeps a report from loading them.
 */
public final class Figures {
    /** What is shown for a figure the log does not give (not logged, or no value in the range). */
    public static final String NOT_AVAILABLE = "n/a";
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    private Figures() {
    }

    /** A duration given in milliseconds. */
    public static String durationMs(double ms) {
        if (ms == 0) {
            return "0 ms"; // nginx logs whole milliseconds: under one
        }
        if (ms >= 10_000) {
            return String.format(Locale.US, "%.0f s", ms / 1000);
        }
        if (ms >= 1000) {
            return String.format(Locale.US, "%.2f s", ms / 1000);
        }
        if (ms >= 100) {
            return String.format(Locale.US, "%.0f ms", ms);
        }
        return String.format(Locale.US, ms >= 10 ? "%.1f ms" : "%.2f ms", ms);
    }

    /** A duration given in microseconds. */
    public static String duration(long micros) {
        return durationMs(micros / 1000.0);
    }

    /** A duration, or {@value #NOT_AVAILABLE} when there is none. */
    public static String duration(OptionalLong micros) {
        return micros.isPresent() ? duration(micros.getAsLong()) : NOT_AVAILABLE;
    }

    /** One figure of a distribution ({@code Percentiles::p99}), or {@value #NOT_AVAILABLE} when it is missing. */
    public static String duration(Latency latency, ToLongFunction<Percentiles> which) {
        return latency.measured().map(p -> duration(which.applyAsLong(p))).orElse(NOT_AVAILABLE);
    }

    /** "p50 / p99" of a distribution, or {@value #NOT_AVAILABLE}. */
    public static String p50p99(Latency latency) {
        return latency.measured().map(p -> duration(p.p50()) + " / " + duration(p.p99())).orElse(NOT_AVAILABLE);
    }

    /** A share (0 to 1) as a percentage: one decimal, or two significant digits below 0.1%. */
    public static String percent(double share) {
        double pct = share * 100;
        if (pct == 0) {
            return "0%";
        }
        if (Math.abs(pct) < 0.1) {
            return String.format(Locale.US, "%.2g%%", pct);
        }
        return String.format(Locale.US, "%.1f%%", pct);
    }

    /** A share, or {@value #NOT_AVAILABLE}. */
    public static String percent(OptionalDouble share) {
        return share.isPresent() ? percent(share.getAsDouble()) : NOT_AVAILABLE;
    }

    /** {@code part} of {@code whole} as a percentage; {@value #NOT_AVAILABLE} when the whole is 0. */
    public static String percent(long part, long whole) {
        return whole == 0 ? NOT_AVAILABLE : percent((double) part / whole);
    }

    /**
     * A count with grouping: {@code 12,345}; what {@code String.format(Locale.US, "%,d", n)} writes, without a
     * {@link java.util.Formatter} (which parses its pattern and looks up the locale's symbols on every call: a
     * text report formats a few hundred counts, most of them while the JVM still interprets).
     */
    public static String count(long n) {
        String digits = Long.toString(n);
        int sign = n < 0 ? 1 : 0;
        int length = digits.length() - sign;
        if (length <= 3) {
            return digits;
        }
        StringBuilder b = new StringBuilder(digits.length() + (length - 1) / 3);
        int first = sign + (length % 3 == 0 ? 3 : length % 3);
        b.append(digits, 0, first);
        for (int i = first; i < digits.length(); i += 3) {
            b.append(',').append(digits, i, i + 3);
        }
        return b.toString();
    }

    /** A count, or {@value #NOT_AVAILABLE}. */
    public static String count(OptionalLong n) {
        return n.isPresent() ? count(n.getAsLong()) : NOT_AVAILABLE;
    }

    /** A count and its noun, singular or plural: {@code 1 request}, {@code 3 requests}. */
    public static String count(long n, String noun) {
        return count(n) + " " + (n == 1 ? noun : plural(noun));
    }

    private static String plural(String noun) {
        if (noun.endsWith("s") || noun.endsWith("x")) {
            return noun + "es";
        }
        if (noun.endsWith("y") && !noun.endsWith("ey")) {
            return noun.substring(0, noun.length() - 1) + "ies";
        }
        return noun + "s";
    }

    /**
     * A rate: {@code 70 req/s}, {@code 2.35 req/s}, {@code 0.0042 req/s} (two significant digits below 0.1),
     * {@code <0.001 req/s} below that.
     */
    public static String perSecond(double rate) {
        if (rate > 0 && rate < 0.001) {
            return "<0.001 req/s";
        }
        if (rate >= 100 || rate == Math.rint(rate)) {
            return String.format(Locale.US, "%,.0f req/s", rate);
        }
        return String.format(Locale.US, Math.abs(rate) < 0.1 ? "%.2g req/s" : "%.2f req/s", rate);
    }

    /** A count that is a change, always with its sign: {@code +1,204}, {@code -3}, {@code +0}. */
    public static String signedCount(long n) {
        return n < 0 ? count(n) : "+" + count(n);
    }

    /** How many times larger: {@code ×2.50}, {@code ×0.40}. */
    public static String factor(double ratio) {
        return String.format(Locale.US, "×%.2f", ratio);
    }

    /** A length of time in whole units when they fit: {@code 2 h}, {@code 45 min}, {@code 3,601 s}. */
    public static String span(long seconds) {
        if (seconds != 0 && seconds % 3600 == 0) {
            return count(seconds / 3600) + " h";
        }
        return seconds != 0 && seconds % 60 == 0 ? count(seconds / 60) + " min" : count(seconds) + " s";
    }

    /** An instant with the offset it was logged in, milliseconds when it has them. */
    public static String instant(OffsetDateTime t) {
        return InstantText.iso(t);
    }

    /** A whole second in the offset it was logged in: {@code 2026-10-09T15:58:19-07:00}. */
    public static String instant(long epochSecond, int offsetSeconds) {
        return InstantText.iso(at(epochSecond, offsetSeconds));
    }

    /** The time of day of a whole second in the offset it was logged in, for a second on a day already named. */
    public static String clock(long epochSecond, int offsetSeconds) {
        return CLOCK.format(at(epochSecond, offsetSeconds));
    }

    private static OffsetDateTime at(long epochSecond, int offsetSeconds) {
        return Instant.ofEpochSecond(epochSecond).atOffset(ZoneOffset.ofTotalSeconds(offsetSeconds));
    }
}
