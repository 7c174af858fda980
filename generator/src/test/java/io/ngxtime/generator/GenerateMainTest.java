package io.ngxtime.generator;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngxtime.grammar.Preset;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateMainTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return GenerateMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static final String[] SMALL = {"--preset", "combined", "--hours", "1", "--rate", "0.2", "--seed", "5",
        "--start", "2026-10-07T14:00:00-07:00", "--peaks", "1"};

    private static GeneratorConfig smallConfig() {
        return GeneratorConfig.defaults().withPreset(Preset.COMBINED).withDuration(Duration.ofHours(1))
                .withBaseRatePerSecond(0.2).withSeed(5).withStart(OffsetDateTime.parse("2026-10-07T14:00:00-07:00"))
                .withPeaks(1);
    }

    private static String[] with(String[] base, String... more) {
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    @Test
    void run_outAndExpected_writesTheSameAsTheLibrary() throws IOException {
        Path log = dir.resolve("a.log");
        Path json = dir.resolve("a.expected.json");
        assertThat(run(with(SMALL, "--out", log.toString(), "--expected", json.toString()))).isZero();
        ByteArrayOutputStream direct = new ByteArrayOutputStream();
        GroundTruth truth = LogGenerator.generate(smallConfig(), direct);
        assertThat(Files.readAllBytes(log)).isEqualTo(direct.toByteArray());
        assertThat(Files.readString(json)).isEqualTo(truth.toJson());
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(truth.lines() + " lines").contains("lines/s");
    }

    @Test
    void run_gzip_compressesTheSameLines() throws IOException {
        Path gz = dir.resolve("a.log.gz");
        assertThat(run(with(SMALL, "--out", gz.toString(), "--gzip"))).isZero();
        ByteArrayOutputStream direct = new ByteArrayOutputStream();
        LogGenerator.generate(smallConfig(), direct);
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
            assertThat(in.readAllBytes()).isEqualTo(direct.toByteArray());
        }
    }

    @Test
    void run_withoutOut_writesToStandardOutput() throws IOException {
        assertThat(run(SMALL)).isZero();
        ByteArrayOutputStream direct = new ByteArrayOutputStream();
        LogGenerator.generate(smallConfig(), direct);
        assertThat(out.toByteArray()).isEqualTo(direct.toByteArray());
    }

    @Test
    void run_customFormat() throws IOException {
        Path log = dir.resolve("c.log");
        assertThat(run("--format", "$msec $status $request_time", "--hours", "1", "--rate", "0.1", "--out",
                log.toString())).isZero();
        assertThat(Files.readAllLines(log).get(0)).matches("\\d{10}\\.\\d{3} \\d{3} \\d+\\.\\d{3}");
    }

    @Test
    void run_unknownOption_usageExitCode() {
        assertThat(run("--frobnicate")).isEqualTo(GenerateMain.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown option '--frobnicate'").contains("usage:");
    }

    @Test
    void run_unknownPreset_usageExitCodeNamingIt() {
        assertThat(run("--preset", "apache")).isEqualTo(GenerateMain.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown preset 'apache'");
    }

    @Test
    void run_badNumber_usageExitCode() {
        assertThat(run("--rate", "fast")).isEqualTo(GenerateMain.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--rate needs a number, was 'fast'");
        assertThat(run("--days", "40")).isEqualTo(GenerateMain.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("31 days");
    }

    @Test
    void run_badSaturate_usageExitCodeNamingTheValue() {
        assertThat(run("--saturate", "10.9.9.9:80=2")).isEqualTo(GenerateMain.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no generated server '10.9.9.9:80'").contains("10.0.1.1:8080");
        assertThat(run("--saturate", "10.0.1.1:8080=fast")).isEqualTo(GenerateMain.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("was 'fast'");
        assertThat(run("--saturate", "10.0.1.1:8080=0")).isEqualTo(GenerateMain.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("above 0");
        assertThat(run("--saturate", "10.0.1.1:8080")).isEqualTo(GenerateMain.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("ADDR=RPS");
    }

    @Test
    void saturate_changesNothingBelowTheKnee_andSlowsThatServerAboveIt() throws IOException {
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        LogGenerator.generate(smallConfig().withPreset(io.ngxtime.grammar.Preset.TIMING), plain);
        ByteArrayOutputStream unreached = new ByteArrayOutputStream();
        LogGenerator.generate(smallConfig().withPreset(io.ngxtime.grammar.Preset.TIMING)
                .withSaturation(SaturatingBackend.parse("10.0.1.1:8080=1000")), unreached);
        assertThat(unreached.toByteArray()).isEqualTo(plain.toByteArray());

        ByteArrayOutputStream saturated = new ByteArrayOutputStream();
        LogGenerator.generate(smallConfig().withPreset(io.ngxtime.grammar.Preset.TIMING)
                .withSaturation(SaturatingBackend.parse("10.0.1.1:8080=0.001")), saturated);
        // the random streams part once a slower answer changes a later draw: compare the servers, not lines
        assertThat(medianResponseMillis(saturated, "10.0.1.1:8080"))
                .isGreaterThan(5 * medianResponseMillis(saturated, "10.0.1.2:8080"));
        assertThat(medianResponseMillis(plain, "10.0.1.1:8080"))
                .isLessThan(2 * medianResponseMillis(plain, "10.0.1.2:8080"));
    }

    /** The median {@code $upstream_response_time} of single-attempt lines answered 200 by {@code address}, ms. */
    private static double medianResponseMillis(ByteArrayOutputStream log, String address) {
        java.util.regex.Pattern p = java.util.regex.Pattern.compile("ua=\"" + java.util.regex.Pattern.quote(address)
                + "\" us=\"200\" .* urt=\"([0-9.]+)\"");
        double[] times = log.toString(StandardCharsets.UTF_8).lines().map(p::matcher).filter(java.util.regex.Matcher::find)
                .mapToDouble(m -> Double.parseDouble(m.group(1)) * 1000).sorted().toArray();
        assertThat(times).as(address).hasSizeGreaterThan(10);
        return times[times.length / 2];
    }

    @Test
    void run_unwritableOut_ioExitCode() {
        assertThat(run(with(SMALL, "--out", dir.resolve("missing/dir/x.log").toString()))).isEqualTo(GenerateMain.IO_ERROR);
    }

    @Test
    void run_sampleArguments_reproduceTheCommittedSample() throws IOException {
        Sample sample = Sample.COMBINED_SMALL;
        String[] args = sample.arguments().toArray(String[]::new);
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals(sample.fileName()) || args[i].equals(sample.expectedFileName())) {
                args[i] = dir.resolve(args[i]).toString();
            }
        }
        assertThat(run(args)).isZero();
        Path committed = CommittedSamplesTest.samplesDir();
        assertThat(Files.readAllBytes(dir.resolve(sample.fileName())))
                .isEqualTo(Files.readAllBytes(committed.resolve(sample.fileName())));
        assertThat(Files.readString(dir.resolve(sample.expectedFileName())))
                .isEqualTo(Files.readString(committed.resolve(sample.expectedFileName())));
    }

    @Test
    void run_help_printsUsage() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--malformed-per-million");
    }
}
