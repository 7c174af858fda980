package io.ngxtime.grammar;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * One parsed access-log line, as a reusable flyweight over the line's bytes: numbers are parsed into
 * fields, text stays a span of the line buffer and becomes a {@code String} (escapes decoded) only
 * when asked for. A {@link LineParser} fills it; the next line overwrites it, so copy what you keep.
 *
 * <p>Times are in microseconds, instants in epoch milliseconds with the zone offset as logged.
 * Numbers logged as {@code -}, and anything whose variable is not in the format, are {@code -1} (or
 * {@code null} for text); text variables are returned as logged, so a {@code -} stays {@code "-"}.
 * Not thread-safe.
 *
 * <p>Upstream attempts: attempt {@code i} is element {@code i} of every {@code $upstream_*} list;
 * {@link #attemptCount()} is the length of {@code $upstream_addr} when the format logs it, else of the
 * longest list (a list that is just {@code -} counts as none); lists of another shape are flagged
 * ({@link #upstreamListsConsistent()}). The request's upstream time is the sum of its attempts' response times (0 when attempts were
 * logged without any response time); its nginx/client time
 * is {@code request_time} minus that sum, never negative (see {@link #upstreamExceedsRequest()}).
 */
public final class LogRecord {
    /** Value of absent numbers. */
    public static final long ABSENT = -1;

    private final LogFormat format;
    private final Escape escape;
    final int[] spanStart;
    final int[] spanEnd;
    private final int remoteAddrIndex;
    private final int remoteUserIndex;
    private final int refererIndex;
    private final int userAgentIndex;
    private final int requestIndex;
    private final int hostIndex;
    private final int cacheStatusIndex;
    private final int requestMethodIndex;
    private final int requestUriIndex;
    private final int uriIndex;
    private final int argsIndex;
    private final int serverProtocolIndex;
    /** What nginx writes for a variable with no value: {@code -}, or nothing with escape=json and escape=none. */
    private final boolean absentIsEmpty;
    /** {@code $uri?$args} put together when a format logs them apart; {@link #pathBuffer()} then points here. */
    private byte[] composedPath = new byte[256];
    private byte[] pathBuffer;

    byte[] line;
    int lineStart;
    int lineEnd;

    long epochSeconds;
    boolean hasSeconds;
    long msecMillis;
    boolean hasMsec;
    int offsetSeconds;

    int status;
    long bodyBytesSent;
    long bytesSent;
    long requestLength;
    long requestTimeMicros;
    int methodStart;
    int methodEnd;
    int targetStart;
    int targetEnd;
    int protocolStart;
    int protocolEnd;
    CacheStatus cacheStatus;

    final UpstreamList addresses = new UpstreamList();
    final UpstreamList statuses = new UpstreamList();
    final UpstreamList connectTimes = new UpstreamList();
    final UpstreamList headerTimes = new UpstreamList();
    final UpstreamList responseTimes = new UpstreamList();
    final UpstreamList responseLengths = new UpstreamList();
    /** The lists by FieldKind ordinal (null for other kinds), for the parser. */
    final UpstreamList[] listByKind = new UpstreamList[FieldKind.values().length];
    /** In the order that picks where group boundaries come from: addresses first. */
    private final UpstreamList[] allLists = {addresses, responseTimes, statuses, connectTimes, headerTimes, responseLengths};

    /** Whether the format logs each of {@link #allLists}. */
    private final boolean[] listLogged = new boolean[6];
    private final boolean logsAddresses;
    private boolean listsConsistent = true;
    private int attemptCount;
    private UpstreamList groupSource;
    private long upstreamTimeMicros;
    private long nginxTimeMicros;
    private boolean upstreamExceedsRequest;

    LogRecord(LogFormat format) {
        this.format = format;
        this.escape = format.escape();
        listByKind[FieldKind.UPSTREAM_ADDR.ordinal()] = addresses;
        listByKind[FieldKind.UPSTREAM_STATUS.ordinal()] = statuses;
        listByKind[FieldKind.UPSTREAM_CONNECT_TIME.ordinal()] = connectTimes;
        listByKind[FieldKind.UPSTREAM_HEADER_TIME.ordinal()] = headerTimes;
        listByKind[FieldKind.UPSTREAM_RESPONSE_TIME.ordinal()] = responseTimes;
        listByKind[FieldKind.UPSTREAM_RESPONSE_LENGTH.ordinal()] = responseLengths;
        int n = format.variableCount();
        this.spanStart = new int[n];
        this.spanEnd = new int[n];
        this.remoteAddrIndex = format.indexOf("remote_addr");
        this.remoteUserIndex = format.indexOf("remote_user");
        this.refererIndex = format.indexOf("http_referer");
        this.userAgentIndex = format.indexOf("http_user_agent");
        this.requestIndex = format.indexOf("request");
        this.hostIndex = firstOf(format, "host", "http_host");
        this.cacheStatusIndex = format.indexOf("upstream_cache_status");
        this.requestMethodIndex = format.indexOf("request_method");
        this.requestUriIndex = format.indexOf("request_uri");
        this.uriIndex = firstOf(format, "uri", "document_uri");
        this.argsIndex = firstOf(format, "args", "query_string");
        this.serverProtocolIndex = format.indexOf("server_protocol");
        this.absentIsEmpty = format.escape() != Escape.DEFAULT;
        this.logsAddresses = format.has("upstream_addr");
        String[] listNames = {"upstream_addr", "upstream_response_time", "upstream_status", "upstream_connect_time",
            "upstream_header_time", "upstream_response_length"};
        for (int k = 0; k < listNames.length; k++) {
            listLogged[k] = format.has(listNames[k]);
        }
        reset(new byte[0], 0, 0);
    }

    private static int firstOf(LogFormat format, String name, String other) {
        int i = format.indexOf(name);
        return i >= 0 ? i : format.indexOf(other);
    }

    /** Clears everything (used once, at construction). */
    void reset(byte[] line, int from, int to) {
        begin(line, from, to);
        java.util.Arrays.fill(spanStart, -1);
        java.util.Arrays.fill(spanEnd, -1);
        hasSeconds = false;
        hasMsec = false;
        offsetSeconds = 0;
        status = -1;
        bodyBytesSent = ABSENT;
        bytesSent = ABSENT;
        requestLength = ABSENT;
        requestTimeMicros = ABSENT;
        cacheStatus = CacheStatus.NONE;
        addresses.clear();
        statuses.clear();
        connectTimes.clear();
        headerTimes.clear();
        responseTimes.clear();
        responseLengths.clear();
    }

    /**
     * Starts a line. Only what a successful parse may leave unset is cleared here: every other field
     * belongs to a variable of the format and is overwritten by every line that matches it (after a
     * line that does not match, the record holds partial values, as {@link LineParser#parse} says).
     */
    void begin(byte[] line, int from, int to) {
        this.line = line;
        this.lineStart = from;
        this.lineEnd = to;
        this.pathBuffer = line;
        methodStart = methodEnd = targetStart = targetEnd = protocolStart = protocolEnd = -1;
    }

    void span(int variableIndex, int start, int end) {
        spanStart[variableIndex] = start;
        spanEnd[variableIndex] = end;
    }

    /** Computes the derived values once all fields are in. */
    void finish() {
        if (methodStart < 0 && targetStart < 0) {
            requestFromParts();
        }
        int n = 0;
        UpstreamList source = null;
        if (logsAddresses) {
            // the attempts are the addresses nginx tried: the other lists align with them by position
            source = addresses;
            n = addresses.isBareDash(line) ? 0 : addresses.size();
        } else {
            for (UpstreamList l : allLists) {
                int size = l.isBareDash(line) ? 0 : l.size();
                if (size > n) {
                    n = size;
                    source = l;
                }
            }
        }
        attemptCount = n;
        groupSource = source;
        listsConsistent = true;
        for (int k = 0; k < allLists.length; k++) {
            UpstreamList l = allLists[k];
            if (!listLogged[k] || l == source) {
                continue;
            }
            if (n == 0 ? !(l.size() == 0 || l.isBareDash(line)) : !sameShape(l, source, n)) {
                listsConsistent = false;
                break;
            }
        }
        long sum = 0;
        int times = Math.min(n, responseTimes.size());
        for (int i = 0; i < times; i++) {
            long v = responseTimes.value(i);
            if (v > 0) {
                sum += v;
            }
        }
        upstreamTimeMicros = n > 0 ? sum : ABSENT;
        if (requestTimeMicros < 0) {
            nginxTimeMicros = ABSENT;
            upstreamExceedsRequest = false;
        } else if (n == 0) {
            nginxTimeMicros = requestTimeMicros;
            upstreamExceedsRequest = false;
        } else {
            long d = requestTimeMicros - sum;
            upstreamExceedsRequest = d < 0;
            nginxTimeMicros = Math.max(0, d);
        }
    }

    /** Whether {@code l} has {@code n} elements, in the same upstream groups as {@code source}'s. */
    private static boolean sameShape(UpstreamList l, UpstreamList source, int n) {
        if (l.size() != n) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (l.group(i) != source.group(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Method, target and protocol from the variables that log them apart, for a line whose format has no
     * {@code $request} (or whose request line was not METHOD target [HTTP/x]): {@code $request_method},
     * {@code $request_uri} (else {@code $uri} or {@code $document_uri}, with {@code ?$args} or
     * {@code ?$query_string} when those are logged and not empty), {@code $server_protocol}. A value
     * nginx wrote as "no value" ({@code -}, or empty with escape=json and escape=none) is absent.
     */
    private void requestFromParts() {
        if (present(requestMethodIndex)) {
            methodStart = spanStart[requestMethodIndex];
            methodEnd = spanEnd[requestMethodIndex];
        }
        if (present(requestUriIndex)) {
            targetStart = spanStart[requestUriIndex];
            targetEnd = spanEnd[requestUriIndex];
        } else if (present(uriIndex)) {
            int us = spanStart[uriIndex];
            int ue = spanEnd[uriIndex];
            if (present(argsIndex) && spanEnd[argsIndex] > spanStart[argsIndex]) {
                int as = spanStart[argsIndex];
                int ae = spanEnd[argsIndex];
                int n = ue - us + 1 + ae - as;
                if (composedPath.length < n) {
                    composedPath = new byte[Math.max(n, composedPath.length * 2)];
                }
                System.arraycopy(line, us, composedPath, 0, ue - us);
                composedPath[ue - us] = '?';
                System.arraycopy(line, as, composedPath, ue - us + 1, ae - as);
                pathBuffer = composedPath;
                targetStart = 0;
                targetEnd = n;
            } else {
                targetStart = us;
                targetEnd = ue;
            }
        }
        if (present(serverProtocolIndex) && spanEnd[serverProtocolIndex] > spanStart[serverProtocolIndex]) {
            protocolStart = spanStart[serverProtocolIndex];
            protocolEnd = spanEnd[serverProtocolIndex];
        }
    }

    /** Whether variable {@code index} is in the format and this line gave it a value. */
    private boolean present(int index) {
        if (index < 0 || spanStart[index] < 0) {
            return false;
        }
        int len = spanEnd[index] - spanStart[index];
        return absentIsEmpty ? len > 0 : !(len == 1 && line[spanStart[index]] == '-');
    }

    // ---------------------------------------------------------------- the line

    /** The format this record was parsed with. */
    public LogFormat format() {
        return format;
    }

    /** The buffer holding the line (shared, not copied). */
    public byte[] lineBuffer() {
        return line;
    }

    /** Offset of the line's first byte in {@link #lineBuffer()}. */
    public int lineStart() {
        return lineStart;
    }

    /** Offset after the line's last byte (without the line terminator). */
    public int lineEnd() {
        return lineEnd;
    }

    /** The raw line as text (allocates). */
    public String lineText() {
        return new String(line, lineStart, lineEnd - lineStart, StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------- time

    /** Whether the line had a timestamp ({@code $time_local}, {@code $time_iso8601} or {@code $msec}). */
    public boolean hasTime() {
        return hasSeconds || hasMsec;
    }

    /** The request's time in epoch milliseconds ({@code $msec} when present, else the second of the logged time). */
    public long timeMillis() {
        return hasMsec ? msecMillis : hasSeconds ? epochSeconds * 1000 : ABSENT;
    }

    /** The second of {@code $time_local} or {@code $time_iso8601} since the epoch, or -1 when neither was logged. */
    public long loggedEpochSecond() {
        return hasSeconds ? epochSeconds : ABSENT;
    }

    /** {@code $msec} in epoch milliseconds, or -1. */
    public long msecMillis() {
        return hasMsec ? msecMillis : ABSENT;
    }

    /** The zone offset the time was logged in, in seconds east of UTC ({@code 0} for {@code $msec} alone). */
    public int zoneOffsetSeconds() {
        return offsetSeconds;
    }

    /** The time with its logged offset (allocates), or {@code null}. */
    public OffsetDateTime time() {
        if (!hasTime()) {
            return null;
        }
        return Instant.ofEpochMilli(timeMillis()).atOffset(ZoneOffset.ofTotalSeconds(offsetSeconds));
    }

    // ---------------------------------------------------------------- request

    /** {@code $status}, or -1. */
    public int status() {
        return status;
    }

    /** {@code $body_bytes_sent}, or -1. */
    public long bodyBytesSent() {
        return bodyBytesSent;
    }

    /** {@code $bytes_sent}, or -1. */
    public long bytesSent() {
        return bytesSent;
    }

    /** {@code $request_length}, or -1. */
    public long requestLength() {
        return requestLength;
    }

    /** {@code $request_time} in microseconds, or -1. */
    public long requestTimeMicros() {
        return requestTimeMicros;
    }

    /** The raw request line ({@code $request}, escapes decoded), or {@code null}. */
    public String request() {
        return string(requestIndex);
    }

    /**
     * Whether the line gave a method or a target: {@code $request} had the shape {@code METHOD target
     * [HTTP/x]}, or the format logs them apart ({@code $request_method}, {@code $request_uri}, ...).
     */
    public boolean hasRequestParts() {
        return methodStart >= 0 || targetStart >= 0;
    }

    /** The request method, or {@code null} when the request line was empty or garbage. */
    public String method() {
        return methodStart < 0 ? null : decode(methodStart, methodEnd);
    }

    /** The request target (path and query), or {@code null}. */
    public String path() {
        return targetStart < 0 ? null : Unescaper.decode(pathBuffer, targetStart, targetEnd, escape);
    }

    /**
     * The buffer that holds the target's raw bytes from {@link #pathStart()} to {@link #pathEnd()}: the
     * line, or (for {@code $uri?$args} logged apart) a buffer of this record's own.
     */
    public byte[] pathBuffer() {
        return pathBuffer;
    }

    /** The protocol ({@code HTTP/1.1}), or {@code null} when absent (HTTP/0.9 style or garbage). */
    public String protocol() {
        return protocolStart < 0 ? null : decode(protocolStart, protocolEnd);
    }

    public int methodStart() {
        return methodStart;
    }

    public int methodEnd() {
        return methodEnd;
    }

    public int pathStart() {
        return targetStart;
    }

    public int pathEnd() {
        return targetEnd;
    }

    public int protocolStart() {
        return protocolStart;
    }

    public int protocolEnd() {
        return protocolEnd;
    }

    /** {@code $remote_addr}, or {@code null}. */
    public String remoteAddr() {
        return string(remoteAddrIndex);
    }

    /** {@code $remote_user}, or {@code null}. */
    public String remoteUser() {
        return string(remoteUserIndex);
    }

    /** {@code $http_referer}, or {@code null}. */
    public String referer() {
        return string(refererIndex);
    }

    /** {@code $http_user_agent}, or {@code null}. */
    public String userAgent() {
        return string(userAgentIndex);
    }

    /** {@code $host}, or {@code null}. */
    public String host() {
        return string(hostIndex);
    }

    /** {@code $upstream_cache_status}. */
    public CacheStatus cacheStatus() {
        return cacheStatus;
    }

    /** The raw {@code $upstream_cache_status} text, or {@code null}. */
    public String cacheStatusText() {
        return string(cacheStatusIndex);
    }

    // ---------------------------------------------------------------- variables by name

    /** The value of variable {@code name} as logged (escapes decoded), or {@code null} when not in the format. */
    public String variable(String name) {
        return string(format.indexOf(name));
    }

    /** The value of the {@code index}-th variable of the format (escapes decoded), or {@code null}. */
    public String string(int variableIndex) {
        if (variableIndex < 0 || spanStart[variableIndex] < 0) {
            return null;
        }
        return decode(spanStart[variableIndex], spanEnd[variableIndex]);
    }

    /** Start of the {@code index}-th variable's raw text in {@link #lineBuffer()}, or -1. */
    public int spanStart(int variableIndex) {
        return variableIndex < 0 ? -1 : spanStart[variableIndex];
    }

    /** End (exclusive) of the {@code index}-th variable's raw text, or -1. */
    public int spanEnd(int variableIndex) {
        return variableIndex < 0 ? -1 : spanEnd[variableIndex];
    }

    /** Decodes the raw bytes {@code [from, to)} of this line according to the format's escape mode. */
    public String decode(int from, int to) {
        return Unescaper.decode(line, from, to, escape);
    }

    // ---------------------------------------------------------------- upstream attempts

    /**
     * How many upstream attempts the request made (0: answered by nginx or its cache): the elements of
     * {@code $upstream_addr} when the format logs it, else of the longest upstream list.
     */
    public int attemptCount() {
        return attemptCount;
    }

    /**
     * Whether every upstream list the format logs has one element per attempt, in the same groups (nginx
     * writes them so). When not, the attempts are aligned by position and a missing element is absent.
     */
    public boolean upstreamListsConsistent() {
        return listsConsistent;
    }

    /** The address of attempt {@code i} (or the upstream group name nginx logged), or {@code null}. */
    public String attemptAddress(int i) {
        if (i >= addresses.size()) {
            return null;
        }
        return decode(addresses.start(i), addresses.end(i));
    }

    /** The upstream status of attempt {@code i}, or -1. */
    public int attemptStatus(int i) {
        return (int) valueAt(statuses, i);
    }

    /** The connect time of attempt {@code i} in microseconds, or -1. */
    public long attemptConnectMicros(int i) {
        return valueAt(connectTimes, i);
    }

    /** The header (time to first byte) time of attempt {@code i} in microseconds, or -1. */
    public long attemptHeaderMicros(int i) {
        return valueAt(headerTimes, i);
    }

    /** The response time of attempt {@code i} in microseconds, or -1. */
    public long attemptResponseMicros(int i) {
        return valueAt(responseTimes, i);
    }

    /** The response length of attempt {@code i} in bytes, or -1. */
    public long attemptResponseLength(int i) {
        return valueAt(responseLengths, i);
    }

    /** The upstream group of attempt {@code i}: 0, then +1 after each internal redirect ({@code " : "}). */
    public int attemptGroup(int i) {
        return groupSource == null || i >= groupSource.size() ? 0 : groupSource.group(i);
    }

    /** The parsed {@code $upstream_addr} list (spans of the line buffer). */
    public UpstreamList upstreamAddresses() {
        return addresses;
    }

    private static long valueAt(UpstreamList l, int i) {
        return i < l.size() ? l.value(i) : ABSENT;
    }

    /** The request's upstream time: sum of its attempts' response times, in microseconds; -1 without attempts. */
    public long upstreamTimeMicros() {
        return upstreamTimeMicros;
    }

    /**
     * The time spent in nginx and on the client: {@code request_time} minus the upstream time, in
     * microseconds, never negative; -1 when {@code request_time} is absent.
     */
    public long nginxTimeMicros() {
        return nginxTimeMicros;
    }

    /** Whether the logged upstream time exceeded {@code request_time} (nginx/client time was clamped to 0). */
    public boolean upstreamExceedsRequest() {
        return upstreamExceedsRequest;
    }

    /** Lists by kind, for the canonical view and the record codec. */
    UpstreamList list(FieldKind kind) {
        return switch (kind) {
            case UPSTREAM_ADDR -> addresses;
            case UPSTREAM_STATUS -> statuses;
            case UPSTREAM_CONNECT_TIME -> connectTimes;
            case UPSTREAM_HEADER_TIME -> headerTimes;
            case UPSTREAM_RESPONSE_TIME -> responseTimes;
            case UPSTREAM_RESPONSE_LENGTH -> responseLengths;
            default -> throw new IllegalArgumentException("not an upstream list: " + kind);
        };
    }

    /** The parsed list of an {@code $upstream_*} variable kind. */
    public UpstreamList upstreamList(FieldKind kind) {
        return list(kind);
    }
}
