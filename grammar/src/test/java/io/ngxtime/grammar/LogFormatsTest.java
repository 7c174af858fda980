package io.ngxtime.grammar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class LogFormatsTest {

    @Test
    void compile_splitsVariablesAndLiterals() {
        LogFormat f = LogFormats.compile("$remote_addr [${time_local}] \"$request\"");
        assertThat(f.parts()).containsExactly(
                new FormatPart.Variable("remote_addr"), new FormatPart.Literal(" ["),
                new FormatPart.Variable("time_local"), new FormatPart.Literal("] \""),
                new FormatPart.Variable("request"), new FormatPart.Literal("\""));
        assertThat(f.variables()).extracting(FormatPart.Variable::kind)
                .containsExactly(FieldKind.ADDRESS, FieldKind.TIME_LOCAL, FieldKind.REQUEST);
    }

    @Test
    void compile_leadingEscapeParameter_asInALogFormatDirective_setsTheEscape_andIsNotPartOfTheFormat() {
        LogFormat json = LogFormats.compile("escape=json $remote_addr \"$http_user_agent\"");
        assertThat(json.escape()).isEqualTo(Escape.JSON);
        assertThat(json.parts()).containsExactly(new FormatPart.Variable("remote_addr"), new FormatPart.Literal(" \""),
                new FormatPart.Variable("http_user_agent"), new FormatPart.Literal("\""));
        byte[] line = "10.0.0.1 \"curl \\\"x\\\"\"".getBytes(java.nio.charset.StandardCharsets.UTF_8); // 10.0.0.1 "curl \"x\""
        LogRecord r = json.newRecord();
        assertThat(json.newParser().parse(line, 0, line.length, r)).isTrue();
        assertThat(LogFormats.compile("escape=none $status").escape()).isEqualTo(Escape.NONE);
        assertThat(LogFormats.compile("escape=default $status").escape()).isEqualTo(Escape.DEFAULT);
        // anything else is format text, as before
        assertThat(LogFormats.compile("escape=$status").parts().get(0)).isEqualTo(new FormatPart.Literal("escape="));
        // errors still count columns in the text as given
        assertThatThrownBy(() -> LogFormats.compile("escape=json $status $ x"))
                .isInstanceOf(FormatSyntaxException.class)
                .hasMessage("log format:1:21: expected a variable name after '$', found ' '");
    }

    @Test
    void compile_loneDollar_failsWithColumn() {
        assertThatThrownBy(() -> LogFormats.compile("$status $ x"))
                .isInstanceOf(FormatSyntaxException.class)
                .hasMessage("log format:1:9: expected a variable name after '$', found ' '");
    }

    /** Found by LogFormatsFuzzTest (input d-multiline): ANTLR's column counts from the start of its line. */
    @Test
    void compile_badDollarOnALaterLineOfAConfFormat_pointsAtItsLineAndColumn() {
        String conf = "log_format x '$remote_addr\n   $ status';";
        assertThatThrownBy(() -> io.ngxtime.grammar.conf.NginxConfReader.parse(conf, "nginx.conf"))
                .isInstanceOf(FormatSyntaxException.class)
                .hasMessage("nginx.conf:2:4: expected a variable name after '$', found ' '");
    }

    /** Found by NginxConfReaderFuzzTest (input dollar-newline): the message held the line break itself. */
    @Test
    void compile_dollarBeforeALineBreak_saysSoOnOneLine() {
        assertThatThrownBy(() -> LogFormats.compile("$status $\n"))
                .isInstanceOf(FormatSyntaxException.class)
                .hasMessage("log format:1:9: expected a variable name after '$', found '\\x0A'");
    }

    @Test
    void compile_unclosedBrace_failsWithColumn() {
        assertThatThrownBy(() -> LogFormats.compile("$status ${request"))
                .isInstanceOf(FormatSyntaxException.class)
                .hasMessage("log format:1:9: expected a variable name and '}' after '${'");
    }

    @Test
    void compile_noVariable_fails() {
        assertThatThrownBy(() -> LogFormats.compile("just text"))
                .isInstanceOf(FormatSyntaxException.class)
                .hasMessageContaining("expected at least one $variable");
    }

    @Test
    void presets_allCompile_andTimingHasEveryTimingVariable() {
        List<LogFormat> presets = LogFormats.presets();
        assertThat(presets).extracting(LogFormat::name).containsExactly("combined", "common", "main", "upstreaminfo", "timing");
        LogFormat timing = Preset.TIMING.format();
        for (String v : List.of("request_time", "upstream_addr", "upstream_status", "upstream_connect_time",
                "upstream_header_time", "upstream_response_time", "upstream_cache_status", "msec", "time_local")) {
            assertThat(timing.has(v)).as(v).isTrue();
        }
    }

    @Test
    void presetDirective_compilesBackToTheSameFormat_inLinesOfAtMost80Columns() {
        for (Preset p : Preset.values()) {
            List<LogFormat> parsed = io.ngxtime.grammar.conf.NginxConfReader.parse(p.directive(), "directive");
            assertThat(parsed).hasSize(1);
            assertThat(parsed.get(0).parts()).as(p.presetName()).isEqualTo(p.format().parts());
            // pasted into nginx.conf or read on an 80-column terminal (ngxtime formats): no line wraps
            assertThat(p.directive().lines()).as(p.presetName()).allSatisfy(l -> assertThat(l).hasSizeLessThanOrEqualTo(80))
                    .hasSizeGreaterThan(1);
        }
    }
}
