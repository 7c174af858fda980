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

class LogReaderTest {
    private static final String LINE = "192.0.2.7 - - [10/Oct/2026:13:55:36 +0200] \"GET / HTTP/1.1\" 200 5 \"-\" \"curl/8\"";

    /** What reached the sink: "ok" per accepted line, "line N: message" per rejected one. */
    private static List<String> read(String text, LogReader reader) throws Exception {
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
        LogReader reader = new LogReader(Preset.COMBINED.format());
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
        List<String> seen = read("  \n", new LogReader(Preset.COMBINED.format()));
        assertThat(seen).hasSize(1);
        assertThat(seen.get(0)).doesNotContain("empty line");
    }
}
