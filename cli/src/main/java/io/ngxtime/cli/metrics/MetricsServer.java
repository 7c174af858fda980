package io.ngxtime.cli.metrics;

import io.ngxtime.analyzer.files.IoErrorText;
import io.ngxtime.analyzer.files.OneLineMessage;
import io.prometheus.metrics.config.PrometheusProperties;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Serves a registry on {@code http://ADDRESS/metrics} in the Prometheus text format, with the Prometheus
 * Java client's {@link HTTPServer} (the JDK's HTTP server, on daemon threads), until {@link #close()}d.
 */
public final class MetricsServer implements Closeable {
    private final HTTPServer server;
    private final MetricsAddress bound;

    private MetricsServer(HTTPServer server, MetricsAddress bound) {
        this.server = server;
        this.bound = bound;
    }

    /**
     * Starts serving {@code registry} at {@code address}.
     *
     * @throws IOException when the address cannot be served: a host that does not resolve, a port in use,
     *     an address not of this machine, a port below 1024 without the right; its message is the one line
     *     to show, naming the address ({@link IoErrorText#describe} shows it as it is)
     */
    public static MetricsServer start(MetricsAddress address, PrometheusRegistry registry) throws IOException {
        InetAddress host;
        try {
            host = InetAddress.getByName(address.host());
        } catch (UnknownHostException e) {
            throw new CannotServeException(address, "unknown host", e);
        }
        try {
            // explicit, empty settings: io.prometheus.exporter.httpServer.* properties must not move the port
            HTTPServer server = HTTPServer.builder(PrometheusProperties.builder().build())
                    .inetAddress(host).port(address.port()).registry(registry).buildAndStart();
            return new MetricsServer(server, new MetricsAddress(address.host(), server.getPort()));
        } catch (IOException e) {
            throw new CannotServeException(address, IoErrorText.describe(e), e);
        }
    }

    /** The port served: the one asked for, or the one the system chose for port 0. */
    public int port() {
        return bound.port();
    }

    /** The address served, with the real port. */
    public MetricsAddress address() {
        return bound;
    }

    /** The URL to scrape, as {@code http://127.0.0.1:9100/metrics}. */
    public String url() {
        return "http://" + bound + "/metrics";
    }

    /** Stops serving and frees the port; a scrape under way is cut. */
    @Override
    public void close() {
        server.close();
    }

    /** The address could not be served; the message is the whole line. */
    static final class CannotServeException extends IOException implements OneLineMessage {
        private static final long serialVersionUID = 1L;

        CannotServeException(MetricsAddress address, String why, Throwable cause) {
            super("cannot serve metrics on " + address + ": " + why, cause);
        }
    }
}
