package io.ngxtime.generator;

import io.ngxtime.grammar.Preset;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The sample logs committed under {@code testdata/samples/}, each with the configuration that
 * generates it and its ground truth in {@code <name>.expected.json}. A test regenerates them and compares.
 */
public enum Sample {
    /** A week of the {@code timing} preset with three flash crowds and a spike, gzipped. */
    TIMING_WEEK("timing-week", true, Preset.TIMING, "2026-10-05T00:00:00-07:00", Duration.ofDays(7), 0.11, 20261005L, 3),
    /** Two weekday-afternoon hours of the {@code timing} preset with one flash crowd. */
    TIMING_SMALL("timing-small", false, Preset.TIMING, "2026-10-07T14:00:00-07:00", Duration.ofHours(2), 0.08, 101L, 1),
    /** Two hours of {@code combined}. */
    COMBINED_SMALL("combined-small", false, Preset.COMBINED, "2026-10-07T14:00:00-07:00", Duration.ofHours(2), 0.08, 102L, 1),
    /** Two hours of {@code main}. */
    MAIN_SMALL("main-small", false, Preset.MAIN, "2026-10-08T09:30:00+02:00", Duration.ofHours(2), 0.11, 103L, 1),
    /** Two hours of ingress-nginx's {@code upstreaminfo}. */
    UPSTREAMINFO_SMALL("upstreaminfo-small", false, Preset.UPSTREAMINFO, "2026-10-09T16:00:00Z", Duration.ofHours(2), 0.08,
            104L, 1);

    private final String name;
    private final boolean gzip;
    private final Preset preset;
    private final String start;
    private final Duration duration;
    private final double rate;
    private final long seed;
    private final int peaks;

    Sample(String name, boolean gzip, Preset preset, String start, Duration duration, double rate, long seed, int peaks) {
        this.name = name;
        this.gzip = gzip;
        this.preset = preset;
        this.start = start;
        this.duration = duration;
        this.rate = rate;
        this.seed = seed;
        this.peaks = peaks;
    }

    /** The log's file name: {@code timing-week.log.gz}, {@code combined-small.log}, ... */
    public String fileName() {
        return name + (gzip ? ".log.gz" : ".log");
    }

    /** The ground truth's file name: {@code <name>.expected.json}. */
    public String expectedFileName() {
        return name + ".expected.json";
    }

    public boolean gzip() {
        return gzip;
    }

    public Preset preset() {
        return preset;
    }

    /** The configuration that generates this sample (other settings at their defaults). */
    public GeneratorConfig config() {
        return GeneratorConfig.defaults().withPreset(preset).withStart(OffsetDateTime.parse(start))
                .withDuration(duration).withBaseRatePerSecond(rate).withSeed(seed).withPeaks(peaks);
    }

    /** The {@link GenerateMain} arguments that regenerate this sample into the current directory. */
    public List<String> arguments() {
        List<String> a = new ArrayList<>(List.of("--preset", preset.presetName(), "--start", start));
        long hours = duration.toHours();
        if (hours % 24 == 0) {
            a.addAll(List.of("--days", Long.toString(hours / 24)));
        } else {
            a.addAll(List.of("--hours", Long.toString(hours)));
        }
        a.addAll(List.of("--rate", Double.toString(rate), "--seed", Long.toString(seed), "--peaks",
                Integer.toString(peaks), "--out", fileName()));
        if (gzip) {
            a.add("--gzip");
        }
        a.addAll(List.of("--expected", expectedFileName()));
        return a;
    }

    /** Writes the log and its ground truth into {@code dir}, replacing them. */
    public GroundTruth writeTo(Path dir) throws IOException {
        GroundTruth truth = LogGenerator.generate(config(), dir.resolve(fileName()), gzip);
        truth.writeJson(dir.resolve(expectedFileName()));
        return truth;
    }
}
