package io.ngxtime.analyzer.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ngxtime.grammar.Preset;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rejects file is data: every rejected line comes back byte for byte, and printing the file replays nothing. */
class RejectsFileTest {
    private static final byte[] GOOD = ("192.0.2.7 - - [10/Oct/2026:13:55:36 +0200] \"GET / HTTP/1.1\" 200 512 \"-\" \"curl/8\"\n")
            .getBytes(StandardCharsets.UTF_8);

    /** Reads {@code log} with the combined format and returns the rejects file's records. */
    static List<JsonNode> rejects(byte[] log, int maxLineBytes) throws Exception {
        StringWriter out = new StringWriter();
        RejectsFile file = new RejectsFile(out);
        new InputParser(Preset.COMBINED.format(), maxLineBytes).read(new ByteArrayInputStream(log), "a.log", file);
        file.flush();
        String text = out.toString();
        for (char c : text.toCharArray()) {
            assertThat(c == '\n' || (c >= 0x20 && c < 0x7f)).as("only printable ASCII and newlines, found U+%04X", (int) c)
                    .isTrue();
        }
        List<JsonNode> records = new ArrayList<>();
        for (String line : text.split("\n")) {
            records.add(new ObjectMapper().readTree(line));
        }
        return records;
    }

    static byte[] raw(JsonNode record) {
        return record.has("text") ? record.get("text").asText().getBytes(StandardCharsets.UTF_8)
                : Base64.getDecoder().decode(record.get("text_base64").asText());
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    @Test
    void hostileLines_comeBackByteForByte_andTheFileIsPrintableAscii() throws Exception {
        byte[] escape = "\u001b[2J\u001b]0;owned\u0007 GET /\tx\u007f \u009b31m \u202e \r".getBytes(StandardCharsets.UTF_8);
        byte[] formula = "=HYPERLINK(\"http://evil.example/\",\"click\")".getBytes(StandardCharsets.UTF_8);
        byte[] notUtf8 = {'G', 'E', 'T', ' ', (byte) 0xff, (byte) 0xfe, ' ', (byte) 0xc3, '(', ' ', (byte) 0xed, (byte) 0xa0,
            (byte) 0x80};
        byte[] json = "{\"source\":\"forged\",\"line\":1}\"}\n{".getBytes(StandardCharsets.UTF_8);
        byte[] log = concat(escape, "\n".getBytes(StandardCharsets.UTF_8), GOOD, formula, "\n".getBytes(StandardCharsets.UTF_8),
                notUtf8, "\n".getBytes(StandardCharsets.UTF_8), json);
        List<JsonNode> r = rejects(log, 65536);
        assertThat(r).hasSize(5); // the JSON-looking line is two lines of the log
        assertThat(raw(r.get(0))).isEqualTo(escape);
        assertThat(r.get(0).get("line").asLong()).isEqualTo(1);
        assertThat(r.get(0).get("bytes").asLong()).isEqualTo(escape.length);
        assertThat(r.get(0).get("truncated").asBoolean()).isFalse();
        assertThat(raw(r.get(1))).isEqualTo(formula);
        assertThat(r.get(1).get("line").asLong()).isEqualTo(3);
        assertThat(r.get(2).has("text")).as("not UTF-8: base64 instead of U+FFFD").isFalse();
        assertThat(raw(r.get(2))).isEqualTo(notUtf8);
        assertThat(r.get(3).get("source").asText()).isEqualTo("a.log");
        assertThat(raw(r.get(3))).isEqualTo("{\"source\":\"forged\",\"line\":1}\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(r.get(4).get("line").asLong()).isEqualTo(6);
        for (JsonNode n : r) {
            assertThat(n.get("reason").asText()).isNotEmpty();
        }
    }

    @Test
    void aLineOverTheLimit_isMarkedTruncated_withItsWholeLength_andItsFirstBytesExact() throws Exception {
        byte[] longLine = ("GET /" + "é".repeat(40_000) + "x").getBytes(StandardCharsets.UTF_8);
        byte[] unterminated = ("GET /" + "y".repeat(300)).getBytes(StandardCharsets.UTF_8);
        List<JsonNode> r = rejects(concat(GOOD, longLine, "\n".getBytes(StandardCharsets.UTF_8), unterminated), 1000);
        assertThat(r).hasSize(2);
        JsonNode cut = r.get(0);
        assertThat(cut.get("truncated").asBoolean()).isTrue();
        assertThat(cut.get("bytes").asLong()).isEqualTo(longLine.length);
        byte[] first = raw(cut);
        assertThat(first).hasSize(1000);
        assertThat(first).isEqualTo(java.util.Arrays.copyOf(longLine, 1000));
        assertThat(cut.get("reason").asText()).contains("line too long");
        assertThat(r.get(1).get("truncated").asBoolean()).isFalse();
        assertThat(r.get(1).get("bytes").asLong()).as("a last line without its newline").isEqualTo(unterminated.length);
        assertThat(raw(r.get(1))).isEqualTo(unterminated);

        List<JsonNode> lastCut = rejects(concat(GOOD, longLine), 1000);
        assertThat(lastCut.get(0).get("bytes").asLong()).as("a too-long last line without its newline")
                .isEqualTo(longLine.length);
    }
}
