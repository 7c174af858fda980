package io.ngxtime.analyzer.record;

import io.ngxtime.grammar.FieldKind;
import io.ngxtime.grammar.FormatPart;
import io.ngxtime.grammar.LogFormat;

/**
 * Which of the variables the report is built from a log format contains, as a bit set: what the log
 * says nothing about is unknown ("not logged"), never 0. Every request carries the set of the format it
 * was parsed with, so a queue holding batches of several formats still knows, request by request.
 */
public enum Logged {
    /** {@code $status}. */
    STATUS,
    /** {@code $request_time}. */
    REQUEST_TIME,
    /** {@code $body_bytes_sent} or {@code $bytes_sent}. */
    BYTES,
    /** {@code $upstream_addr}. */
    UPSTREAM_ADDR,
    /** {@code $upstream_status}. */
    UPSTREAM_STATUS,
    /** {@code $upstream_connect_time}. */
    UPSTREAM_CONNECT_TIME,
    /** {@code $upstream_header_time}. */
    UPSTREAM_HEADER_TIME,
    /** {@code $upstream_response_time}. */
    UPSTREAM_RESPONSE_TIME,
    /** {@code $upstream_cache_status}. */
    CACHE_STATUS,
    /** A time: {@code $time_local}, {@code $time_iso8601} or {@code $msec}. */
    TIME;

    /** The set of everything: what batches written before the set was kept are taken to log. */
    public static final int ALL = (1 << values().length) - 1;

    /** This field's bit. */
    public int bit() {
        return 1 << ordinal();
    }

    /** Whether {@code set} holds this field. */
    public boolean in(int set) {
        return (set & bit()) != 0;
    }

    /** Any of the upstream variables: the format can tell requests that went upstream. */
    public static final int ANY_UPSTREAM = UPSTREAM_ADDR.bit() | UPSTREAM_STATUS.bit() | UPSTREAM_CONNECT_TIME.bit()
            | UPSTREAM_HEADER_TIME.bit() | UPSTREAM_RESPONSE_TIME.bit();

    /** The fields {@code format} logs. */
    public static int of(LogFormat format) {
        int set = 0;
        for (FormatPart.Variable v : format.variables()) {
            set |= switch (v.name()) {
                case "status" -> STATUS.bit();
                case "request_time" -> REQUEST_TIME.bit();
                case "body_bytes_sent", "bytes_sent" -> BYTES.bit();
                case "upstream_addr" -> UPSTREAM_ADDR.bit();
                case "upstream_status" -> UPSTREAM_STATUS.bit();
                case "upstream_connect_time" -> UPSTREAM_CONNECT_TIME.bit();
                case "upstream_header_time" -> UPSTREAM_HEADER_TIME.bit();
                case "upstream_response_time" -> UPSTREAM_RESPONSE_TIME.bit();
                case "upstream_cache_status" -> CACHE_STATUS.bit();
                default -> 0;
            };
            if (v.kind() == FieldKind.TIME_LOCAL || v.kind() == FieldKind.TIME_ISO8601 || v.kind() == FieldKind.MSEC) {
                set |= TIME.bit();
            }
        }
        return set;
    }
}
