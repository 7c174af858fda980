package io.ngxtime.grammar;

import java.util.Map;

/**
 * How the parser reads one nginx variable: the typed variables ngxtime understands, and free text for
 * every other one. Adding a typed variable is a row in {@link #of(String)}'s table.
 */
public enum FieldKind {
    /** {@code $time_local}: {@code 10/Oct/2000:13:55:36 -0700}. */
    TIME_LOCAL,
    /** {@code $time_iso8601}: {@code 2000-10-10T13:55:36-07:00}. */
    TIME_ISO8601,
    /** {@code $msec}: seconds since the epoch with millisecond resolution, {@code 971211336.123}. */
    MSEC,
    /** {@code $request}: the request line, split into method, path and protocol where it has that shape. */
    REQUEST,
    /**
     * {@code $remote_addr}, {@code $realip_remote_addr}, {@code $server_addr}: one address as nginx prints a
     * socket address: IPv4 ({@code 192.0.2.1}), IPv6 ({@code 2001:db8::1}, {@code ::ffff:192.0.2.1}) or a
     * unix socket ({@code unix:}, {@code unix:/run/nginx.sock}); never text with spaces.
     */
    ADDRESS,
    /** {@code $request_method}: an HTTP token ({@code GET}, {@code PROPFIND}); {@code -} when nginx had none. */
    METHOD,
    /**
     * {@code $host}, {@code $hostname}, {@code $server_name}: a host name (or address, {@code [::1]},
     * {@code _}), which nginx never writes with a space, a quote or a slash in it.
     */
    HOST,
    /** {@code $status}: a three-digit code. */
    STATUS,
    /** Byte counts such as {@code $body_bytes_sent}; {@code -} means absent. */
    COUNT,
    /** {@code $request_time}: seconds with millisecond resolution; {@code -} means absent. */
    SECONDS,
    /** {@code $upstream_addr}: list of addresses (or upstream group names). */
    UPSTREAM_ADDR,
    /** {@code $upstream_status}: list of status codes. */
    UPSTREAM_STATUS,
    /** {@code $upstream_connect_time}: list of seconds. */
    UPSTREAM_CONNECT_TIME,
    /** {@code $upstream_header_time}: list of seconds. */
    UPSTREAM_HEADER_TIME,
    /** {@code $upstream_response_time}: list of seconds. */
    UPSTREAM_RESPONSE_TIME,
    /** {@code $upstream_response_length}: list of byte counts. */
    UPSTREAM_RESPONSE_LENGTH,
    /** {@code $upstream_cache_status}: HIT, MISS, ... or {@code -}. */
    CACHE_STATUS,
    /** Any other variable: text up to the literal that follows it in the format. */
    TEXT;

    private static final Map<String, FieldKind> BY_VARIABLE = Map.ofEntries(
            Map.entry("time_local", TIME_LOCAL),
            Map.entry("time_iso8601", TIME_ISO8601),
            Map.entry("msec", MSEC),
            Map.entry("request", REQUEST),
            Map.entry("remote_addr", ADDRESS),
            Map.entry("realip_remote_addr", ADDRESS),
            Map.entry("server_addr", ADDRESS),
            Map.entry("request_method", METHOD),
            Map.entry("host", HOST),
            Map.entry("hostname", HOST),
            Map.entry("server_name", HOST),
            Map.entry("status", STATUS),
            Map.entry("body_bytes_sent", COUNT),
            Map.entry("bytes_sent", COUNT),
            Map.entry("request_length", COUNT),
            Map.entry("request_time", SECONDS),
            Map.entry("upstream_addr", UPSTREAM_ADDR),
            Map.entry("upstream_status", UPSTREAM_STATUS),
            Map.entry("upstream_connect_time", UPSTREAM_CONNECT_TIME),
            Map.entry("upstream_header_time", UPSTREAM_HEADER_TIME),
            Map.entry("upstream_response_time", UPSTREAM_RESPONSE_TIME),
            Map.entry("upstream_response_length", UPSTREAM_RESPONSE_LENGTH),
            Map.entry("upstream_cache_status", CACHE_STATUS));

    /** The kind of an nginx variable, by its name without {@code $}. */
    public static FieldKind of(String variableName) {
        return BY_VARIABLE.getOrDefault(variableName, TEXT);
    }

    /** Whether values of this kind are read as free text up to the following literal. */
    public boolean isFreeText() {
        return this == TEXT || this == REQUEST || this == CACHE_STATUS;
    }

    /**
     * Whether where a value of this kind ends is a choice the parser may revisit: free text, and the
     * tokens ({@link #ADDRESS}, {@link #METHOD}, {@link #HOST}) whose characters may also begin what
     * follows them.
     * Every other kind has one reading: its syntax says where it ends.
     */
    public boolean endsByChoice() {
        return isFreeText() || this == ADDRESS || this == METHOD || this == HOST;
    }

    /** Whether values of this kind are upstream lists ({@code , } and {@code  : } separated). */
    public boolean isUpstreamList() {
        return ordinal() >= UPSTREAM_ADDR.ordinal() && ordinal() <= UPSTREAM_RESPONSE_LENGTH.ordinal();
    }

    /** Whether the first byte of a value of this kind is a digit or {@code -}. */
    public boolean startsWithDigitOrDash() {
        return switch (this) {
            case TIME_LOCAL, TIME_ISO8601, MSEC, STATUS, COUNT, SECONDS, UPSTREAM_STATUS, UPSTREAM_CONNECT_TIME,
                    UPSTREAM_HEADER_TIME, UPSTREAM_RESPONSE_TIME, UPSTREAM_RESPONSE_LENGTH -> true;
            default -> false;
        };
    }
}
