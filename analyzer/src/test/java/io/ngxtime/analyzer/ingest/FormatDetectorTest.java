package io.ngxtime.analyzer.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ngxtime.grammar.LogFormat;
import io.ngxtime.grammar.LogFormats;
import io.ngxtime.grammar.Preset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FormatDetectorTest {
    private static final List<LogFormat> PRESETS = List.of(Preset.TIMING.format(), Preset.COMBINED.format(),
            Preset.MAIN.format(), Preset.UPSTREAMINFO.format());

    private static List<byte[]> lines(int combined, int junk) {
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < junk; i++) {
            out.add(("garbage " + i).getBytes(StandardCharsets.UTF_8));
        }
        for (int i = 0; i < combined; i++) {
            out.add(("192.0.2.7 - - [10/Oct/2026:13:55:36 +0200] \"GET /" + i + " HTTP/1.1\" 200 5 \"-\" \"curl/8\"")
                    .getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }

    @Test
    void aFewJunkLinesInASmallSample_doNotHideTheFormat() throws Exception {
        assertThat(FormatDetector.detect(PRESETS, lines(6, 1), "t.log").format().name()).isEqualTo("combined");
        assertThat(FormatDetector.detect(PRESETS, lines(98, 2), "t.log").format().name()).isEqualTo("combined");
        assertThat(FormatDetector.detect(PRESETS, lines(4, 1), "t.log").parsed()).isEqualTo(4);
    }

    @Test
    void aLargeSample_needsNineInTenLines() throws Exception {
        assertThat(FormatDetector.detect(PRESETS, lines(900, 100), "t.log").format().name()).isEqualTo("combined");
        assertThatThrownBy(() -> FormatDetector.detect(PRESETS, lines(899, 101), "t.log"))
                .isInstanceOf(FormatDetectionException.class).hasMessageContaining("closest is 'combined'")
                .hasMessageContaining("parsed 899 of 1000");
    }

    @Test
    void mostlyJunk_isNoFit_evenWhenSmall() {
        assertThatThrownBy(() -> FormatDetector.detect(PRESETS, lines(1, 2), "t.log"))
                .isInstanceOf(FormatDetectionException.class);
        assertThatThrownBy(() -> FormatDetector.detect(PRESETS, lines(2, 2), "t.log"))
                .isInstanceOf(FormatDetectionException.class);
    }

    @Test
    void anEmptyInput_saysTheFormatIsAssumed() throws Exception {
        assertThat(FormatDetector.detect(PRESETS, List.of(), "t.log").describe()).contains("assumed").doesNotContain("parsed 0");
    }

    private static List<byte[]> bytes(String... lines) {
        return java.util.Arrays.stream(lines).map(l -> l.getBytes(StandardCharsets.UTF_8)).toList();
    }

    private static final String CLF = "192.0.2.7 - frank [10/Oct/2026:13:55:36 +0200] \"GET /a.gif HTTP/1.0\" 200 2326";

    @Test
    void aCommonLogFormatLog_isCommon_andACombinedLog_isCombined() throws Exception {
        List<LogFormat> all = LogFormats.presets();
        assertThat(FormatDetector.detect(all, bytes(CLF, CLF.replace("200 2326", "404 -")), "clf.log").format().name())
                .isEqualTo("common");
        assertThat(FormatDetector.detect(all, lines(3, 0), "combined.log").format().name()).isEqualTo("combined");
    }

    @Test
    void reach_isTheShareOfTheLineReadBeforeTheMismatch_neverAWholeLine() {
        assertThat(FormatDetector.reach(0, 80)).isZero();
        assertThat(FormatDetector.reach(60, 80)).isEqualTo(0.75);
        assertThat(FormatDetector.reach(80, 80)).as("rejected at its end: still not a parsed line").isLessThan(1);
        assertThat(FormatDetector.reach(5, 0)).isZero();
    }

    @Test
    void noFit_namesTheFormatThatReadFurthest_notOneThatStoppedAtTheFirstByte() {
        // common reads this line up to its status (column 61); the other format, with more variables
        // (which used to break the tie between formats that parse nothing), stops at column 1
        String line = "192.0.2.7 - - [10/Oct/2026:13:55:36 +0200] \"GET / HTTP/1.1\" x";
        LogFormat bracketsFirst = LogFormats.compile("[$time_local] $status $request_time $upstream_addr $upstream_status "
                + "$upstream_response_time $msec $host $uri");
        assertThat(bracketsFirst.variableCount()).isGreaterThan(Preset.COMMON.format().variableCount());
        for (List<LogFormat> candidates : List.of(List.of(bracketsFirst, Preset.COMMON.format()),
                List.of(Preset.COMMON.format(), bracketsFirst))) {
            assertThatThrownBy(() -> FormatDetector.detect(candidates, bytes(line, line), "t.log"))
                    .isInstanceOf(FormatDetectionException.class)
                    .hasMessageContaining("the closest is 'common' (parsed 0 of 2 lines)")
                    .hasMessageContaining("first mismatch at t.log line 1, column 61");
        }
    }

    @Test
    void noFit_emptyLinesAreLeftOutOfTheSample_andOfTheFirstMismatch() {
        // a combined log whose lines all carry one extra field: combined reads all but that field
        String line = "192.0.2.7 - - [10/Oct/2026:13:55:36 +0200] \"GET / HTTP/1.1\" 200 5 \"-\" \"curl/8\" extra";
        LogFormat statusFirst = LogFormats.compile("$status $request_time $upstream_addr $upstream_status $upstream_response_time "
                + "$upstream_connect_time $upstream_header_time $msec $host $uri");
        assertThatThrownBy(() -> FormatDetector.detect(List.of(statusFirst, Preset.COMBINED.format()),
                bytes("", "\r", line, "", line), "t.log"))
                .isInstanceOf(FormatDetectionException.class)
                .hasMessageContaining("the closest is 'combined' (parsed 0 of 2 lines)")
                .hasMessageContaining("first mismatch at t.log line 3, column");
    }

    private static String json(int i, String extra) {
        return "{\"time\":\"2026-10-10T13:55:" + (10 + i) + "+02:00\",\"status\":200,\"rt\":\"0.01" + i + "\","
                + "\"x\":\"a b\"" + extra + "}";
    }

    @Test
    void aJsonLog_noCandidateFits_itsFormatIsInferred_andSaidKeyByKey() throws Exception {
        FormatDetector.Detection d = FormatDetector.detect(LogFormats.presets(), bytes("", json(1, ""), json(2, ""), json(3, "")), "j.log");
        assertThat(d.format().name()).isEqualTo("json");
        assertThat(d.parsed()).isEqualTo(3);
        assertThat(d.describe()).isEqualTo("log format: JSON (inferred from line 2; parsed 3 of the first 3 lines): "
                + "time -> $time_iso8601, status -> $status, rt -> $request_time, x -> text");
    }

    @Test
    void aJsonLog_aCandidateThatFits_winsOverInference() throws Exception {
        LogFormat given = io.ngxtime.grammar.conf.NginxConfReader.parse("log_format mine escape=json "
                + "'{\"time\":\"$time_iso8601\",\"status\":$status,\"rt\":\"$request_time\",\"x\":\"$http_x\"}';", "conf").get(0);
        FormatDetector.Detection d = FormatDetector.detect(List.of(given), bytes(json(1, ""), json(2, "")), "j.log");
        assertThat(d.format().name()).isEqualTo("mine");
        assertThat(d.inferred()).isNull();
    }

    @Test
    void aJsonLog_whoseKeysVary_isNamedAsJson_withTheMismatchAndHowToGiveItsFormat() {
        assertThatThrownBy(() -> FormatDetector.detect(LogFormats.presets(),
                bytes(json(1, ""), json(2, ",\"y\":1"), json(3, ",\"y\":2")), "j.log"))
                .isInstanceOf(FormatDetectionException.class)
                .hasMessageStartingWith("j.log is a JSON log, but the format inferred from line 1 fits only 1 of 3 lines")
                .hasMessageContaining("first mismatch at j.log line 2, column")
                .hasMessageEndingWith("Give its format with --log-format 'log_format NAME escape=json ...;' "
                        + "(the directive in your nginx.conf) or --nginx-conf FILE");
    }

    @Test
    void aJsonLog_withNestedObjects_isNamedAsJson_andWhy() {
        assertThatThrownBy(() -> FormatDetector.detect(LogFormats.presets(),
                bytes("{\"status\":200,\"headers\":{\"host\":\"a\"}}"), "j.log"))
                .isInstanceOf(FormatDetectionException.class)
                .hasMessageStartingWith("j.log is a JSON log, but its format cannot be inferred from line 1: "
                        + "the value of \"headers\" is an object. Give its format with --log-format");
    }
}
