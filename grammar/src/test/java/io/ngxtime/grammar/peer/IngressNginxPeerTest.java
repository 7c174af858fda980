package io.ngxtime.grammar.peer;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngxtime.grammar.LogRecord;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * ingress-nginx's own Lua helpers, as the folder's SOURCE.txt quotes their tests (no log lines here).
 *
 * <p>Convention: {@code split.get_last_value} keeps the LAST element of a list, over both separators
 * ({@code "a : b"} and {@code "a, b"} both give {@code b}), which is our last attempt. The monitor reads
 * single values ({@code tonumber}; a list would become -1 there), which are our one attempt's values.
 */
class IngressNginxPeerTest {

    /** Both tests' comparisons, for the conformance table. */
    static PeerChecks compare(Path root) {
        PeerChecks checks = new PeerChecks("ingress-nginx");
        split(root, checks);
        monitor(root, checks);
        return checks;
    }

    @Test
    void splitTest_lastValue_isOurLastAttempt() {
        PeerChecks checks = new PeerChecks("ingress-nginx split");
        split(PeerLogs.requireRoot(), checks);
        checks.assertAll(3);
    }

    @Test
    void monitorTest_singleValues_areOurOneAttempt() {
        PeerChecks checks = new PeerChecks("ingress-nginx monitor");
        monitor(PeerLogs.requireRoot(), checks);
        checks.assertAll(5);
    }

    private static void split(Path root, PeerChecks checks) {
        String source = source(root);
        String[][] cases = {
            {"127.0.0.1:26157 : 127.0.0.1:26158", "127.0.0.1:26158"},
            {"127.0.0.1:26157, 127.0.0.1:26158", "127.0.0.1:26158"},
            {"127.0.0.1:26158", "127.0.0.1:26158"},
        };
        for (String[] c : cases) {
            assertThat(source).contains("\"" + c[0] + "\"");
            LogRecord r = PeerChecks.parse(PeerFormat.of("addr", "$upstream_addr").format(), c[0]);
            checks.equal("split_test", c[0] + " last value", c[1], r.attemptAddress(r.attemptCount() - 1));
        }
    }

    private static void monitor(Path root, PeerChecks checks) {
        assertThat(source(root)).contains("request_time \"0.04\" -> 0.04, upstream_connect_time \"0.01\" -> 0.01");
        PeerFormat format = PeerFormat.of("monitor", "$request_time $upstream_connect_time $upstream_header_time "
                + "$upstream_response_time $upstream_response_length");
        LogRecord r = PeerChecks.parse(format.format(), "0.04 0.01 0.02 0.03 456");

        checks.seconds("monitor_test", "request_time", 0.04, r.requestTimeMicros());
        checks.seconds("monitor_test", "upstreamLatency", 0.01, r.attemptConnectMicros(0));
        checks.seconds("monitor_test", "upstreamHeaderTime", 0.02, r.attemptHeaderMicros(0));
        checks.seconds("monitor_test", "upstreamResponseTime", 0.03, r.upstreamTimeMicros());
        checks.number("monitor_test", "upstreamResponseLength", 456, r.attemptResponseLength(0));
    }

    private static String source(Path root) {
        return PeerLogs.text(root.resolve(PeerFolder.INGRESS_NGINX.dir()).resolve("SOURCE.txt"));
    }
}
