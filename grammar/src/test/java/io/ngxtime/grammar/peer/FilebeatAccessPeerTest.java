package io.ngxtime.grammar.peer;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngxtime.grammar.LogRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Filebeat's nginx access test inputs. Their expected outputs were not copied (no timing fields); the
 * edge cases the folder's SOURCE.txt lists are checked here as what ngxtime makes of them: {@code ""} and
 * {@code "hello"} requests have no method, path or protocol; {@code unix:} is a client address (nginx writes
 * it for a client on a unix socket); {@code $host} may carry a {@code :port}. The lines holding an address
 * list, a quoted X-Forwarded-For list or a host name as the client are judged unparseable on purpose
 * ({@link PeerFolder#FILEBEAT_ACCESS}; the conformance table checks they are rejected at {@code $remote_addr}).
 */
class FilebeatAccessPeerTest {
    /** An IPv4 address, an IPv6 address (hex groups and colons, maybe a dotted tail), or {@code unix:}. */
    private static final Pattern ONE_ADDRESS =
            Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}|[0-9a-fA-F:]*:[0-9a-fA-F:.]*|unix:");

    @Test
    void sourceTxtEdgeCases_areKeptAsLogged() {
        List<PeerLine> lines = PeerFolder.FILEBEAT_ACCESS.lines(PeerLogs.requireRoot());

        LogRecord empty = record(lines, "test.log", 7);
        assertThat(List.of(empty.request(), empty.status(), empty.bodyBytesSent())).containsExactly("", 400, 0L);
        assertThat(empty.method()).isNull();

        LogRecord unix = record(lines, "test-with-host.log", 8);
        assertThat(unix.host()).isEqualTo("example.com:80");
        assertThat(unix.remoteAddr()).isEqualTo("unix:");
        assertThat(unix.request()).isEqualTo("hello");
        assertThat(List.of(String.valueOf(unix.method()), String.valueOf(unix.path()), String.valueOf(unix.protocol())))
                .containsOnly("null");
        assertThat(record(lines, "test-with-host.log", 4).host()).isEqualTo("example.com:80");
        assertThat(record(lines, "test-with-host.log", 2).variable("http_x_forwarded_for")).isEqualTo("-");
    }

    @Test
    void linesJudgedUnparseable_areExactlyThoseWhoseClientIsNotOneAddress() {
        List<String> judged = new ArrayList<>();
        List<String> notOneAddress = new ArrayList<>();
        for (PeerLine l : PeerFolder.FILEBEAT_ACCESS.lines(PeerLogs.requireRoot())) {
            String where = l.file() + ":" + l.number();
            if (!l.mustParse()) {
                judged.add(where);
            }
            // the text before " - ", without the $host word that starts test-with-host.log's lines
            String client = l.text().substring(0, l.text().indexOf(" - "));
            if (l.file().equals("test-with-host.log")) {
                client = client.substring(client.indexOf(' ') + 1);
            }
            if (!ONE_ADDRESS.matcher(client).matches()) {
                notOneAddress.add(where);
            }
        }

        assertThat(judged).isEqualTo(notOneAddress).hasSize(10);
    }

    private static LogRecord record(List<PeerLine> lines, String file, int number) {
        PeerLine line = lines.stream().filter(l -> l.file().equals(file) && l.number() == number).findFirst()
                .orElseThrow();
        return PeerChecks.parse(line.format().format(), line.text());
    }
}
