package io.ngxtime.cli.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ngxtime.analyzer.files.IoErrorText;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The /metrics endpoint on a real socket, on this machine's loopback only. */
class MetricsServerTest {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void start_onPortZero_servesMetricsOnTheChosenPort_untilClosed() throws Exception {
        TailMetrics metrics = new TailMetrics();
        metrics.rejected(4);
        String url;
        try (MetricsServer server = MetricsServer.start(MetricsAddress.parse("0"), metrics.registry())) {
            assertThat(server.port()).isPositive();
            assertThat(server.address()).isEqualTo(new MetricsAddress("127.0.0.1", server.port()));
            url = server.url();
            assertThat(url).isEqualTo("http://127.0.0.1:" + server.port() + "/metrics");
            HttpResponse<String> response = get(url);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("\nngxtime_rejected_lines_total 4.0\n");
        }
        assertThatThrownBy(() -> get(url)).isInstanceOf(ConnectException.class);
    }

    @Test
    void start_onIpv6Loopback_servesThere() throws Exception {
        Assumptions.assumeTrue(ipv6LoopbackWorks(), "no IPv6 loopback on this machine");
        try (MetricsServer server = MetricsServer.start(MetricsAddress.parse("[::1]:0"), new TailMetrics().registry())) {
            assertThat(server.url()).isEqualTo("http://[::1]:" + server.port() + "/metrics");
            assertThat(get(server.url()).body()).contains("# TYPE ngxtime_rejected_lines_total counter");
        }
    }

    @Test
    void start_onAPortInUse_isOneLineIoErrorNamingTheAddress() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            MetricsAddress address = new MetricsAddress("127.0.0.1", taken.getLocalPort());
            assertThatThrownBy(() -> MetricsServer.start(address, new TailMetrics().registry()))
                    .isInstanceOf(IOException.class)
                    .satisfies(e -> {
                        String line = IoErrorText.describe((IOException) e);
                        assertThat(line).isEqualTo(e.getMessage())
                                .startsWith("cannot serve metrics on 127.0.0.1:" + taken.getLocalPort() + ": ")
                                .containsIgnoringCase("in use")
                                .doesNotContain("\n");
                    });
        }
    }

    @Test
    void start_onAnAddressNotOfThisMachine_isOneLineIoError() {
        // 192.0.2.0/24 is TEST-NET-1: no interface here has it, so bind fails at once (nothing is sent)
        MetricsAddress address = MetricsAddress.parse("192.0.2.1:0");
        assertThatThrownBy(() -> MetricsServer.start(address, new TailMetrics().registry()))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("cannot serve metrics on 192.0.2.1:0: ")
                .satisfies(e -> assertThat(IoErrorText.describe((IOException) e)).isEqualTo(e.getMessage())
                        .doesNotContain("\n"));
    }

    private static boolean ipv6LoopbackWorks() {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(InetAddress.getByName("::1"), 0));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
