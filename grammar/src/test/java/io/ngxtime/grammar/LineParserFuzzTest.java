package io.ngxtime.grammar;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Coverage-guided fuzzing of the line parsers: for real formats and any line bytes, the compiled matcher
 * never throws, a line is either parsed or rejected with a reason and a column inside the line, and the
 * compiled matcher agrees with the reference parser on the verdict and on every field ({@link ParserPair},
 * the comparison {@link DifferentialTest} uses).
 *
 * <p>An input is one byte naming the format ({@code a} is the first of {@link #FORMATS}, {@code b} the
 * second, ...; any byte works, taken modulo their number) followed by the line. Every build replays the
 * inputs under {@code src/test/resources/io/ngxtime/grammar/LineParserFuzzTestInputs/} (real lines of
 * {@code testdata/samples}, mutations of them, and each input that once found a bug); {@code JAZZER_FUZZ=1}
 * fuzzes (README, "Fuzzing").
 */
class LineParserFuzzTest {
    /** The formats, in a fixed order (inputs name them by position: append, never reorder). */
    static final List<LogFormat> FORMATS;

    static {
        Map<String, LogFormat> differential = DifferentialTest.formats()
                .collect(Collectors.toMap(DifferentialTest.FuzzFormat::label, DifferentialTest.FuzzFormat::format));
        List<LogFormat> all = new ArrayList<>();
        for (Preset p : List.of(Preset.TIMING, Preset.COMBINED, Preset.MAIN, Preset.UPSTREAMINFO, Preset.COMMON)) {
            all.add(p.format());
        }
        for (String label : List.of("escape=json", "request parts", "unquoted request", "escape=none",
                "adjacent variables", "tab-separated")) {
            all.add(differential.get(label));
        }
        FORMATS = List.copyOf(all);
    }

    private static final List<ParserPair> PAIRS = FORMATS.stream().map(ParserPair::new).toList();

    @FuzzTest(maxDuration = "5m")
    void anyLine_isParsedOrRejectedWithAColumn_andBothParsersAgree(byte[] input) {
        if (input.length == 0) {
            return;
        }
        ParserPair pair = PAIRS.get(Math.floorMod(input[0] - 'a', PAIRS.size()));
        byte[] line = Arrays.copyOfRange(input, 1, input.length);
        ParserPair.Verdict v = pair.check(line);
        assertThat(v.agree()).as(() -> disagreement(pair, line, v)).isTrue();
        if (!v.referenceAccepts()) {
            ParseError e = v.referenceError();
            assertThat(e.column()).as("column of %s", e).isBetween(1, line.length + 1);
            assertThat(e.reason()).as("reason of %s", e).isNotBlank();
            assertThat(pair.fastFailedAt()).as("compiled matcher's failedAt").isBetween(0, line.length);
        }
    }

    private static String disagreement(ParserPair pair, byte[] line, ParserPair.Verdict v) {
        byte[] minimal = pair.shrink(line);
        return String.format("[%s] %s%n  line:    %s%n  minimal: %s%n  %s", pair.format().name(), v.kind(),
                ParserPair.show(line), ParserPair.show(minimal), pair.check(minimal).describe(pair.format()));
    }
}
