package io.ngxtime.analyzer.aggregate;

import io.ngxtime.analyzer.record.Logged;
import io.ngxtime.analyzer.record.Request;
import io.ngxtime.analyzer.report.Latency;
import io.ngxtime.analyzer.record.Tier;

/**
 * Where the time goes: request time per tier and overall, the request's upstream time (sum of its
 * attempts) and its parts (connect, header, response summed over attempts), and nginx/client time
 * (request time minus upstream time, never negative; lines where the log says otherwise are counted).
 */
public final class TimingAggregator implements Aggregator<TimingAggregator>, java.io.Serializable {
    private final long[] tierRequests = new long[Tier.values().length];
    private final LatencyHistogram[] tierTime = new LatencyHistogram[Tier.values().length];
    private final LatencyHistogram requestTime = new LatencyHistogram(LatencyHistogram.PRECISE);
    private final LatencyHistogram upstreamTime = new LatencyHistogram(LatencyHistogram.PRECISE);
    private final LatencyHistogram upstreamConnect = new LatencyHistogram(LatencyHistogram.PRECISE);
    private final LatencyHistogram upstreamHeader = new LatencyHistogram(LatencyHistogram.PRECISE);
    private final LatencyHistogram nginxTime = new LatencyHistogram(LatencyHistogram.PRECISE);
    private long upstreamExceedsRequest;
    private long withoutRequestTime;
    /** What the requests' formats log, together ({@link Logged} bits). */
    private int logged;
    private long withAttempts;
    private long retried;
    private long redirected;

    public TimingAggregator() {
        for (int i = 0; i < tierTime.length; i++) {
            tierTime[i] = new LatencyHistogram(LatencyHistogram.PRECISE);
        }
    }

    /** Adds what a format logs to what the report knows, for ranges where no request came through it. */
    public void logged(int loggedFields) {
        logged |= loggedFields;
    }

    @Override
    public void add(Request r) {
        logged |= r.logged();
        Tier tier = r.tier();
        tierRequests[tier.ordinal()]++;
        long rt = r.logs(Logged.REQUEST_TIME) ? r.requestTimeMicros() : -1;
        if (rt < 0) {
            withoutRequestTime++;
        }
        tierTime[tier.ordinal()].record(rt);
        requestTime.record(rt);
        nginxTime.record(r.nginxTimeMicros());
        int n = r.attemptCount();
        if (n > 0) {
            withAttempts++;
            retried += r.retried() ? 1 : 0;
            redirected += r.internallyRedirected() ? 1 : 0;
            upstreamTime.record(r.upstreamTimeMicros());
            long connect = -1;
            long header = -1;
            for (int i = 0; i < n; i++) {
                connect = addAbsent(connect, r.logs(Logged.UPSTREAM_CONNECT_TIME) ? r.attemptConnectMicros(i) : -1);
                header = addAbsent(header, r.logs(Logged.UPSTREAM_HEADER_TIME) ? r.attemptHeaderMicros(i) : -1);
            }
            upstreamConnect.record(connect);
            upstreamHeader.record(header);
            if (r.upstreamExceedsRequest()) {
                upstreamExceedsRequest++;
            }
        }
    }

    /** Sum where -1 means absent: absent + absent stays absent. */
    static long addAbsent(long sum, long v) {
        if (v < 0) {
            return sum;
        }
        return sum < 0 ? v : sum + v;
    }

    @Override
    public void merge(TimingAggregator o) {
        for (int i = 0; i < tierRequests.length; i++) {
            tierRequests[i] += o.tierRequests[i];
            tierTime[i].merge(o.tierTime[i]);
        }
        requestTime.merge(o.requestTime);
        upstreamTime.merge(o.upstreamTime);
        upstreamConnect.merge(o.upstreamConnect);
        upstreamHeader.merge(o.upstreamHeader);
        nginxTime.merge(o.nginxTime);
        upstreamExceedsRequest += o.upstreamExceedsRequest;
        withoutRequestTime += o.withoutRequestTime;
        logged |= o.logged;
        withAttempts += o.withAttempts;
        retried += o.retried;
        redirected += o.redirected;
    }

    /** What the requests' formats log, together ({@link Logged} bits). */
    public int logged() {
        return logged;
    }

    /** Requests with at least one upstream attempt. */
    public long withAttempts() {
        return withAttempts;
    }

    /** Requests nginx sent to a second server of the same group. */
    public long retried() {
        return retried;
    }

    /** Requests that went on to another upstream group ({@code " : "}). */
    public long redirected() {
        return redirected;
    }

    public long tierRequests(Tier t) {
        return tierRequests[t.ordinal()];
    }

    public Latency tierTime(Tier t) {
        return Latency.of(tierTime[t.ordinal()].percentiles(), Logged.REQUEST_TIME.in(logged));
    }

    public Latency requestTime() {
        return Latency.of(requestTime.percentiles(), Logged.REQUEST_TIME.in(logged));
    }

    public Latency upstreamTime() {
        return Latency.of(upstreamTime.percentiles(), Logged.UPSTREAM_RESPONSE_TIME.in(logged));
    }

    public Latency upstreamConnect() {
        return Latency.of(upstreamConnect.percentiles(), Logged.UPSTREAM_CONNECT_TIME.in(logged));
    }

    public Latency upstreamHeader() {
        return Latency.of(upstreamHeader.percentiles(), Logged.UPSTREAM_HEADER_TIME.in(logged));
    }

    public Latency nginxTime() {
        return Latency.of(nginxTime.percentiles(), Logged.REQUEST_TIME.in(logged));
    }

    /** Requests whose logged upstream time exceeded their request time. */
    public long upstreamExceedsRequest() {
        return upstreamExceedsRequest;
    }

    public long withoutRequestTime() {
        return withoutRequestTime;
    }
}
