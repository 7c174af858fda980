package io.ngxtime.grammar;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.ngxtime.grammar.conf.NginxConfReader;
import io.ngxtime.grammar.reference.ReferenceLineParser;
import java.nio.charset.StandardCharsets;

/**
 * Coverage-guided fuzzing of the log_format compilers. {@link LogFormats#compile}: for any text, the
 * only exception is the documented {@link FormatSyntaxException}, whose position is inside the text and
 * points at what its reason names; a format that compiles builds both line parsers, and its
 * {@link LogFormat#directive()} reads back as the same format. {@link JsonLogFormat#infer}: for any line,
 * a format that reads that line (both parsers agree, as {@link ParserPair} compares them), or a reason.
 *
 * <p>An input is one byte for the escape mode ({@code d} default, {@code j} json, {@code n} none; any byte
 * works, taken modulo three from {@code d}) followed by the format text in UTF-8; for the JSON inference, the
 * line itself. Every build replays the
 * inputs under {@code src/test/resources/io/ngxtime/grammar/LogFormatsFuzzTestInputs/}; {@code JAZZER_FUZZ=1}
 * fuzzes (README, "Fuzzing").
 */
class LogFormatsFuzzTest {
    private static final Escape[] ESCAPES = {Escape.DEFAULT, Escape.JSON, Escape.NONE};
    /** Text that starts with a well-formed variable ({@code $name} or {@code ${name}}), whatever follows. */
    private static final java.util.regex.Pattern VARIABLE_START =
            java.util.regex.Pattern.compile("(?s)\\$(\\{[A-Za-z0-9_]+}|[A-Za-z0-9_]).*");

    @FuzzTest(maxDuration = "5m")
    void anyText_compilesOrThrowsFormatSyntaxExceptionAtAPlaceInIt(byte[] input) {
        if (input.length == 0) {
            return;
        }
        Escape escape = ESCAPES[Math.floorMod(input[0] - 'd', ESCAPES.length)];
        String text = new String(input, 1, input.length - 1, StandardCharsets.UTF_8);
        LogFormat format;
        try {
            format = LogFormats.compile("fuzz", escape, text, PositionMap.singleLine("fuzz"));
        } catch (FormatSyntaxException e) {
            int offset = e.position().column() - 1;
            assertThat(offset).as("offset of %s in %s", e.getMessage(), text.length()).isBetween(0, text.length());
            if (e.reason().startsWith("expected a variable name")) {
                assertThat(text.substring(offset)).as("where %s points", e.getMessage()).startsWith("$")
                        .doesNotMatch(VARIABLE_START);
            }
            return;
        }
        format.newParser();
        new ReferenceLineParser(format);
        format.newRecord();
        LogFormat again = NginxConfReader.parse(format.directive(), "directive").get(0);
        assertThat(again.escape()).isEqualTo(format.escape());
        assertThat(again.parts()).as("parts of %s", format.directive()).isEqualTo(format.parts());
    }

    @FuzzTest(maxDuration = "5m")
    void anyJsonLine_infersAFormatThatReadsIt_orSaysWhyNot(byte[] line) {
        JsonLogFormat.Inference inference = JsonLogFormat.infer(line, 0, line.length);
        if (inference instanceof JsonLogFormat.NotInferred no) {
            assertThat(no.reason()).isNotBlank();
            return;
        }
        LogFormat format = ((JsonLogFormat.Inferred) inference).format();
        ParserPair pair = new ParserPair(format);
        ParserPair.Verdict v = pair.check(line);
        assertThat(v.agree()).as(() -> v.describe(format)).isTrue();
        assertThat(v.fastAccepts()).as(() -> "the line it was inferred from, under " + format.directive()).isTrue();
    }
}
