package io.ngxtime.analyzer.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngxtime.grammar.LogRecord;
import io.ngxtime.grammar.ParseError;
import io.ngxtime.grammar.Preset;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InputParserTest {
    private static final String LINE = "192.0.2.7 - - [10/Oct/2026:13:55:36 +0200] \"GET / HTTP/1.1\" 200 5 \"-\" \"curl/8\"";

    /** What reached the sink: "ok" per accepted line, "line N: message" per rejected one. */
    private static List<String> read(String text, InputParser reader) throws Exception {
        List<String> seen = new ArrayList<>();
        reader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "t.log", new LineSink() {
            @Override
            public void accept(LogRecord record) {
                seen.add("ok");
            }

            @Override
            public void reject(String source, long lineNumber, ParseError error, byte[] b, int from, int to) {
                seen.add(source + ":" + lineNumber + " " + error.reason() + " / " + error.message());
            }
        });
        return seen;
    }

    @Test
    void emptyLines_inTheMiddleAndAtTheEnd_areRejectedAsEmptyLine_andCounted() throws Exception {
        InputParser reader = new InputParser(Preset.COMBINED.format());
        List<String> seen = read(LINE + "\n\n" + LINE + "\r\n\r\n" + LINE + "\n\n", reader);
        assertThat(seen).containsExactly("ok", "t.log:2 empty line / empty line", "ok",
                "t.log:4 empty line / empty line", "ok", "t.log:6 empty line / empty line");
        // as wc -l counts them: six newlines, six lines
        assertThat(reader.stats().lines()).isEqualTo(6);
        assertThat(reader.stats().parsed()).isEqualTo(3);
        assertThat(reader.stats().rejected()).isEqualTo(3);
    }

    @Test
    void aLineOfOnlyBlanks_isNotEmpty_itIsRejectedByTheFormat() throws Exception {
        List<String> seen = read("  \n", new InputParser(Preset.COMBINED.format()));
        assertThat(seen).hasSize(1);
        assertThat(seen.get(0)).doesNotContain("empty line");
    }

    @Test
    void stats_perInput_countLinesAndRejects_andTheTopReason() throws Exception {
        InputParser reader = new InputParser(Preset.COMBINED.format());
        read(LINE + "\n\n\nnot a log line\n", reader);
        LineSink ignore = new LineSink() {
            @Override
            public void accept(LogRecord record) {
            }

            @Override
            public void reject(String source, long lineNumber, ParseError error, byte[] b, int from, int to) {
            }
        };
        reader.read(new ByteArrayInputStream("\n\n".getBytes(StandardCharsets.UTF_8)), "blank.log", ignore);
        reader.read(new ByteArrayInputStream((LINE + "\n").getBytes(StandardCharsets.UTF_8)), "good.log", ignore);
        assertThat(reader.stats().inputLines()).containsExactly(
                new InputLines("t.log", 4, 3, "empty line"),
                new InputLines("blank.log", 2, 2, "empty line"),
                new InputLines("good.log", 1, 0, null));
        assertThat(reader.stats().inputLines().get(0).mostlyRejected()).isTrue();
        assertThat(reader.stats().inputLines().get(1).allRejected()).isTrue();
        assertThat(reader.stats().inputLines().get(1).mostlyRejected()).as("all is not 'more than half'").isFalse();
        assertThat(reader.stats().inputLines().get(2).allRejected()).isFalse();
    }

    @Test
    void inputLines_halfRejected_isNotMostly_andNoLinesIsNotAllRejected() {
        assertThat(new InputLines("a", 4, 2, "x").mostlyRejected()).isFalse();
        assertThat(new InputLines("a", 5, 3, "x").mostlyRejected()).isTrue();
        assertThat(new InputLines("a", 0, 0, null).allRejected()).isFalse();
    }

    @Test
    void stats_ofParallelWorkers_addUpPerInput() throws Exception {
        InputParser one = new InputParser(Preset.COMBINED.format());
        InputParser two = new InputParser(Preset.COMBINED.format());
        read(LINE + "\nx\n", one);
        read("y\n\n\n", two);
        one.stats().add(two.stats());
        assertThat(one.stats().inputLines()).containsExactly(new InputLines("t.log", 5, 4, "empty line"));
    }

    @Test
    void aLineCutShortByDamagedCompressedData_isRejectedWithItsReason_evenWhenItsStartParses() throws Exception {
        // the format ends in a number: a line cut inside it still parses, with a wrong value
        io.ngxtime.grammar.LogFormat format = io.ngxtime.grammar.LogFormats.compile(
                "$remote_addr [$time_local] $status $body_bytes_sent");
        String whole = "192.0.2.7 [10/Oct/2026:13:55:36 +0200] 200 123456";
        String start = "192.0.2.7 [10/Oct/2026:13:55:36 +0200] 200 123";
        assertThat(read(start + "\n", new InputParser(format))).as("the start alone parses").containsExactly("ok");

        List<String> seen = new ArrayList<>();
        InputParser reader = new InputParser(format);
        java.io.InputStream damaged = io.ngxtime.analyzer.testutil.DamagedStream.after(whole + "\n" + start,
                io.ngxtime.analyzer.testutil.DamagedStream.truncatedGzip(99));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> reader.read(damaged, "t.log.gz", new LineSink() {
            @Override
            public void accept(LogRecord record) {
                seen.add("ok");
            }

            @Override
            public void reject(String source, long lineNumber, ParseError error, byte[] b, int from, int to) {
                seen.add(source + ":" + lineNumber + " " + error.reason() + " / " + new String(b, from, to - from, StandardCharsets.UTF_8));
            }
        })).isInstanceOf(io.ngxtime.analyzer.source.CompressedDataException.class)
                .hasMessageEndingWith("line 2, cut short by it, is counted as rejected");
        assertThat(seen).containsExactly("ok", "t.log.gz:2 " + ParseError.CUT_LINE + " / " + start);
        assertThat(reader.stats().inputLines()).containsExactly(new InputLines("t.log.gz", 2, 1, ParseError.CUT_LINE));
    }
}
