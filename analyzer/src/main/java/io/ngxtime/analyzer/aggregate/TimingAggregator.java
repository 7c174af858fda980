package io.ngxtime.analyzer.aggregate;

import io.ngxtime.analyzer.report.Percentiles;
import io.ngxtime.analyzer.record.Request;
import io.ngxtime.analyzer.record.Tier;

/**
 * Where the time goes: request time per tier and overall, the request's upstream time (sum of its
 * attempts) and its parts (connect, header, response summed over attempts), and nginx/client time
 * (request time minus upstream time, never negative; lines where the log says otherwise are counted).
 */
public final class TimingAggregator implements Aggregator<TimingAggregator> {
    private final long[] tierRequests = new long[Tier.values().length];
    private final LatencyHistogram[] tierTime = new LatencyHistogram[Tier.values().length];
    private final LatencyHistogram requestTime = new LatencyHistogram(LatencyHistogram.PRECISE);
    private final LatencyHistogram upstreamTime = new LatencyHistogram(LatencyHistogram.PRECISE);
    private final LatencyHistogram upstreamConnect = new LatencyHistogram(LatencyHistogram.PRECISE);
    private final LatencyHistogram upstreamHeader = new LatencyHistogram(LatencyHistogram.PRECISE);
    private final LatencyHistogram nginxTime = new LatencyHistogram(LatencyHistogram.PRECISE);
    private long upstreamExceedsRequest;
    private long withoutRequestTime;

    public TimingAggregator() {
        for (int i = 0; i < tierTime.length; i++) {
            tierTime[i] = new LatencyHistogram(LatencyHistogram.PRECISE);
        }
    }

    @Override
    public void add(Request r) {
        Tier tier = r.tier();
        tierRequests[tier.ordinal()]++;
        long rt = r.requestTimeMicros();
        if (rt < 0) {
            withoutRequestTime++;
        }
        tierTime[tier.ordinal()].record(rt);
        requestTime.record(rt);
        nginxTime.record(r.nginxTimeMicros());
        int n = r.attemptCount();
        if (n > 0) {
            upstreamTime.record(r.upstreamTimeMicros());
            long connect = -1;
            long header = -1;
            for (int i = 0; i < n; i++) {
                connect = addAbsent(connect, r.attemptConnectMicros(i));
                header = addAbsent(header, r.attemptHeaderMicros(i));
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
    }

    public long tierRequests(Tier t) {
        return tierRequests[t.ordinal()];
    }

    public Percentiles tierTime(Tier t) {
        return tierTime[t.ordinal()].percentiles();
    }

    public Percentiles requestTime() {
        return requestTime.percentiles();
    }

    public Percentiles upstreamTime() {
        return upstreamTime.percentiles();
    }

    public Percentiles upstreamConnect() {
        return upstreamConnect.percentiles();
    }

    public Percentiles upstreamHeader() {
        return upstreamHeader.percentiles();
    }

    public Percentiles nginxTime() {
        return nginxTime.percentiles();
    }

    /** Requests whose logged upstream time exceeded their request time. */
    public long upstreamExceedsRequest() {
        return upstreamExceedsRequest;
    }

    public long withoutRequestTime() {
        return withoutRequestTime;
    }
}
