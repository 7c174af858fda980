package io.ngxtime.cli;

import io.ngxtime.analyzer.files.IoErrorText;
import io.ngxtime.grammar.FormatSyntaxException;
import io.ngxtime.grammar.LogFormats;
import io.ngxtime.grammar.Preset;
import io.ngxtime.generator.GeneratorConfig;
import io.ngxtime.generator.GroundTruth;
import io.ngxtime.generator.LogGenerator;
import io.ngxtime.generator.SaturatingBackend;
import io.ngxtime.generator.Sample;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.zip.GZIPOutputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ngxtime generate}: realistic, seeded nginx logs with their ground truth (the log
 * generator, {@link LogGenerator}). The log is streamed to {@code --out} or, as bytes, to standard output
 * (a pipe or a file: to a terminal it is a usage error, a default week being about a million lines);
 * what the generator says goes to stderr.
 *
 * <p>The option names are those of {@code io.ngxtime.generator.GenerateMain}, which scripts use
 * ({@code benchmarks/run-e2e.sh}, {@code testdata/samples/README.md}): extend them, never rename.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Write realistic nginx logs (any preset or format, seeded, with flash crowds) and their ground truth.",
                "The log goes to --out FILE, or to standard output when that is a pipe or a file (never to a terminal: "
                        + "give --out, or pipe it into head or gzip). The same options give the same bytes."},
        footer = {"%nExit codes: 0 ok; 2 bad command line (or standard output is a terminal and no --out);"
                + " 74 the log or the ground truth could not be written."})
