package io.ngxtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code report --rejects FILE}: every rejected line as a JSON object per line, byte for byte, from files
 * and from standard input; printing the file replays nothing.
 */
class RejectsFileCommandTest {
    @TempDir
    Path dir;

    static final byte[] NEWLINE = {'\n'};
    static final byte[] ESCAPES = "\u001b]0;pwned\u0007\u001b[2J\u001b[31mred\tcolumn\u007f\u009b1m\r".getBytes(StandardCharsets.UTF_8);
    static final byte[] FORMULA = "=HYPERLINK(\"http://evil.example/\",\"click me\")".getBytes(StandardCharsets.UTF_8);
    static final byte[] LATIN1 = "GET /caf\u00e9 \u00ff".getBytes(StandardCharsets.ISO_8859_1);

    static byte[] log() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<String> good = IngestAndTailCommandTest.lines(0, 20);
        for (int i = 0; i < good.size(); i++) {
            out.writeBytes(good.get(i).getBytes(StandardCharsets.UTF_8));
            out.writeBytes(NEWLINE);
            byte[] bad = switch (i) {
                case 3 -> ESCAPES;
                case 7 -> FORMULA;
                case 11 -> LATIN1;
                case 15 -> ("GET /" + "a".repeat(70_000)).getBytes(StandardCharsets.UTF_8);
                default -> null;
            };
            if (bad != null) {
                out.writeBytes(bad);
                out.writeBytes(NEWLINE);
            }
        }
        return out.toByteArray();
    }

    static List<JsonNode> read(Path rejects) throws Exception {
        String text = Files.readString(rejects, StandardCharsets.US_ASCII);
        assertThat(text.chars()).as("printable ASCII and newlines only: cat replays nothing")
                .allMatch(c -> c == '\n' || (c >= 0x20 && c < 0x7f));
        List<JsonNode> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            out.add(new ObjectMapper().readTree(line));
        }
        return out;
    }

    static byte[] raw(JsonNode n) {
        return n.has("text") ? n.get("text").asText().getBytes(StandardCharsets.UTF_8)
                : Base64.getDecoder().decode(n.get("text_base64").asText());
    }

    static void assertEveryRejectedLineIsThere(List<JsonNode> r, String source) {
        assertThat(r).hasSize(4);
        assertThat(r).allSatisfy(n -> assertThat(n.get("source").asText()).isEqualTo(source));
        assertThat(r.stream().map(n -> n.get("line").asLong())).containsExactly(5L, 10L, 15L, 20L);
        assertThat(raw(r.get(0))).isEqualTo(ESCAPES);
        assertThat(raw(r.get(1))).isEqualTo(FORMULA);
        assertThat(r.get(2).has("text")).as("not UTF-8: no U+FFFD, the bytes in base64").isFalse();
        assertThat(raw(r.get(2))).isEqualTo(LATIN1);
        assertThat(r.get(3).get("truncated").asBoolean()).isTrue();
        assertThat(r.get(3).get("bytes").asLong()).isEqualTo(5 + 70_000);
        assertThat(raw(r.get(3))).hasSize(65536);
        assertThat(r.subList(0, 3)).allSatisfy(n -> assertThat(n.get("truncated").asBoolean()).isFalse());
    }

    @Test
    void fromAFile_everyRejectedLineComesBackByteForByte() throws Exception {
        Path log = Files.write(dir.resolve("access.log"), log());
        Path rejects = dir.resolve("rejects.jsonl");
        ReportCommandTest.Run r = ReportCommandTest.run("report", log.toString(), "--log-format", "combined",
                "--rejects", rejects.toString(), "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.json().get("rejected").asLong()).isEqualTo(4);
        assertEveryRejectedLineIsThere(read(rejects), log.toString());
    }

    /** Regression: standard input is read through a queue, which wrote nothing to the rejects file. */
    @Test
    void fromStandardInput_everyRejectedLineIsWrittenToo() throws Exception {
        Path rejects = dir.resolve("rejects.jsonl");
        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream(log()));
            ReportCommandTest.Run r = ReportCommandTest.run("report", "-", "--log-format", "combined",
                    "--rejects", rejects.toString(), "--json");
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.json().get("rejected").asLong()).isEqualTo(4);
        } finally {
            System.setIn(stdin);
        }
        assertEveryRejectedLineIsThere(read(rejects), "<stdin>");
    }
}
