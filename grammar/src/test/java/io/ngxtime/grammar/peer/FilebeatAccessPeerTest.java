package io.ngxtime.grammar.peer;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngxtime.grammar.LogRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Filebeat's nginx access test inputs. Their expected outputs were not copied (no timing fields); the
 * edge cases the folder's SOURCE.txt lists are checked here as what ngxtime makes of them: the client
 * position is free text up to {@code " - "}, so address lists (with a quoted X-Forwarded-For prefix, with
 * IPv6) stay whole; {@code ""} and {@code "hello"} requests have no method, path or protocol.
 */
class FilebeatAccessPeerTest {

    @Test
    void sourceTxtEdgeCases_areKeptAsLogged() {
        List<PeerLine> lines = PeerFolder.FILEBEAT_ACCESS.lines(PeerLogs.requireRoot());

        assertThat(record(lines, "test.log", 1).remoteAddr()).isEqualTo("10.0.0.2, 10.0.0.1, 127.0.0.1");
        assertThat(record(lines, "test.log", 5).remoteAddr())
                .isEqualTo("\"10.5.102.222, 199.96.1.1, 204.246.1.1\" 10.2.1.185");
        assertThat(record(lines, "test.log", 6).remoteAddr())
                .isEqualTo("2a03:0000:10ff:f00f:0000:0000:0:8000, 10.225.192.17 10.2.2.121");
        LogRecord empty = record(lines, "test.log", 7);
        assertThat(List.of(empty.request(), empty.status(), empty.bodyBytesSent())).containsExactly("", 400, 0L);
        assertThat(empty.method()).isNull();

        LogRecord unix = record(lines, "test-with-host.log", 8);
        assertThat(unix.host()).isEqualTo("example.com:80");
        assertThat(unix.remoteAddr()).isEqualTo("unix:");
        assertThat(unix.request()).isEqualTo("hello");
        assertThat(List.of(String.valueOf(unix.method()), String.valueOf(unix.path()), String.valueOf(unix.protocol())))
                .containsOnly("null");
        assertThat(record(lines, "test-with-host.log", 10).remoteAddr()).isEqualTo("localhost, localhost");
        assertThat(record(lines, "test-with-host.log", 2).variable("http_x_forwarded_for")).isEqualTo("-");
    }

    private static LogRecord record(List<PeerLine> lines, String file, int number) {
        PeerLine line = lines.stream().filter(l -> l.file().equals(file) && l.number() == number).findFirst()
                .orElseThrow();
        return PeerChecks.parse(line.format().format(), line.text());
    }
}