public final class GenerateCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--preset", paramLabel = "NAME",
            description = "combined, common, main, upstreaminfo or timing (default: timing).")
    String preset;

    @Option(names = "--format", paramLabel = "TEXT", description = "A log_format's text instead of a preset.")
    String format;

    @Option(names = "--days", paramLabel = "N", description = "Duration in days (default: 7; --days and --hours add up).")
    Long days;

    @Option(names = "--hours", paramLabel = "N", description = "Duration in hours.")
    Long hours;

    @Option(names = "--rate", paramLabel = "R",
            description = "Base requests per second (a weekday, daily factor 1; default: 2.0).")
    Double ratePerSecond;

    @Option(names = "--seed", paramLabel = "S", description = "Random seed (default: 1).")
    Long seed;

    @Option(names = "--start", paramLabel = "TIME", converter = TimeArgument.class,
            description = "First second, with its offset (default: 2026-10-05T00:00:00-07:00).")
    OffsetDateTime start;

    @Option(names = "--peaks", paramLabel = "N", description = "Flash crowds (default: 3).")
    Integer peaks;

    @Option(names = "--no-spike", description = "No single very busy second.")
    boolean noSpike;

    @Option(names = "--malformed-per-million", paramLabel = "N",
            description = "Malformed lines per million requests (default: 20; at least 4 when above 0).")
    Integer malformedPerMillion;

    @Option(names = "--odd-per-million", paramLabel = "N",
            description = "Odd but valid lines per million requests (default: 40).")
    Integer oddPerMillion;

    @Option(names = "--saturate", paramLabel = "ADDR=RPS",
            description = "Make the server ADDR (10.0.1.1:8080, 10.0.1.2:8080, 10.0.1.3:8080 or 10.0.2.1:8080) slow down "
                    + "once its load passes RPS attempts/s (over the trailing minute): the truth a saturation estimate is checked against.")
    String saturate;

    @Option(names = "--slow-route", paramLabel = "PREFIX=FACTOR",
            description = "Multiply every time of the requests whose path starts with PREFIX by FACTOR (/api/users/=3):"
                    + " a regression for 'ngxtime compare'. Repeatable. With the same seed the requests are the same.")
    java.util.List<String> slowRoutes = new java.util.ArrayList<>();

    @Option(names = "--out", paramLabel = "FILE", description = "The log file; - for standard output (default: -).")
    String out;

    @Option(names = "--gzip", description = "Gzip the log.")
    boolean gzip;

    @Option(names = "--expected", paramLabel = "FILE.json", description = "Also write the ground truth as JSON.")
    Path expected;

    @Option(names = "--samples", paramLabel = "DIR",
            description = "Regenerate the committed sample logs into DIR (the other options are not used).")
    Path samples;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (samples != null) {
            return writeSamples(err);
        }
        GeneratorConfig config = config();
        Path file = out == null || out.equals("-") ? null : Path.of(out);
        PrintWriter stdout = spec.commandLine().getOut();
        if (file == null && Terminal.of(spec).isTerminal()) {
            // a default week is about a million lines: nobody means to have them scroll by
            throw new UserException(ExitCode.USAGE, "standard output is a terminal: give generate --out FILE,"
                    + " or pipe it (ngxtime generate ... | head)");
        }
        long started = System.nanoTime();
        GroundTruth truth;
        try {
            truth = file == null ? toStandardOutput(config, stdout) : LogGenerator.generate(config, file, gzip);
        } catch (IOException e) {
            StandardOutput.check(stdout); // standard output lost: one line naming it
            throw new UserException(ExitCode.IO, "cannot write " + file + ": " + IoErrorText.describe(e), e);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        if (expected != null) {
            try {
                truth.writeJson(expected);
            } catch (IOException e) {
                throw new UserException(ExitCode.IO, "cannot write " + expected + ": " + IoErrorText.describe(e), e);
            }
        }
        err.printf(Locale.US, "generate: %d lines (%d requests, %d malformed) in %.2f s, %.0f lines/s%n",
                truth.lines(), truth.requests(), truth.rejected(), seconds, truth.lines() / Math.max(seconds, 1e-9));
        err.flush();
        return ExitCode.OK; // Cli checks that standard output took it all
    }

    /** The settings given over the defaults; a value out of range is a usage error naming it. */
    private GeneratorConfig config() {
        GeneratorConfig c = GeneratorConfig.defaults();
        try {
            if (preset != null) {
                c = c.withPreset(Preset.byName(preset).orElseThrow(() -> new UserException(ExitCode.USAGE,
                        "unknown preset '" + preset + "': give one of " + String.join(", ",
                                Arrays.stream(Preset.values()).map(Preset::presetName).toList()))));
            }
            if (format != null) {
                c = c.withFormat(LogFormats.compile(format));
            }
            if (days != null || hours != null) {
                c = c.withDuration(Duration.ofDays(days == null ? 0 : days).plusHours(hours == null ? 0 : hours));
            }
            if (ratePerSecond != null) {
                c = c.withBaseRatePerSecond(ratePerSecond);
            }
            if (seed != null) {
                c = c.withSeed(seed);
            }
            if (start != null) {
                c = c.withStart(start);
            }
            if (peaks != null) {
                c = c.withPeaks(peaks);
            }
            if (noSpike) {
                c = c.withSpike(false);
            }
            if (malformedPerMillion != null) {
                c = c.withMalformedPerMillion(malformedPerMillion);
            }
            if (oddPerMillion != null) {
                c = c.withOddLinesPerMillion(oddPerMillion);
            }
            if (saturate != null) {
                c = c.withSaturation(SaturatingBackend.parse(saturate));
            }
            if (!slowRoutes.isEmpty()) {
                c = c.withSlowdowns(slowRoutes.stream().map(io.ngxtime.generator.RouteSlowdown::parse).toList());
            }
            return c;
        } catch (FormatSyntaxException e) {
            throw new UserException(ExitCode.USAGE, "--format: " + e.getMessage());
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new UserException(ExitCode.USAGE, e.getMessage());
        }
    }

    /**
     * Streams the log to standard output as bytes ({@code --gzip} is binary: it must not go through a
     * text writer). A writer of text (the tests) gets the log decoded as UTF-8, which a gzip stream is not.
     */
    private GroundTruth toStandardOutput(GeneratorConfig config, PrintWriter stdout) throws IOException {
        if (stdout instanceof StandardOutput s) {
            try (OutputStream bytes = s.bytes()) {
                return generate(config, bytes);
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        GroundTruth truth = generate(config, bytes);
        stdout.print(bytes.toString(StandardCharsets.UTF_8));
        return truth;
    }

    /** Writes the log to {@code sink}, gzipped with {@code --gzip}, and flushes it; {@code sink} is left to the caller. */
    private GroundTruth generate(GeneratorConfig config, OutputStream sink) throws IOException {
        OutputStream buffered = new BufferedOutputStream(sink, 1 << 16);
        GroundTruth truth;
        if (gzip) {
            GZIPOutputStream gz = new GZIPOutputStream(buffered, 1 << 16);
            truth = LogGenerator.generate(config, gz);
            gz.finish();
        } else {
            truth = LogGenerator.generate(config, buffered);
        }
        buffered.flush();
        return truth;
    }

    private int writeSamples(PrintWriter err) {
        for (Sample s : Sample.values()) {
            try {
                GroundTruth t = s.writeTo(samples);
                err.println("generate: wrote " + samples.resolve(s.fileName()) + " (" + t.lines() + " lines)");
            } catch (IOException e) {
                throw new UserException(ExitCode.IO, "cannot write " + samples.resolve(s.fileName()) + ": "
                        + IoErrorText.describe(e), e);
            }
        }
        return ExitCode.OK;
    }
}
