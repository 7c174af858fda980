package io.ngxtime.generator;

import io.ngxtime.grammar.LogFormat;
import io.ngxtime.grammar.Preset;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What to generate. Immutable; change one setting with the {@code withX} methods, starting from
 * {@link #defaults()}. The same configuration always gives the same bytes.
 *
 * @param format              the log format to write, any {@code log_format} (default: the {@code timing} preset)
 * @param start               time of the log's first second; its offset is the zone offset every time is
 *                            written in (fixed for the whole log, no daylight saving). Whole seconds.
 *                            Default: Monday 2026-10-05T00:00:00-07:00
 * @param duration            how long the log runs, whole seconds, 1 second to 31 days (default 7 days)
 * @param baseRatePerSecond   requests per second on a weekday at the daily rhythm's factor 1; the daily
 *                            factor runs from 0.2 (03:00) to 1.6 (15:00), weekends are 0.6 of weekdays, so
 *                            a full week averages about 0.8 of this (default 2.0)
 * @param seed                the random seed (default 1)
 * @param peaks               how many flash crowds to place (default 3; fewer when they do not fit)
 * @param spike               whether to add the single very busy second (default true)
 * @param malformedPerMillion malformed lines per million requests; when positive there are at least four, one
 *                            of each kind the format allows (default 20)
 * @param oddLinesPerMillion  odd but valid lines per million requests; when positive at least one of each
 *                            kind (default 40)
 * @param saturation          a backend whose latency climbs above a known load (default none)
 * @param slowdowns           routes whose requests take longer, a regression to find ({@link RouteSlowdown};
 *                            default none). They change times only: the same seed gives the same requests
 */
public record GeneratorConfig(LogFormat format, OffsetDateTime start, Duration duration, double baseRatePerSecond,
                              long seed, int peaks, boolean spike, int malformedPerMillion, int oddLinesPerMillion,
                              Optional<SaturatingBackend> saturation, List<RouteSlowdown> slowdowns) {

    /** The longest log: the per-second counts of the ground truth are kept in memory. */
    public static final Duration MAX_DURATION = Duration.ofDays(31);
    /** The highest base rate accepted. */
    public static final double MAX_RATE_PER_SECOND = 100_000;
    /** The most flash crowds accepted. */
    public static final int MAX_PEAKS = 50;

    public GeneratorConfig {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(saturation, "saturation");
        slowdowns = List.copyOf(slowdowns);
        if (start.getNano() != 0) {
            throw new IllegalArgumentException("start must be a whole second, was " + start);
        }
        if (duration.getNano() != 0 || duration.getSeconds() < 1 || duration.compareTo(MAX_DURATION) > 0) {
            throw new IllegalArgumentException("duration must be whole seconds from 1 s to 31 days, was " + duration);
        }
        if (!(baseRatePerSecond > 0) || baseRatePerSecond > MAX_RATE_PER_SECOND) {
            throw new IllegalArgumentException("baseRatePerSecond must be > 0 and <= " + (long) MAX_RATE_PER_SECOND
                    + ", was " + baseRatePerSecond);
        }
        requireWithin("peaks", peaks, MAX_PEAKS);
        requireWithin("malformedPerMillion", malformedPerMillion, 1_000_000);
        requireWithin("oddLinesPerMillion", oddLinesPerMillion, 1_000_000);
    }

    /** A configuration without a saturating backend. */
    public GeneratorConfig(LogFormat format, OffsetDateTime start, Duration duration, double baseRatePerSecond,
                           long seed, int peaks, boolean spike, int malformedPerMillion, int oddLinesPerMillion) {
        this(format, start, duration, baseRatePerSecond, seed, peaks, spike, malformedPerMillion, oddLinesPerMillion,
                Optional.empty(), List.of());
    }

    private static void requireWithin(String name, int value, int max) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(name + " must be 0 to " + max + ", was " + value);
        }
    }

    /** A week of the {@code timing} preset from Monday 2026-10-05 at -07:00, 2 requests/s, seed 1. */
    public static GeneratorConfig defaults() {
        return new GeneratorConfig(Preset.TIMING.format(), OffsetDateTime.parse("2026-10-05T00:00:00-07:00"),
                Duration.ofDays(7), 2.0, 1, 3, true, 20, 40);
    }

    /** The zone offset of every logged time. */
    public ZoneOffset zoneOffset() {
        return start.getOffset();
    }

    public GeneratorConfig withFormat(LogFormat newFormat) {
        return new GeneratorConfig(newFormat, start, duration, baseRatePerSecond, seed, peaks, spike,
                malformedPerMillion, oddLinesPerMillion, saturation, slowdowns);
    }

    public GeneratorConfig withPreset(Preset preset) {
        return withFormat(preset.format());
    }

    public GeneratorConfig withStart(OffsetDateTime newStart) {
        return new GeneratorConfig(format, newStart, duration, baseRatePerSecond, seed, peaks, spike,
                malformedPerMillion, oddLinesPerMillion, saturation, slowdowns);
    }

    public GeneratorConfig withDuration(Duration newDuration) {
        return new GeneratorConfig(format, start, newDuration, baseRatePerSecond, seed, peaks, spike,
                malformedPerMillion, oddLinesPerMillion, saturation, slowdowns);
    }

    public GeneratorConfig withBaseRatePerSecond(double newRate) {
        return new GeneratorConfig(format, start, duration, newRate, seed, peaks, spike, malformedPerMillion,
                oddLinesPerMillion, saturation, slowdowns);
    }

    public GeneratorConfig withSeed(long newSeed) {
        return new GeneratorConfig(format, start, duration, baseRatePerSecond, newSeed, peaks, spike,
                malformedPerMillion, oddLinesPerMillion, saturation, slowdowns);
    }

    public GeneratorConfig withPeaks(int newPeaks) {
        return new GeneratorConfig(format, start, duration, baseRatePerSecond, seed, newPeaks, spike,
                malformedPerMillion, oddLinesPerMillion, saturation, slowdowns);
    }

    public GeneratorConfig withSpike(boolean newSpike) {
        return new GeneratorConfig(format, start, duration, baseRatePerSecond, seed, peaks, newSpike,
                malformedPerMillion, oddLinesPerMillion, saturation, slowdowns);
    }

    public GeneratorConfig withMalformedPerMillion(int newRate) {
        return new GeneratorConfig(format, start, duration, baseRatePerSecond, seed, peaks, spike, newRate,
                oddLinesPerMillion, saturation, slowdowns);
    }

    public GeneratorConfig withOddLinesPerMillion(int newRate) {
        return new GeneratorConfig(format, start, duration, baseRatePerSecond, seed, peaks, spike,
                malformedPerMillion, newRate, saturation, slowdowns);
    }

    /** The same settings with {@code backend} saturating above its rate. */
    public GeneratorConfig withSaturation(SaturatingBackend backend) {
        return new GeneratorConfig(format, start, duration, baseRatePerSecond, seed, peaks, spike, malformedPerMillion,
                oddLinesPerMillion, Optional.of(backend), slowdowns);
    }

    int durationSeconds() {
        return (int) duration.getSeconds();
    }

    long startMillis() {
        return start.toInstant().toEpochMilli();
    }

    /** The same with these slowdowns instead ({@link RouteSlowdown}: the first whose prefix a path has applies). */
    public GeneratorConfig withSlowdowns(List<RouteSlowdown> newSlowdowns) {
        return new GeneratorConfig(format, start, duration, baseRatePerSecond, seed, peaks, spike, malformedPerMillion,
                oddLinesPerMillion, saturation, newSlowdowns);
    }
}
