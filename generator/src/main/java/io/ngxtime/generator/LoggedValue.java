package io.ngxtime.generator;

import java.util.Map;

/**
 * The nginx variables the renderer can fill from a {@link GeneratedRequest}, by name. Any other variable
 * is written as {@code -}, as nginx writes a variable that has no value.
 */
enum LoggedValue {
    REMOTE_ADDR,
    REMOTE_USER,
    TIME_LOCAL,
    TIME_ISO8601,
    MSEC,
    REQUEST,
    REQUEST_METHOD,
    REQUEST_URI,
    URI,
    ARGS,
    SERVER_PROTOCOL,
    SCHEME,
    STATUS,
    BODY_BYTES_SENT,
    BYTES_SENT,
    REQUEST_LENGTH,
    HTTP_REFERER,
    HTTP_USER_AGENT,
    HTTP_X_FORWARDED_FOR,
    REQUEST_TIME,
    UPSTREAM_ADDR,
    UPSTREAM_STATUS,
    UPSTREAM_CONNECT_TIME,
    UPSTREAM_HEADER_TIME,
    UPSTREAM_RESPONSE_TIME,
    UPSTREAM_RESPONSE_LENGTH,
    UPSTREAM_CACHE_STATUS,
    PROXY_UPSTREAM_NAME,
    PROXY_ALTERNATIVE_UPSTREAM_NAME,
    REQUEST_ID,
    HOST,
    UNKNOWN;

    private static final Map<String, LoggedValue> BY_NAME = Map.ofEntries(
            Map.entry("remote_addr", REMOTE_ADDR),
            Map.entry("remote_user", REMOTE_USER),
            Map.entry("time_local", TIME_LOCAL),
            Map.entry("time_iso8601", TIME_ISO8601),
            Map.entry("msec", MSEC),
            Map.entry("request", REQUEST),
            Map.entry("request_method", REQUEST_METHOD),
            Map.entry("request_uri", REQUEST_URI),
            Map.entry("uri", URI),
            Map.entry("document_uri", URI),
            Map.entry("args", ARGS),
            Map.entry("query_string", ARGS),
            Map.entry("server_protocol", SERVER_PROTOCOL),
            Map.entry("scheme", SCHEME),
            Map.entry("status", STATUS),
            Map.entry("body_bytes_sent", BODY_BYTES_SENT),
            Map.entry("bytes_sent", BYTES_SENT),
            Map.entry("request_length", REQUEST_LENGTH),
            Map.entry("http_referer", HTTP_REFERER),
            Map.entry("http_user_agent", HTTP_USER_AGENT),
            Map.entry("http_x_forwarded_for", HTTP_X_FORWARDED_FOR),
            Map.entry("request_time", REQUEST_TIME),
            Map.entry("upstream_addr", UPSTREAM_ADDR),
            Map.entry("upstream_status", UPSTREAM_STATUS),
            Map.entry("upstream_connect_time", UPSTREAM_CONNECT_TIME),
            Map.entry("upstream_header_time", UPSTREAM_HEADER_TIME),
            Map.entry("upstream_response_time", UPSTREAM_RESPONSE_TIME),
            Map.entry("upstream_response_length", UPSTREAM_RESPONSE_LENGTH),
            Map.entry("upstream_cache_status", UPSTREAM_CACHE_STATUS),
            Map.entry("proxy_upstream_name", PROXY_UPSTREAM_NAME),
            Map.entry("proxy_alternative_upstream_name", PROXY_ALTERNATIVE_UPSTREAM_NAME),
            Map.entry("req_id", REQUEST_ID),
            Map.entry("request_id", REQUEST_ID),
            Map.entry("host", HOST),
            Map.entry("http_host", HOST),
            Map.entry("server_name", HOST));

    /** The value for nginx variable {@code name} (without {@code $}); {@link #UNKNOWN} when not modelled. */
    static LoggedValue of(String name) {
        return BY_NAME.getOrDefault(name, UNKNOWN);
    }

    /** Whether this is one of the time variables. */
    boolean isTime() {
        return this == TIME_LOCAL || this == TIME_ISO8601 || this == MSEC;
    }
}
