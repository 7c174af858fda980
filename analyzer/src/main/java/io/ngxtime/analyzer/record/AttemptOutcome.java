package io.ngxtime.analyzer.record;

/**
 * What became of one upstream attempt, as nginx logs it. A real nginx showed each case: a refused port
 * and "no live upstreams" are logged as 502 with {@code $upstream_connect_time} {@code -} and a response
 * time of {@code 0.000} (the group's name instead of an address for the latter); a client that hangs up
 * while nginx waits gives a 499 with upstream status {@code -}.
 */
public enum AttemptOutcome {
    /** The backend answered with a status below 500. */
    ANSWERED,
    /** The backend was reached but failed: a 5xx, or no status (a timeout, a closed connection). Its time counts. */
    FAILED,
    /**
     * Failed without a connection: refused, unreachable, or no live server in the group. The time nginx
     * logs for it is no response time, so it is left out of latency figures.
     */
    NOT_CONNECTED,
    /** The client closed the connection while nginx waited for the backend (499, upstream status {@code -}): not the backend's failure. */
    CLIENT_ABORT,
    /** The format does not log {@code $upstream_status}: the outcome is unknown. */
    UNKNOWN;

    /** A response time at or below this (nginx logs milliseconds) on a 502 without connect or header time logged: no connection. */
    static final long INSTANT_MICROS = 1_000;

    /** Whether the attempt counts as the backend's failure. */
    public boolean isFailure() {
        return this == FAILED || this == NOT_CONNECTED;
    }

    /** Whether the attempt's times describe a response of the backend (and belong in its latency figures). */
    public boolean hasResponseTime() {
        return this == ANSWERED || this == FAILED || this == UNKNOWN;
    }

    static AttemptOutcome of(Request r, int i) {
        String address = r.attemptAddress(i);
        if (address != null && UpstreamAddress.isGroupName(address)) {
            return NOT_CONNECTED; // nginx logs the group's name when no server of it was live
        }
        if (!r.logs(Logged.UPSTREAM_STATUS)) {
            return UNKNOWN;
        }
        int status = r.attemptStatus(i);
        boolean connectLogged = r.logs(Logged.UPSTREAM_CONNECT_TIME);
        boolean notConnected = connectLogged ? r.attemptConnectMicros(i) < 0
                : status == 502 && r.attemptResponseMicros(i) <= INSTANT_MICROS
                        && (!r.logs(Logged.UPSTREAM_HEADER_TIME) || r.attemptHeaderMicros(i) < 0);
        if (status < 0) {
            if (r.status() == 499 && i == r.attemptCount() - 1) {
                return CLIENT_ABORT;
            }
            return notConnected ? NOT_CONNECTED : FAILED;
        }
        if (status >= 500) {
            return notConnected ? NOT_CONNECTED : FAILED;
        }
        return ANSWERED;
    }
}
