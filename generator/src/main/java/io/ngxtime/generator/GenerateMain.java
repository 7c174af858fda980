package io.ngxtime.generator;

import io.ngxtime.grammar.FormatSyntaxException;
import io.ngxtime.grammar.LogFormat;
import io.ngxtime.grammar.LogFormats;
import io.ngxtime.grammar.Preset;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/**
 * Command-line entry point of the generator:
 * <pre>
 * GenerateMain [--preset NAME | --format 'LOG_FORMAT'] [--days N] [--hours N] [--rate R] [--seed S]
 *              [--start ISO] [--peaks N] [--no-spike] [--malformed-per-million N] [--odd-per-million N]
 *              [--saturate ADDR=RPS] [--slow-route PREFIX=FACTOR]... [--out FILE] [--gzip] [--expected FILE.json]
 * GenerateMain --samples DIR
 * </pre>
 * Without {@code --out} (or with {@code --out -}) the log goes to standard output. {@code --samples DIR}
 * regenerates the committed samples ({@link Sample}) into {@code DIR}. Exit codes: 0 success, 2 usage,
 * 74 I/O error. Only {@link #main} exits; {@link #run} is what the CLI and the tests call.
 */
public final class GenerateMain {
    static final int OK = 0;
    static final int USAGE = 2;
    static final int IO_ERROR = 74;

    private static final String USAGE_TEXT = String.join("\n",
            "usage: generate [--preset NAME | --format 'LOG_FORMAT'] [--days N] [--hours N] [--rate R] [--seed S]",
            "                [--start ISO] [--peaks N] [--no-spike] [--malformed-per-million N] [--odd-per-million N]",
            "                [--saturate ADDR=RPS] [--slow-route PREFIX=FACTOR]... [--out FILE] [--gzip] [--expected FILE.json]",
            "       generate --samples DIR",
            "  --preset NAME               combined, common, main, upstreaminfo or timing (default timing)",
            "  --format TEXT               a log_format's text instead of a preset",
            "  --days N, --hours N         duration (default 7 days; both add up)",
            "  --rate R                    base requests per second (weekday, daily factor 1; default 2.0)",
            "  --seed S                    random seed (default 1)",
            "  --start ISO                 first second with its offset (default 2026-10-05T00:00:00-07:00)",
            "  --peaks N                   flash crowds (default 3)",
            "  --no-spike                  no single very busy second",
            "  --malformed-per-million N   malformed lines per million requests (default 20, at least 4 when > 0)",
            "  --odd-per-million N         odd but valid lines per million requests (default 40)",
            "  --saturate ADDR=RPS         the server ADDR (10.0.1.1:8080 ...) slows down above RPS attempts/s",
            "  --slow-route PREFIX=FACTOR  every time of the requests whose path starts with PREFIX times FACTOR",
            "                              (a regression to compare; repeatable; same seed: same requests)",
            "  --out FILE                  output file, - for standard output (default -)",
            "  --gzip                      gzip the output",
            "  --expected FILE.json        also write the ground truth as JSON",
            "  --samples DIR               regenerate the committed samples into DIR");

    private GenerateMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs with {@code args}; the log goes to {@code out} unless {@code --out} names a file. Returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Options o;
        try {
            o = Options.parse(args);
        } catch (IllegalArgumentException | DateTimeParseException | FormatSyntaxException e) {
            err.println("generate: " + e.getMessage());
            err.println(USAGE_TEXT);
            return USAGE;
        }
        if (o.help) {
            out.println(USAGE_TEXT);
            return OK;
        }
        try {
            if (o.samplesDir != null) {
                for (Sample s : Sample.values()) {
                    GroundTruth t = s.writeTo(o.samplesDir);
                    err.println("generate: wrote " + o.samplesDir.resolve(s.fileName()) + " (" + t.lines() + " lines)");
                }
                return OK;
            }
            long started = System.nanoTime();
            GroundTruth truth;
            if (o.outFile == null) {
                OutputStream stream = new BufferedOutputStream(out, 1 << 16);
                if (o.gzip) {
                    try (GZIPOutputStream gz = new GZIPOutputStream(new NonClosing(stream), 1 << 16)) {
                        truth = LogGenerator.generate(o.config, gz);
                    }
                } else {
                    truth = LogGenerator.generate(o.config, stream);
                }
                stream.flush();
            } else {
                truth = LogGenerator.generate(o.config, o.outFile, o.gzip);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            if (o.expectedFile != null) {
                truth.writeJson(o.expectedFile);
            }
            err.printf(Locale.US, "generate: %d lines (%d requests, %d malformed) in %.2f s, %.0f lines/s%n",
                    truth.lines(), truth.requests(), truth.rejected(), seconds, truth.lines() / Math.max(seconds, 1e-9));
            return OK;
        } catch (IOException e) {
            err.println("generate: " + e.getMessage());
            return IO_ERROR;
        } catch (IllegalArgumentException e) {
            err.println("generate: " + e.getMessage());
            return USAGE;
        }
    }

