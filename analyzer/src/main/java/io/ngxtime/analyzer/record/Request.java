package io.ngxtime.analyzer.record;

import io.ngxtime.grammar.CacheStatus;
import java.util.Arrays;

/**
 * One request as the aggregators see it, whether it came straight from a parsed line or back out of
 * the record queue: typed fields, strings for the dimensions reports group by, and the upstream
 * attempts in order. Mutable and reused from request to request; copy what you keep. Times are
 * microseconds; {@code -1} (or {@code null}) means absent.
 */
public final class Request {
    private long timeMillis = -1;
    private int offsetSeconds;
    private int status = -1;
    private String method;
    private String path;
    private String protocol;
    private String requestLine;
    private String remoteAddr;
    private String referer;
    private String userAgent;
    private String host;
    private long bytesSent = -1;
    private long requestTimeMicros = -1;
    private CacheStatus cacheStatus = CacheStatus.NONE;
    /** What the format logs ({@link Logged} bits): a field it does not log is unknown, not absent. */
    private int logged = Logged.ALL;
    /** Whether the line's upstream lists did not have one element per attempt (aligned by position). */
    private boolean upstreamListsInconsistent;
    /** Where the ids below resolve; an id of 0 means the field itself holds the value. */
    private StringTable strings;
    private int protocolId;
    private int requestLineId;
    private int refererId;
    private int userAgentId;
    private int hostId;

    /** Where the symbols below resolve (null: none); a symbol of 0 means the field itself holds the value. */
    private SymbolTable symbols;
    private int methodSymbol;
    private int pathSymbol;
    private int remoteAddrSymbol;

    private int attempts;
    private String[] attemptAddress = new String[4];
    private int[] attemptAddressSymbol = new int[4];
    private int[] attemptStatus = new int[4];
    private long[] attemptConnectMicros = new long[4];
    private long[] attemptHeaderMicros = new long[4];
    private long[] attemptResponseMicros = new long[4];
    private int[] attemptGroup = new int[4];

    /** Clears every field. */
    public Request clear() {
        timeMillis = -1;
        offsetSeconds = 0;
        status = -1;
        method = path = protocol = requestLine = remoteAddr = referer = userAgent = host = null;
        protocolId = requestLineId = refererId = userAgentId = hostId = 0;
        symbols = null;
        methodSymbol = pathSymbol = remoteAddrSymbol = 0;
        bytesSent = -1;
        requestTimeMicros = -1;
        cacheStatus = CacheStatus.NONE;
        logged = Logged.ALL;
        upstreamListsInconsistent = false;
        attempts = 0;
        return this;
    }

    /** Copies every field of {@code other} into this request. */
    public Request copyFrom(Request o) {
        timeMillis = o.timeMillis;
        offsetSeconds = o.offsetSeconds;
        status = o.status;
        method = o.method();
        path = o.path();
        protocol = o.protocol();
        requestLine = o.requestLine();
        remoteAddr = o.remoteAddr();
        symbols = null;
        methodSymbol = pathSymbol = remoteAddrSymbol = 0;
        referer = o.referer();
        userAgent = o.userAgent();
        host = o.host();
        protocolId = requestLineId = refererId = userAgentId = hostId = 0;
        bytesSent = o.bytesSent;
        requestTimeMicros = o.requestTimeMicros;
        cacheStatus = o.cacheStatus;
        logged = o.logged;
        upstreamListsInconsistent = o.upstreamListsInconsistent;
        attempts = 0;
        for (int i = 0; i < o.attempts; i++) {
            addAttempt(o.attemptAddress(i), o.attemptStatus[i], o.attemptConnectMicros[i], o.attemptHeaderMicros[i],
                    o.attemptResponseMicros[i], o.attemptGroup[i]);
        }
        return this;
    }

    public Request time(long timeMillis, int offsetSeconds) {
        this.timeMillis = timeMillis;
        this.offsetSeconds = offsetSeconds;
        return this;
    }

    public Request status(int status) {
        this.status = status;
        return this;
    }

    public Request request(String method, String path, String protocol, String requestLine) {
        this.method = method;
        this.path = path;
        this.protocol = protocol;
        this.requestLine = requestLine;
        this.protocolId = 0;
        this.requestLineId = 0;
        this.methodSymbol = 0;
        this.pathSymbol = 0;
        return this;
    }

    /**
     * The method, path and client address by symbol in {@code table} (a symbol of 0 leaves that field as set):
     * the queue's reader sets them so that aggregators can key by symbol and read the string only once per symbol.
     * Set {@link #request} and {@link #client} first (they clear the symbols).
     */
    public Request symbols(SymbolTable table, int methodSymbol, int pathSymbol, int remoteAddrSymbol) {
        this.symbols = table;
        this.methodSymbol = methodSymbol;
        this.pathSymbol = pathSymbol;
        this.remoteAddrSymbol = remoteAddrSymbol;
        return this;
    }

