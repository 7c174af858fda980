package io.ngxtime.generator;

import io.ngxtime.grammar.LogFormat;
import io.ngxtime.grammar.LogRecord;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Compares a parsed line with the request it was generated from, for every value the format logs, and
 * keeps the first failures (line and what differed).
 */
final class LineChecker {
    private static final int MAX_FAILURES = 20;

    private final LogFormat format;
    private final int offsetSeconds;
    private final boolean hasMsec;
    private final boolean hasLocalOrIsoTime;
    private final boolean hasRequestTime;
    private final boolean hasUpstream;
    private final List<String> failures = new ArrayList<>();

    LineChecker(LogFormat format, int offsetSeconds) {
        this.format = format;
        this.offsetSeconds = offsetSeconds;
        this.hasMsec = format.has("msec");
        this.hasLocalOrIsoTime = format.has("time_local") || format.has("time_iso8601");
        this.hasRequestTime = format.has("request_time");
        this.hasUpstream = format.has("upstream_addr");
    }

    List<String> failures() {
        return failures;
    }

    void check(boolean parsed, byte[] line, int from, int to, LogRecord record, GeneratedRequest r) {
        String text = new String(line, from, to - from, StandardCharsets.UTF_8);
        if (!parsed) {
            fail(text, "rejected");
            return;
        }
        List<String> diffs = new ArrayList<>();
        compare(diffs, "status", r.status, record.status());
        if (format.has("body_bytes_sent")) {
            compare(diffs, "body_bytes_sent", r.bodyBytesSent, record.bodyBytesSent());
        }
        if (format.has("bytes_sent")) {
            compare(diffs, "bytes_sent", r.bytesSent, record.bytesSent());
        }
        if (format.has("request_length")) {
            compare(diffs, "request_length", r.requestLength, record.requestLength());
        }
        if (hasMsec) {
            compare(diffs, "timeMillis", r.timeMillis, record.timeMillis());
        } else if (hasLocalOrIsoTime) {
            compare(diffs, "timeMillis", Math.floorDiv(r.timeMillis, 1000) * 1000, record.timeMillis());
        }
        if (hasLocalOrIsoTime) {
            compare(diffs, "zoneOffsetSeconds", offsetSeconds, record.zoneOffsetSeconds());
        }
        if (hasRequestTime) {
            compare(diffs, "requestTimeMicros", r.requestTimeMillis * 1000, record.requestTimeMicros());
        }
        if (format.has("remote_addr")) {
            compare(diffs, "remote_addr", r.clientAddress.toString(), record.remoteAddr());
        }
        if (format.has("remote_user")) {
            compare(diffs, "remote_user", r.remoteUser.toString(), record.remoteUser());
        }
        if (format.has("http_referer")) {
            compare(diffs, "referer", r.referer.toString(), record.referer());
        }
        if (format.has("http_user_agent")) {
            compare(diffs, "user_agent", r.userAgent.toString(), record.userAgent());
        }
        if (format.has("http_x_forwarded_for")) {
            compare(diffs, "x_forwarded_for", r.forwardedFor.toString(), record.variable("http_x_forwarded_for"));
        }
        if (format.has("host")) {
            compare(diffs, "host", r.host.toString(), record.host());
        }
        if (format.has("request")) {
            LineBuffer requestLine = new LineBuffer(64);
            r.requestLine(requestLine);
            compare(diffs, "request", requestLine.toString(), record.request());
            if (r.hasRawRequest) {
                compare(diffs, "hasRequestParts", false, record.hasRequestParts());
            } else {
                compare(diffs, "method", r.method.toString(), record.method());
                compare(diffs, "path", r.target.toString(), record.path());
                compare(diffs, "protocol", r.protocol.toString(), record.protocol());
            }
        }
        if (format.has("upstream_cache_status")) {
            compare(diffs, "cache_status", r.cacheStatus, record.cacheStatus());
        }
        if (hasUpstream) {
            compare(diffs, "attemptCount", r.attemptCount, record.attemptCount());
            for (int i = 0; i < Math.min(r.attemptCount, record.attemptCount()); i++) {
                compare(diffs, "address " + i, Upstreams.address(r.attemptServer[i]), record.attemptAddress(i));
                compare(diffs, "group " + i, r.attemptGroup[i], record.attemptGroup(i));
                if (format.has("upstream_status")) {
                    compare(diffs, "upstream_status " + i, r.attemptStatus[i], record.attemptStatus(i));
                }
                if (format.has("upstream_connect_time")) {
                    compare(diffs, "connect " + i, micros(r.attemptConnectMillis[i]), record.attemptConnectMicros(i));
                }
                if (format.has("upstream_header_time")) {
                    compare(diffs, "header " + i, micros(r.attemptHeaderMillis[i]), record.attemptHeaderMicros(i));
                }
                if (format.has("upstream_response_time")) {
                    compare(diffs, "response " + i, micros(r.attemptResponseMillis[i]), record.attemptResponseMicros(i));
                }
                if (format.has("upstream_response_length")) {
                    compare(diffs, "length " + i, r.attemptResponseLength[i], record.attemptResponseLength(i));
                }
            }
            if (format.has("upstream_response_time") && r.attemptCount > 0) {
                compare(diffs, "upstreamExceedsRequest", r.upstreamMillis() > r.requestTimeMillis,
                        record.upstreamExceedsRequest());
            }
        }
        if (!diffs.isEmpty()) {
            fail(text, String.join("; ", diffs));
        }
    }

    private static long micros(long millis) {
        return millis < 0 ? -1 : millis * 1000;
    }

    private static void compare(List<String> diffs, String what, Object expected, Object actual) {
        if (!Objects.equals(expected, actual)) {
            diffs.add(what + ": expected <" + expected + "> but parsed <" + actual + ">");
        }
    }

    private void fail(String line, String why) {
        if (failures.size() < MAX_FAILURES) {
            failures.add(why + "\n    in: " + line);
        }
    }
}