    /** Parsed command line. */
    private static final class Options {
        GeneratorConfig config = GeneratorConfig.defaults();
        Path outFile;
        Path expectedFile;
        Path samplesDir;
        boolean gzip;
        boolean help;

        static Options parse(String[] args) {
            Options o = new Options();
            Long days = null;
            Long hours = null;
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--help", "-h" -> o.help = true;
                    case "--gzip" -> o.gzip = true;
                    case "--no-spike" -> o.config = o.config.withSpike(false);
                    case "--preset" -> {
                        String name = value(args, ++i, a);
                        o.config = o.config.withFormat(Preset.byName(name).map(Preset::format).orElseThrow(
                                () -> new IllegalArgumentException("unknown preset '" + name
                                        + "': expected combined, common, main, upstreaminfo or timing")));
                    }
                    case "--format" -> {
                        LogFormat f = LogFormats.compile(value(args, ++i, a));
                        o.config = o.config.withFormat(f);
                    }
                    case "--days" -> days = number(args, ++i, a);
                    case "--hours" -> hours = number(args, ++i, a);
                    case "--rate" -> o.config = o.config.withBaseRatePerSecond(decimal(args, ++i, a));
                    case "--seed" -> o.config = o.config.withSeed(number(args, ++i, a));
                    case "--start" -> o.config = o.config.withStart(OffsetDateTime.parse(value(args, ++i, a)));
                    case "--peaks" -> o.config = o.config.withPeaks(Math.toIntExact(number(args, ++i, a)));
                    case "--malformed-per-million" ->
                            o.config = o.config.withMalformedPerMillion(Math.toIntExact(number(args, ++i, a)));
                    case "--odd-per-million" ->
                            o.config = o.config.withOddLinesPerMillion(Math.toIntExact(number(args, ++i, a)));
                    case "--saturate" -> o.config = o.config.withSaturation(SaturatingBackend.parse(value(args, ++i, a)));
                    case "--out" -> {
                        String v = value(args, ++i, a);
                        o.outFile = v.equals("-") ? null : Path.of(v);
                    }
                    case "--slow-route" -> {
                        java.util.List<RouteSlowdown> slow = new java.util.ArrayList<>(o.config.slowdowns());
                        slow.add(RouteSlowdown.parse(value(args, ++i, a)));
                        o.config = o.config.withSlowdowns(slow);
                    }
                    case "--expected" -> o.expectedFile = Path.of(value(args, ++i, a));
                    case "--samples" -> o.samplesDir = Path.of(value(args, ++i, a));
                    default -> throw new IllegalArgumentException("unknown option '" + a + "'");
                }
            }
            if (days != null || hours != null) {
                long d = days == null ? 0 : days;
                long h = hours == null ? 0 : hours;
                o.config = o.config.withDuration(Duration.ofDays(d).plusHours(h));
            }
            return o;
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[i];
        }

        private static long number(String[] args, int i, String option) {
            String v = value(args, i, option);
            try {
                return Long.parseLong(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " needs a whole number, was '" + v + "'");
            }
        }

        private static double decimal(String[] args, int i, String option) {
            String v = value(args, i, option);
            try {
                return Double.parseDouble(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " needs a number, was '" + v + "'");
            }
        }
    }

    /** Lets a gzip stream finish without closing standard output. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
