package io.ngxtime.cli.metrics;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Where {@code tail --metrics} serves: {@code PORT} (on {@link #LOOPBACK}), {@code HOST:PORT} or
 * {@code [IPv6]:PORT}. Loopback unless a host is given, so that the log's figures are not offered to the
 * network by default. Port 0 asks the system for a free port ({@link MetricsServer#port()} says which).
 *
 * @param host the host name or address literal to bind (an IPv6 literal without brackets)
 * @param port 0 to 65535
 */
public record MetricsAddress(String host, int port) {
    /** The host when only a port is given. */
    public static final String LOOPBACK = "127.0.0.1";
    private static final String FORMS = "give PORT, HOST:PORT or [IPv6]:PORT";

    public MetricsAddress {
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("the metrics address needs a host");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("the metrics port must be 0 to 65535, got " + port);
        }
    }

    /**
     * Reads the option's value.
     *
     * @throws IllegalArgumentException with a one-line message naming the value: no port, a port that is
     *     not a number from 0 to 65535, an empty host, an IPv6 address without brackets, or brackets around
     *     something that is not an IPv6 address
     */
    public static MetricsAddress parse(String value) {
        if (value == null || value.isBlank()) {
            throw bad(value == null ? "" : value, "it is empty");
        }
        if (value.startsWith("[")) {
            int close = value.indexOf(']');
            if (close < 0) {
                throw bad(value, "the IPv6 address has no closing ]");
            }
            if (close + 1 >= value.length() || value.charAt(close + 1) != ':') {
                throw bad(value, "a port must follow the IPv6 address, as [::1]:9100");
            }
            String literal = value.substring(1, close);
            if (!literal.contains(":") || !isIpv6Literal(literal)) {
                throw bad(value, "'" + literal + "' is not an IPv6 address");
            }
            return new MetricsAddress(literal, port(value, value.substring(close + 2)));
        }
        int colon = value.indexOf(':');
        if (colon < 0) {
            return new MetricsAddress(LOOPBACK, port(value, value));
        }
        if (value.indexOf(':', colon + 1) >= 0) {
            throw bad(value, "an IPv6 address goes in brackets, as [::1]:9100");
        }
        if (colon == 0) {
            throw bad(value, "the host before the colon is empty (127.0.0.1:PORT for this machine only, 0.0.0.0:PORT for every interface)");
        }
        return new MetricsAddress(value.substring(0, colon), port(value, value.substring(colon + 1)));
    }

    /** {@code host:port}, or {@code [host]:port} for an IPv6 literal: what {@link #parse} reads back. */
    @Override
    public String toString() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    private static int port(String value, String text) {
        if (text.isEmpty() || text.length() > 5 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw bad(value, "the port must be a number from 0 to 65535");
        }
        int port = Integer.parseInt(text);
        if (port > 65535) {
            throw bad(value, "the port must be a number from 0 to 65535");
        }
        return port;
    }

    /** Whether {@code literal} is an IPv6 address; the JDK reads a literal with a colon without asking DNS. */
    private static boolean isIpv6Literal(String literal) {
        try {
            InetAddress.getByName(literal);
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static IllegalArgumentException bad(String value, String why) {
        return new IllegalArgumentException("bad metrics address '" + value + "': " + why + " (" + FORMS + ")");
    }
}
