package io.ngxtime.generator;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngxtime.grammar.LineParser;
import io.ngxtime.grammar.LogFormat;
import io.ngxtime.grammar.LogRecord;
import io.ngxtime.grammar.Preset;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LogGeneratorTest {

    static List<LogFormat> formats() {
        return TestFormats.all();
    }

    private static byte[] bytes(GeneratorConfig config) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LogGenerator.generate(config, out);
        return out.toByteArray();
    }

    @Test
    void generate_sameSeed_sameBytes() throws IOException {
        GeneratorConfig c = TestFormats.hour(Preset.TIMING.format(), 7);
        byte[] first = bytes(c);
        byte[] second = bytes(c);
        assertThat(first.length).isGreaterThan(300_000);
        assertThat(Arrays.equals(first, second)).isTrue();
    }

    @Test
    void generate_sameSeed_sameGroundTruth() throws IOException {
        GeneratorConfig c = TestFormats.hour(Preset.TIMING.format(), 7);
        GroundTruth a = LogGenerator.generate(c, new ByteArrayOutputStream());
        GroundTruth b = LogGenerator.generate(c, new ByteArrayOutputStream());
        assertThat(a.toJson()).isEqualTo(b.toJson());
        assertThat(a.requestsPerSecond()).isEqualTo(b.requestsPerSecond());
    }

    @Test
    void generate_differentSeed_differentBytes() throws IOException {
        assertThat(bytes(TestFormats.hour(Preset.TIMING.format(), 7)))
                .isNotEqualTo(bytes(TestFormats.hour(Preset.TIMING.format(), 8)));
    }

    @Test
    void generate_moreMalformedLines_sameRequests() throws IOException {
        GeneratorConfig c = TestFormats.hour(Preset.TIMING.format(), 7);
        List<String> few = validLines(c.withMalformedPerMillion(20));
        List<String> many = validLines(c.withMalformedPerMillion(5_000));
        assertThat(many.size()).isEqualTo(few.size());
        for (int i = 0; i < few.size(); i++) {
            assertThat(many.get(i)).as("valid line %d", i).isEqualTo(few.get(i));
        }
    }

    private static List<String> validLines(GeneratorConfig c) throws IOException {
        List<String> lines = new ArrayList<>();
        LogGenerator.generate(c, new ByteArrayOutputStream(), (line, from, to, request, malformed) -> {
            if (request != null) {
                lines.add(new String(line, from, to - from, StandardCharsets.UTF_8));
            }
        });
        return lines;
    }

    @Test
    void generate_otherFormatSameSeed_sameGroundTruth() throws IOException {
        // the format changes how lines look, never what happened
        GroundTruth timing = LogGenerator.generate(TestFormats.hour(Preset.TIMING.format(), 3), new ByteArrayOutputStream());
        GroundTruth upstreamInfo = LogGenerator.generate(TestFormats.hour(Preset.UPSTREAMINFO.format(), 3),
                new ByteArrayOutputStream());
        assertThat(upstreamInfo.requestsByStatus()).isEqualTo(timing.requestsByStatus());
        assertThat(upstreamInfo.attemptsByAddress()).isEqualTo(timing.attemptsByAddress());
        assertThat(upstreamInfo.requestsPerSecond()).isEqualTo(timing.requestsPerSecond());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void generate_anyFormat_everyValidLineParsesToItsGeneratedValues(LogFormat format) throws IOException {
        LineParser parser = format.newParser();
        LogRecord record = format.newRecord();
        LineChecker checker = new LineChecker(format, TestFormats.hour(format, 11).zoneOffset().getTotalSeconds());
        int[] checked = new int[1];
        LogGenerator.generate(TestFormats.hour(format, 11), new ByteArrayOutputStream(),
                (line, from, to, request, malformed) -> {
                    if (request == null) {
                        return;
                    }
                    checked[0]++;
                    boolean parsed = parser.parse(line, from, to, record);
                    checker.check(parsed, line, from, to, record, request);
                });
        assertThat(checker.failures()).isEmpty();
        assertThat(checked[0]).isGreaterThan(1500);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void generate_anyFormat_malformedLinesAreRejected(LogFormat format) throws IOException {
        LineParser parser = format.newParser();
        LogRecord record = format.newRecord();
        Map<MalformedKind, Integer> seen = new EnumMap<>(MalformedKind.class);
        List<String> accepted = new ArrayList<>();
        LogGenerator.generate(TestFormats.hour(format, 5).withMalformedPerMillion(100_000), new ByteArrayOutputStream(),
                (line, from, to, request, malformed) -> {
                    if (malformed == null) {
                        return;
                    }
                    seen.merge(malformed, 1, Integer::sum);
                    if (parser.parse(line, from, to, record)) {
                        accepted.add(malformed + ": " + new String(line, from, to - from, StandardCharsets.UTF_8));
                    }
                });
        assertThat(accepted).isEmpty();
        assertThat(seen.keySet()).containsExactlyInAnyOrder(MalformedKind.values());
        assertThat(seen.values()).allSatisfy(n -> assertThat(n).isGreaterThan(20));
    }

    @Test
    void generate_defaultRates_atLeastOneOfEachMalformedAndOddKind() throws IOException {
        GroundTruth t = LogGenerator.generate(TestFormats.hour(Preset.COMBINED.format(), 2), new ByteArrayOutputStream());
        assertThat(t.malformedByKind().values()).allSatisfy(n -> assertThat(n).isPositive());
        assertThat(t.oddLinesByKind().values()).allSatisfy(n -> assertThat(n).isPositive());
        assertThat(t.rejected()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void generate_noMalformedOrOdd_whenRatesAreZero() throws IOException {
        GroundTruth t = LogGenerator.generate(TestFormats.hour(Preset.COMBINED.format(), 2).withMalformedPerMillion(0)
                .withOddLinesPerMillion(0), new ByteArrayOutputStream());
        assertThat(t.rejected()).isZero();
        assertThat(t.oddLinesByKind().values()).allSatisfy(n -> assertThat(n).isZero());
    }

    @Test
    void generate_linesAreInTimeOrder() throws IOException {
        long[] last = {Long.MIN_VALUE};
        List<String> backwards = new ArrayList<>();
        LogGenerator.generate(TestFormats.hour(Preset.TIMING.format(), 4), new ByteArrayOutputStream(),
                (line, from, to, request, malformed) -> {
                    if (request != null) {
                        if (request.timeMillis < last[0]) {
                            backwards.add(new String(line, from, to - from, StandardCharsets.UTF_8));
                        }
                        last[0] = request.timeMillis;
                    }
                });
        assertThat(backwards).isEmpty();
    }

    @Test
    void generate_outputEndsWithNewlineAndHasOneLinePerCountedLine() throws IOException {
        GeneratorConfig c = TestFormats.hour(Preset.MAIN.format(), 9);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        GroundTruth t = LogGenerator.generate(c, out);
        byte[] b = out.toByteArray();
        long newlines = 0;
        for (byte x : b) {
            newlines += x == '\n' ? 1 : 0;
        }
        assertThat(b[b.length - 1]).isEqualTo((byte) '\n');
        assertThat(newlines).isEqualTo(t.lines());
    }
}
