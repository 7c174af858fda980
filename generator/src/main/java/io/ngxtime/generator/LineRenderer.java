package io.ngxtime.generator;

import io.ngxtime.grammar.CacheStatus;
import io.ngxtime.grammar.Escape;
import io.ngxtime.grammar.FormatPart;
import io.ngxtime.grammar.LogFormat;
import java.nio.charset.StandardCharsets;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link GeneratedRequest} as one line of a {@link LogFormat}, the way nginx would: the
 * format's literals as they are, each variable's value escaped per the format's {@code escape=} mode
 * ({@link NginxEscaper}), {@code -} for variables without a value or not modelled
 * ({@link LoggedValue}). Upstream lists separate attempts with {@code ", "} and upstream groups (after an
 * internal redirect) with {@code " : "}. Times are written with nginx's millisecond resolution.
 * Not thread-safe (it caches the current second's text).
 */
final class LineRenderer {
    private static final byte[] HTTPS = "https".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] COMMA = ", ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] COLON = " : ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[][] CACHE_NAMES = new byte[CacheStatus.values().length][];

    static {
        for (CacheStatus s : CacheStatus.values()) {
            CACHE_NAMES[s.ordinal()] = s.name().getBytes(StandardCharsets.US_ASCII);
        }
    }

    private static final int MAX_ESCAPED_CONSTANTS = 1024;

    private final Escape escape;
    /** Per part: the literal's bytes, or null for a variable. */
    private final byte[][] literals;
    /** Per part: the variable's value, or null for a literal. */
    private final LoggedValue[] values;
    private final int lastLiteralPart;
    private final int firstTimePart;
    private final TimestampWriter time;
    private final LineBuffer scratch = new LineBuffer(512);
    /** Escaped forms of constant values (user agents, referers, ...), by identity of the constant. */
    private final Map<byte[], byte[]> escapedConstants = new IdentityHashMap<>();
    private int lastLiteralEnd = -1;

    LineRenderer(LogFormat format, int zoneOffsetSeconds) {
        this.escape = format.escape();
        this.time = new TimestampWriter(zoneOffsetSeconds);
        List<FormatPart> parts = format.parts();
        int n = parts.size();
        literals = new byte[n][];
        values = new LoggedValue[n];
        int lastLiteral = -1;
        int firstTime = -1;
        for (int i = 0; i < n; i++) {
            FormatPart p = parts.get(i);
            if (p instanceof FormatPart.Literal l) {
                literals[i] = l.text().getBytes(StandardCharsets.UTF_8);
                lastLiteral = i;
            } else {
                LoggedValue v = LoggedValue.of(((FormatPart.Variable) p).name());
                values[i] = v;
                if (firstTime < 0 && v.isTime()) {
                    firstTime = i;
                }
            }
        }
        this.lastLiteralPart = lastLiteral;
        this.firstTimePart = firstTime;
    }

    /** Whether the format logs a time ({@code $time_local}, {@code $time_iso8601} or {@code $msec}). */
    boolean hasTime() {
        return firstTimePart >= 0;
    }

    /** Whether the format has literal text after its first part (so a line can be cut before it). */
    boolean hasLiteralAfterStart() {
        return lastLiteralPart > 0;
    }

    /**
     * Offset in the output buffer just after the format's last literal in the line last rendered, or -1
     * when the format has no literal.
     */
    int lastLiteralEnd() {
        return lastLiteralEnd;
    }

    /** Appends {@code r} as a line (without the newline) to {@code out}. */
    void render(GeneratedRequest r, LineBuffer out) {
        render(r, out, -1);
    }

    /**
     * Appends {@code r} as a line; when {@code brokenTimeVariant >= 0}, the format's first time variable is
     * written in a way no nginx writes (see {@link TimestampWriter}).
     */
    void render(GeneratedRequest r, LineBuffer out, int brokenTimeVariant) {
        lastLiteralEnd = -1;
        for (int i = 0; i < literals.length; i++) {
            byte[] lit = literals[i];
            if (lit != null) {
                out.append(lit);
                if (i == lastLiteralPart) {
                    lastLiteralEnd = out.length();
                }
            } else if (brokenTimeVariant >= 0 && i == firstTimePart) {
                switch (values[i]) {
                    case TIME_LOCAL -> time.brokenTimeLocal(out, r.timeMillis, brokenTimeVariant);
                    case TIME_ISO8601 -> time.brokenTimeIso8601(out, r.timeMillis, brokenTimeVariant);
                    default -> TimestampWriter.brokenMsec(out, r.timeMillis);
                }
            } else {
                value(values[i], r, out);
            }
        }
    }

    private void text(LineBuffer out, LineBuffer value) {
        byte[] constant = value.source();
        if (constant == null) {
            NginxEscaper.append(escape, out, value);
            return;
        }
        byte[] escaped = escapedConstants.get(constant);
        if (escaped == null) {
            if (escapedConstants.size() >= MAX_ESCAPED_CONSTANTS) {
                NginxEscaper.append(escape, out, value);
                return;
            }
            LineBuffer b = new LineBuffer(constant.length + 16);
            NginxEscaper.append(escape, b, constant, 0, constant.length);
            escaped = java.util.Arrays.copyOf(b.bytes(), b.length());
            escapedConstants.put(constant, escaped);
        }
        out.append(escaped);
    }

    private void value(LoggedValue v, GeneratedRequest r, LineBuffer out) {
        switch (v) {
            case REMOTE_ADDR -> text(out, r.clientAddress);
            case REMOTE_USER -> text(out, r.remoteUser);
            case TIME_LOCAL -> time.timeLocal(out, r.timeMillis);
            case TIME_ISO8601 -> time.timeIso8601(out, r.timeMillis);
            case MSEC -> time.msec(out, r.timeMillis);
            case REQUEST -> {
                scratch.clear();
                r.requestLine(scratch);
                text(out, scratch);
            }
            case REQUEST_METHOD -> textOrDash(out, r.hasRawRequest ? null : r.method);
            case REQUEST_URI -> textOrDash(out, r.hasRawRequest ? null : r.target);
            case URI -> uri(r, out);
            case ARGS -> args(r, out);
            case SERVER_PROTOCOL -> textOrDash(out, r.hasRawRequest ? null : r.protocol);
            case SCHEME -> out.append(HTTPS);
            case STATUS -> out.appendLong(r.status);
            case BODY_BYTES_SENT -> out.appendLong(r.bodyBytesSent);
            case BYTES_SENT -> out.appendLong(r.bytesSent);
            case REQUEST_LENGTH -> out.appendLong(r.requestLength);
            case HTTP_REFERER -> text(out, r.referer);
            case HTTP_USER_AGENT -> text(out, r.userAgent);
            case HTTP_X_FORWARDED_FOR -> text(out, r.forwardedFor);
            case HOST -> text(out, r.host);
            case REQUEST_TIME -> out.appendMillisAsSeconds(r.requestTimeMillis);
            case UPSTREAM_ADDR, UPSTREAM_STATUS, UPSTREAM_CONNECT_TIME, UPSTREAM_HEADER_TIME,
                    UPSTREAM_RESPONSE_TIME, UPSTREAM_RESPONSE_LENGTH -> upstreamList(v, r, out);
            case UPSTREAM_CACHE_STATUS -> {
                if (r.cacheStatus == CacheStatus.NONE) {
                    out.append('-');
                } else {
                    out.append(CACHE_NAMES[r.cacheStatus.ordinal()]);
                }
            }
            case PROXY_UPSTREAM_NAME -> {
                if (r.upstreamName == null) {
                    out.append('-');
                } else {
                    out.append(r.upstreamName);
                }
            }
            case PROXY_ALTERNATIVE_UPSTREAM_NAME -> {
                // ingress-nginx sets it to the empty string unless a canary is configured
            }
            case REQUEST_ID -> out.appendHex(r.requestIdHigh, 16).appendHex(r.requestIdLow, 16);
            case UNKNOWN -> out.append('-');
            default -> throw new AssertionError(v);
        }
    }

    private void textOrDash(LineBuffer out, LineBuffer value) {
        if (value == null || value.length() == 0) {
            out.append('-');
        } else {
            text(out, value);
        }
    }

    private void uri(GeneratedRequest r, LineBuffer out) {
        if (r.hasRawRequest) {
            out.append('-');
            return;
        }
        // $uri is the normalised path: no query, %XX decoded
        scratch.clear();
        LineBuffer t = r.target;
        int n = t.length();
        for (int i = 0; i < n; i++) {
            byte c = t.byteAt(i);
            if (c == '?') {
                break;
            }
            if (c == '%' && i + 2 < n && hex(t.byteAt(i + 1)) >= 0 && hex(t.byteAt(i + 2)) >= 0) {
                scratch.append((byte) (hex(t.byteAt(i + 1)) * 16 + hex(t.byteAt(i + 2))));
                i += 2;
            } else {
                scratch.append(c);
            }
        }
        text(out, scratch);
    }

    private static int hex(byte c) {
        return Character.digit(c, 16);
    }

    private void args(GeneratedRequest r, LineBuffer out) {
        LineBuffer t = r.target;
        int q = -1;
        for (int i = 0; i < t.length() && !r.hasRawRequest; i++) {
            if (t.byteAt(i) == '?') {
                q = i;
                break;
            }
        }
        if (q < 0 || q == t.length() - 1) {
            out.append('-');
            return;
        }
        NginxEscaper.append(escape, out, t.bytes(), q + 1, t.length());
    }

    private static void upstreamList(LoggedValue v, GeneratedRequest r, LineBuffer out) {
        int n = r.attemptCount;
        if (n == 0) {
            out.append('-');
            return;
        }
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                out.append(r.attemptGroup[i] != r.attemptGroup[i - 1] ? COLON : COMMA);
            }
            switch (v) {
                case UPSTREAM_ADDR -> out.append(Upstreams.addressBytes(r.attemptServer[i]));
                case UPSTREAM_STATUS -> numberOrDash(out, r.attemptStatus[i]);
                case UPSTREAM_CONNECT_TIME -> secondsOrDash(out, r.attemptConnectMillis[i]);
                case UPSTREAM_HEADER_TIME -> secondsOrDash(out, r.attemptHeaderMillis[i]);
                case UPSTREAM_RESPONSE_TIME -> secondsOrDash(out, r.attemptResponseMillis[i]);
                case UPSTREAM_RESPONSE_LENGTH -> numberOrDash(out, r.attemptResponseLength[i]);
                default -> throw new AssertionError(v);
            }
        }
    }

    private static void numberOrDash(LineBuffer out, long v) {
        if (v < 0) {
            out.append('-');
        } else {
            out.appendLong(v);
        }
    }

    private static void secondsOrDash(LineBuffer out, long millis) {
        if (millis < 0) {
            out.append('-');
        } else {
            out.appendMillisAsSeconds(millis);
        }
    }
}
