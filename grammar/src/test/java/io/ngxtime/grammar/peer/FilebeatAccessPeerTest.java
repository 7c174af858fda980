package io.ngxtime.grammar.peer;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngxtime.grammar.LogRecord;
import io.ngxtime.grammar.reference.ReferenceLineParser;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Filebeat's nginx access test inputs. Their expected outputs were not copied (no timing fields); the
 * edge cases the folder's SOURCE.txt lists are checked here as what ngxtime makes of them: {@code $remote_addr}
 * is one address as nginx writes it, so the lines with address lists (a quoted X-Forwarded-For prefix,
 * IPv6 in a list) or {@code localhost} in its place are rejected, and say where; {@code ""} and
 * {@code "hello"} requests have no method, path or protocol.
 */
class FilebeatAccessPeerTest {

    @Test
    void sourceTxtEdgeCases_areKeptAsLogged() {
        List<PeerLine> lines = PeerFolder.FILEBEAT_ACCESS.lines(PeerLogs.requireRoot());

        assertThat(reason(lines, "test.log", 1)).isEqualTo("expected ' ' at column 9, found ',' (after $remote_addr)");
        assertThat(reason(lines, "test.log", 5))
                .isEqualTo("expected an IP address (IPv4, IPv6 or unix:) at column 1, found '\"' (in $remote_addr)");
        assertThat(reason(lines, "test.log", 6)).isEqualTo("expected ' ' at column 37, found ',' (after $remote_addr)");
        assertThat(record(lines, "test.log", 4).remoteAddr()).isEqualTo("85.181.35.98");
        LogRecord empty = record(lines, "test.log", 7);
        assertThat(List.of(empty.request(), empty.status(), empty.bodyBytesSent())).containsExactly("", 400, 0L);
        assertThat(empty.method()).isNull();

        LogRecord unix = record(lines, "test-with-host.log", 8);
        assertThat(unix.host()).isEqualTo("example.com:80");
        assertThat(unix.remoteAddr()).isEqualTo("unix:");
        assertThat(unix.request()).isEqualTo("hello");
        assertThat(List.of(String.valueOf(unix.method()), String.valueOf(unix.path()), String.valueOf(unix.protocol())))
                .containsOnly("null");
        assertThat(reason(lines, "test-with-host.log", 10))
                .isEqualTo("expected an IP address (IPv4, IPv6 or unix:) at column 13, found 'l' (in $remote_addr)");
        assertThat(record(lines, "test-with-host.log", 4).host()).isEqualTo("example.com:80");
        assertThat(record(lines, "test-with-host.log", 2).variable("http_x_forwarded_for")).isEqualTo("-");
    }

    private static String reason(List<PeerLine> lines, String file, int number) {
        PeerLine line = lines.stream().filter(l -> l.file().equals(file) && l.number() == number).findFirst()
                .orElseThrow();
        byte[] b = line.bytes();
        return new ReferenceLineParser(line.format().format()).diagnose(b, 0, b.length).message();
    }

    private static LogRecord record(List<PeerLine> lines, String file, int number) {
        PeerLine line = lines.stream().filter(l -> l.file().equals(file) && l.number() == number).findFirst()
                .orElseThrow();
        return PeerChecks.parse(line.format().format(), line.text());
    }
}
