package io.ngxtime.generator;

import io.ngxtime.grammar.CacheStatus;

/**
 * One generated request with every value nginx could log about it, unescaped, exactly as nginx holds it
 * before writing: text values are the raw bytes ({@code -} where nginx finds no value), times are whole
 * milliseconds (nginx's resolution), and {@code -1} means "written as {@code -}". Reused from request to
 * request: the generator fills it, the renderer writes it, the ground truth counts it. Not thread-safe.
 */
final class GeneratedRequest {
    /** No request makes more attempts than this (two tries in group A, then the media group). */
    static final int MAX_ATTEMPTS = 4;

    long timeMillis;
    final LineBuffer clientAddress = new LineBuffer(48);
    final LineBuffer remoteUser = new LineBuffer(16);
    final LineBuffer method = new LineBuffer(8);
    final LineBuffer target = new LineBuffer(128);
    final LineBuffer protocol = new LineBuffer(10);
    /** When set, {@link #rawRequest} is the whole request line (empty, or binary junk) and method/target/protocol are unused. */
    boolean hasRawRequest;
    final LineBuffer rawRequest = new LineBuffer(32);
    int status;
    long bodyBytesSent;
    long bytesSent;
    long requestLength;
    final LineBuffer referer = new LineBuffer(128);
    final LineBuffer userAgent = new LineBuffer(256);
    final LineBuffer forwardedFor = new LineBuffer(48);
    final LineBuffer host = new LineBuffer(32);
    long requestTimeMillis;
    CacheStatus cacheStatus = CacheStatus.NONE;
    /** {@code $proxy_upstream_name}; null is written as {@code -}. */
    byte[] upstreamName;
    long requestIdHigh;
    long requestIdLow;

    int attemptCount;
    final int[] attemptServer = new int[MAX_ATTEMPTS];
    final int[] attemptGroup = new int[MAX_ATTEMPTS];
    final int[] attemptStatus = new int[MAX_ATTEMPTS];
    final long[] attemptConnectMillis = new long[MAX_ATTEMPTS];
    final long[] attemptHeaderMillis = new long[MAX_ATTEMPTS];
    final long[] attemptResponseMillis = new long[MAX_ATTEMPTS];
    final long[] attemptResponseLength = new long[MAX_ATTEMPTS];

    // what the request is, for the ground truth and the tests
    Route route;
    ClientKind clientKind;
    /** Index of the flash crowd this request belongs to, or -1. */
    int crowdIndex;
    boolean spike;
    OddLine odd;

    void reset(long timeMillis) {
        this.timeMillis = timeMillis;
        clientAddress.clear();
        remoteUser.set(DASH);
        method.clear();
        target.clear();
        protocol.clear();
        hasRawRequest = false;
        rawRequest.clear();
        status = 0;
        bodyBytesSent = 0;
        bytesSent = 0;
        requestLength = 0;
        referer.set(DASH);
        userAgent.set(DASH);
        forwardedFor.set(DASH);
        host.clear();
        requestTimeMillis = 0;
        cacheStatus = CacheStatus.NONE;
        upstreamName = null;
        attemptCount = 0;
        route = null;
        clientKind = null;
        crowdIndex = -1;
        spike = false;
        odd = null;
    }

    private static final byte[] DASH = {'-'};

    /** Adds an upstream attempt; times in milliseconds, {@code -1} for {@code -}. */
    void addAttempt(int server, int group, int upstreamStatus, long connectMillis, long headerMillis,
                    long responseMillis, long responseLength) {
        int i = attemptCount++;
        attemptServer[i] = server;
        attemptGroup[i] = group;
        attemptStatus[i] = upstreamStatus;
        attemptConnectMillis[i] = connectMillis;
        attemptHeaderMillis[i] = headerMillis;
        attemptResponseMillis[i] = responseMillis;
        attemptResponseLength[i] = responseLength;
    }

    /** Sum of the attempts' response times in milliseconds. */
    long upstreamMillis() {
        long sum = 0;
        for (int i = 0; i < attemptCount; i++) {
            sum += attemptResponseMillis[i];
        }
        return sum;
    }

    /** Which part of the stack answers this request. */
    ServedBy servedBy() {
        if (attemptCount > 0) {
            return ServedBy.UPSTREAM;
        }
        return cacheStatus.servedFromCache() ? ServedBy.CACHE : ServedBy.NGINX;
    }

    /** The request line as nginx logs it in {@code $request}, unescaped. */
    void requestLine(LineBuffer out) {
        if (hasRawRequest) {
            out.append(rawRequest);
        } else {
            out.append(method).append(' ').append(target).append(' ').append(protocol);
        }
    }
}
