package io.ngxtime.analyzer.aggregate;

import io.ngxtime.analyzer.record.Request;
import io.ngxtime.analyzer.record.Tier;

/** Statistics of one route. Mergeable. */
public final class RouteStats {
    long requests;
    long errors5xx;
    long errors4xx;
    long bytes;
    final LogHistogram requestTime = new LogHistogram();
    long upstreamRequests;
    long upstreamTimeSum;
    long upstream200;
    long minBytes200 = Long.MAX_VALUE;
    long maxBytes200 = Long.MIN_VALUE;

    void add(Request r) {
        requests++;
        int s = r.status();
        if (s >= 500) {
            errors5xx++;
        } else if (s >= 400) {
            errors4xx++;
        }
        if (r.bytesSent() > 0) {
            bytes += r.bytesSent();
        }
        requestTime.record(r.requestTimeMicros());
        if (r.tier() == Tier.UPSTREAM) {
            upstreamRequests++;
            upstreamTimeSum += Math.max(0, r.upstreamTimeMicros());
            if (s == 200) {
                upstream200++;
                minBytes200 = Math.min(minBytes200, r.bytesSent());
                maxBytes200 = Math.max(maxBytes200, r.bytesSent());
            }
        }
    }

    void merge(RouteStats o) {
        requests += o.requests;
        errors5xx += o.errors5xx;
        errors4xx += o.errors4xx;
        bytes += o.bytes;
        requestTime.merge(o.requestTime);
        upstreamRequests += o.upstreamRequests;
        upstreamTimeSum += o.upstreamTimeSum;
        upstream200 += o.upstream200;
        minBytes200 = Math.min(minBytes200, o.minBytes200);
        maxBytes200 = Math.max(maxBytes200, o.maxBytes200);
    }

    public long requests() {
        return requests;
    }

    public long errors5xx() {
        return errors5xx;
    }

    public long errors4xx() {
        return errors4xx;
    }

    public long bytes() {
        return bytes;
    }

    public LogHistogram requestTime() {
        return requestTime;
    }

    public long upstreamRequests() {
        return upstreamRequests;
    }

    public long upstreamTimeSumMicros() {
        return upstreamTimeSum;
    }

    public long upstream200() {
        return upstream200;
    }

    /** Whether every 200 answered by upstream had the same size (a sign the response could be cached). */
    public boolean constantSize200() {
        return upstream200 > 0 && minBytes200 == maxBytes200;
    }

    public long size200() {
        return upstream200 > 0 ? minBytes200 : -1;
    }
}
