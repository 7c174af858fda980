package io.ngxtime.grammar.peer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ngxtime.grammar.LogRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * grafana/alloy's tailer test data: 2,000 real lines of an nginx "main" log (an Iranian shop, +0330) and a
 * one-line file without a final newline. alloy asserts no field values (its tests count and forward lines),
 * so this checks invariants read off each line's raw bytes by a scanner independent of our parsers: nginx
 * escapes {@code "} inside values, so the line's quotes delimit its four quoted fields, and the status and
 * byte count are the two tokens after the request's closing quote.
 */
class GrafanaAlloyPeerTest {
    private static final DateTimeFormatter TIME_LOCAL =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT);

    /** A main-format line cut at its quotes: the fields as logged. */
    private record Cut(String client, String time, String request, int status, long bytes, String referer,
                       String agent, String forwardedFor) {
        static Cut of(String line) {
            String[] q = line.split("\"", -1);
            assertThat(q).as("four quoted fields: %s", line).hasSize(9);
            String prefix = q[0];
            String[] statusBytes = q[2].trim().split(" ");
            return new Cut(prefix.substring(0, prefix.indexOf(" - ")),
                    prefix.substring(prefix.indexOf('[') + 1, prefix.indexOf(']')), q[1],
                    Integer.parseInt(statusBytes[0]), Long.parseLong(statusBytes[1]), q[3], q[5], q[7]);
        }
    }

    @Test
    void everyLine_parses_andHoldsWhatItsRawBytesSay() {
        List<PeerLine> lines = PeerFolder.GRAFANA_ALLOY.lines(PeerLogs.requireRoot());
        List<String> differ = new ArrayList<>();
        int checked = 0;
        for (PeerLine line : lines) {
            LogRecord r = PeerChecks.parseOrNull(line);
            assertThat(r).as("%s parses", line.where()).isNotNull();
            Cut cut = Cut.of(line.text());
            List<Object> expected = List.of(cut.client(), OffsetDateTime.parse(cut.time(), TIME_LOCAL).toInstant()
                    .toEpochMilli(), 12_600, cut.request(), cut.status(), cut.bytes(), cut.referer(), cut.agent(),
                    cut.forwardedFor());
            List<Object> ours = List.of(r.remoteAddr(), r.timeMillis(), r.zoneOffsetSeconds(),
                    PeerChecks.raw(r, "request"), r.status(), r.bodyBytesSent(), PeerChecks.raw(r, "http_referer"),
                    PeerChecks.raw(r, "http_user_agent"), PeerChecks.raw(r, "http_x_forwarded_for"));
            if (!expected.equals(ours)) {
                differ.add(line.where() + ": raw " + expected + ", ngxtime " + ours);
            }
            checked++;
        }
        assertThat(differ).isEmpty();
        assertThat(checked).isEqualTo(2001);
    }

    @Test
    void escapedBackslashes_decodeToBackslashes_onTheLinesSourceTxtNames() {
        Path root = PeerLogs.requireRoot();
        List<Integer> withEscape = new ArrayList<>();
        int escapes = 0;
        for (PeerLine line : PeerFolder.GRAFANA_ALLOY.lines(root)) {
            String raw = Cut.of(line.text()).request();
            int n = raw.split("\\\\x5C", -1).length - 1;
            if (n == 0) {
                continue;
            }
            withEscape.add(line.number());
            escapes += n;
            LogRecord r = PeerChecks.parseOrNull(line);
            assertThat(raw.replace("\\x5C", "")).as("the only escape nginx wrote on %s is \\x5C", line.where())
                    .doesNotContain("\\x");
            assertThat(r.request()).as(line.where()).isEqualTo(raw.replace("\\x5C", "\\"));
            assertThat(r.path()).as(line.where()).contains("\\").doesNotContain("\\x5C");
        }
        // SOURCE.txt: "40 occurrences of \x5C ... (lines 167, 231, 975, 1700, 1778 ...)"
        assertThat(withEscape).containsExactly(167, 231, 975, 1700, 1778);
        assertThat(escapes).isEqualTo(40);
    }

    @Test
    void oneLineLog_withoutFinalNewline_isTheLineAlloyDelivers_andParses() throws IOException {
        Path root = PeerLogs.requireRoot();
        Path dir = root.resolve(PeerFolder.GRAFANA_ALLOY.dir());
        JsonNode expected = PeerLogs.json(dir.resolve("expected.json"));
        byte[] file = Files.readAllBytes(dir.resolve("onelinelog.log"));
        PeerLine line = PeerFolder.GRAFANA_ALLOY.lines(root).stream().filter(l -> l.file().equals("onelinelog.log"))
                .findFirst().orElseThrow();

        assertThat(file[file.length - 1]).as("no final newline").isNotEqualTo((byte) '\n');
        assertThat(line.text()).isEqualTo(expected.path("onelinelog.log").path("1").get("line").asText());
        LogRecord r = PeerChecks.parseOrNull(line);
        assertThat(r).isNotNull();
        assertThat(r.time().toInstant()).hasToString("2019-01-26T16:15:25Z");
        assertThat(PeerChecks.raw(r, "http_x_forwarded_for")).isEqualTo("-");
    }

    @Test
    void shortAccessLog_hasTheLineCountExpectedJsonGives() {
        Path root = PeerLogs.requireRoot();
        JsonNode expected = PeerLogs.json(root.resolve(PeerFolder.GRAFANA_ALLOY.dir()).resolve("expected.json"));

        assertThat(PeerFolder.GRAFANA_ALLOY.lines(root).stream().filter(l -> l.file().equals("short-access.log")))
                .hasSize(expected.path("short-access.log").path("_file").get("lines").asInt());
    }
}