    public Request client(String remoteAddr, String referer, String userAgent, String host) {
        this.remoteAddr = remoteAddr;
        this.remoteAddrSymbol = 0;
        this.referer = referer;
        this.userAgent = userAgent;
        this.host = host;
        this.refererId = 0;
        this.userAgentId = 0;
        this.hostId = 0;
        return this;
    }

    /**
     * The rarely read text fields by id in {@code table} (0: absent), resolved when first read: the
     * queue's decoder sets them so that a report that never reads them never decodes them.
     */
    public Request lazyText(StringTable table, int protocolId, int requestLineId, int refererId, int userAgentId,
                            int hostId) {
        this.strings = table;
        this.protocol = null;
        this.requestLine = null;
        this.referer = null;
        this.userAgent = null;
        this.host = null;
        this.protocolId = protocolId;
        this.requestLineId = requestLineId;
        this.refererId = refererId;
        this.userAgentId = userAgentId;
        this.hostId = hostId;
        return this;
    }

    public Request bytesSent(long bytesSent) {
        this.bytesSent = bytesSent;
        return this;
    }

    public Request requestTimeMicros(long micros) {
        this.requestTimeMicros = micros;
        return this;
    }

    public Request cacheStatus(CacheStatus cacheStatus) {
        this.cacheStatus = cacheStatus;
        return this;
    }

    /** What the request's format logs: a set of {@link Logged} bits ({@link Logged#ALL} unless set). */
    public Request logged(int loggedFields) {
        this.logged = loggedFields;
        return this;
    }

    /** Marks the line's upstream lists as of different lengths (or groups): its attempts were aligned by position. */
    public Request upstreamListsInconsistent(boolean inconsistent) {
        this.upstreamListsInconsistent = inconsistent;
        return this;
    }

    /** Whether the line's upstream lists did not have one element per attempt. */
    public boolean upstreamListsInconsistent() {
        return upstreamListsInconsistent;
    }

    /** The {@link Logged} bits of the request's format. */
    public int logged() {
        return logged;
    }

    /** Whether the request's format logs {@code field}: when not, the field is unknown, whatever its value. */
    public boolean logs(Logged field) {
        return field.in(logged);
    }

    /** Appends an upstream attempt. */
    public Request addAttempt(String address, int status, long connectMicros, long headerMicros, long responseMicros,
                              int group) {
        if (attempts == attemptAddress.length) {
            int n = attempts * 2;
            attemptAddress = Arrays.copyOf(attemptAddress, n);
            attemptAddressSymbol = Arrays.copyOf(attemptAddressSymbol, n);
            attemptStatus = Arrays.copyOf(attemptStatus, n);
            attemptConnectMicros = Arrays.copyOf(attemptConnectMicros, n);
            attemptHeaderMicros = Arrays.copyOf(attemptHeaderMicros, n);
            attemptResponseMicros = Arrays.copyOf(attemptResponseMicros, n);
            attemptGroup = Arrays.copyOf(attemptGroup, n);
        }
        attemptAddress[attempts] = address;
        attemptAddressSymbol[attempts] = 0;
        attemptStatus[attempts] = status;
        attemptConnectMicros[attempts] = connectMicros;
        attemptHeaderMicros[attempts] = headerMicros;
        attemptResponseMicros[attempts] = responseMicros;
        attemptGroup[attempts] = group;
        attempts++;
        return this;
    }

    /**
     * Appends an upstream attempt whose address is symbol {@code addressSymbol} (1 or more) of the table set by
     * {@link #symbols}.
     */
    public Request addAttemptBySymbol(int addressSymbol, int status, long connectMicros, long headerMicros,
                                      long responseMicros, int group) {
        addAttempt(null, status, connectMicros, headerMicros, responseMicros, group);
        attemptAddressSymbol[attempts - 1] = addressSymbol;
        return this;
    }

    /** The table the symbols resolve in, or null when the request holds its strings itself. */
    public SymbolTable symbols() {
        return symbols;
    }

    /** The method's symbol in {@link #symbols()}, or 0 (then read {@link #method()}). */
    public int methodSymbol() {
        return methodSymbol;
    }

    /** The path's symbol in {@link #symbols()}, or 0 (then read {@link #path()}). */
    public int pathSymbol() {
        return pathSymbol;
    }

    /** The client address's symbol in {@link #symbols()}, or 0 (then read {@link #remoteAddr()}). */
    public int remoteAddrSymbol() {
        return remoteAddrSymbol;
    }

    /** The address symbol of attempt {@code i} in {@link #symbols()}, or 0 (then read {@link #attemptAddress}). */
    public int attemptAddressSymbol(int i) {
        return attemptAddressSymbol[i];
    }

    /** Epoch milliseconds, or -1 when the line had no time. */
    public long timeMillis() {
        return timeMillis;
    }

    /** The zone offset the time was logged in, seconds east of UTC. */
    public int offsetSeconds() {
        return offsetSeconds;
    }

    public int status() {
        return status;
    }

    /** The method, or null when the request line was empty or garbage. */
    public String method() {
        if (methodSymbol != 0 && method == null) {
            method = symbols.symbol(methodSymbol);
        }
        return method;
    }

    /** The request target (path and query), or null. */
    public String path() {
        if (pathSymbol != 0 && path == null) {
            path = symbols.symbol(pathSymbol);
        }
        return path;
    }

    public String protocol() {
        if (protocolId != 0) {
            protocol = strings.string(protocolId);
            protocolId = 0;
        }
        return protocol;
    }

    /** The raw request line; kept only when it could not be split into method, path and protocol. */
    public String requestLine() {
        if (requestLineId != 0) {
            requestLine = strings.string(requestLineId);
            requestLineId = 0;
        }
        return requestLine;
    }

    public String remoteAddr() {
        if (remoteAddrSymbol != 0 && remoteAddr == null) {
            remoteAddr = symbols.symbol(remoteAddrSymbol);
        }
        return remoteAddr;
    }

    public String referer() {
        if (refererId != 0) {
            referer = strings.string(refererId);
            refererId = 0;
        }
        return referer;
    }

    public String userAgent() {
        if (userAgentId != 0) {
            userAgent = strings.string(userAgentId);
            userAgentId = 0;
        }
        return userAgent;
    }

    public String host() {
        if (hostId != 0) {
            host = strings.string(hostId);
            hostId = 0;
        }
        return host;
    }

    /** {@code $body_bytes_sent} (or {@code $bytes_sent} when only that is logged), or -1. */
    public long bytesSent() {
        return bytesSent;
    }

    public long requestTimeMicros() {
        return requestTimeMicros;
    }

    public CacheStatus cacheStatus() {
        return cacheStatus;
    }

    public int attemptCount() {
        return attempts;
    }

    public String attemptAddress(int i) {
        String a = attemptAddress[i];
        if (a == null && attemptAddressSymbol[i] != 0) {
            a = symbols.symbol(attemptAddressSymbol[i]);
            attemptAddress[i] = a;
        }
        return a;
    }

    public int attemptStatus(int i) {
        return attemptStatus[i];
    }

    public long attemptConnectMicros(int i) {
        return attemptConnectMicros[i];
    }

    public long attemptHeaderMicros(int i) {
        return attemptHeaderMicros[i];
    }

    public long attemptResponseMicros(int i) {
        return attemptResponseMicros[i];
    }

    public int attemptGroup(int i) {
        return attemptGroup[i];
    }

    /**
     * Sum of the attempts' response times in microseconds; -1 without attempts, and -1 when no attempt's
     * response time was logged (the format lacks {@code $upstream_response_time}, or every element is
     * {@code -}): unknown, not 0.
     */
    public long upstreamTimeMicros() {
        if (attempts == 0 || !Logged.UPSTREAM_RESPONSE_TIME.in(logged)) {
            return -1;
        }
        long sum = -1;
        for (int i = 0; i < attempts; i++) {
            if (attemptResponseMicros[i] >= 0) {
                sum = Math.max(sum, 0) + attemptResponseMicros[i];
            }
        }
        return sum;
    }

    /**
     * request_time minus the upstream time, never negative; -1 without request_time, and -1 for a request
     * with attempts whose upstream time is unknown (the time cannot be split).
     */
    public long nginxTimeMicros() {
        if (requestTimeMicros < 0 || !Logged.REQUEST_TIME.in(logged)) {
            return -1;
        }
        if (attempts == 0) {
            return requestTimeMicros;
        }
        long up = upstreamTimeMicros();
        return up < 0 ? -1 : Math.max(0, requestTimeMicros - up);
    }

    /** Whether the logged upstream time exceeds request_time. */
    public boolean upstreamExceedsRequest() {
        long up = upstreamTimeMicros();
        return requestTimeMicros >= 0 && up >= 0 && up > requestTimeMicros;
    }

    /** Whether the request made two attempts or more within one upstream group (nginx tried another server). */
    public boolean retried() {
        for (int i = 1; i < attempts; i++) {
            if (attemptGroup[i] == attemptGroup[i - 1]) {
                return true;
            }
        }
        return false;
    }

    /** Whether the request went on to another upstream group ({@code " : "}: an internal redirect). */
    public boolean internallyRedirected() {
        return attempts > 1 && attemptGroup[attempts - 1] != attemptGroup[0];
    }

    /** Which part of the stack answered, as far as the request's format can tell. */
    public Tier tier() {
        if (attempts > 0) {
            return Tier.UPSTREAM;
        }
        boolean cacheLogged = Logged.CACHE_STATUS.in(logged);
        if (cacheLogged && cacheStatus.servedFromCache()) {
            return Tier.CACHE;
        }
        if ((logged & Logged.ANY_UPSTREAM) == 0) {
            return Tier.UNKNOWN;
        }
        return cacheLogged ? Tier.NGINX : Tier.NGINX_OR_CACHE;
    }

    /** What became of attempt {@code i}, as far as the format logs it. */
    public AttemptOutcome attemptOutcome(int i) {
        return AttemptOutcome.of(this, i);
    }
}
