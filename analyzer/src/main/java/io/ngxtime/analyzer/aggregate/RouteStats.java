package io.ngxtime.analyzer.aggregate;

import io.ngxtime.analyzer.record.Logged;
import io.ngxtime.analyzer.record.Request;
import io.ngxtime.analyzer.record.Tier;

/** Statistics of one route. Mergeable. */
public final class RouteStats implements java.io.Serializable {
    long requests;
    long errors5xx;
    long errors4xx;
    long bytes;
    final LogHistogram requestTime = new LogHistogram();
    long upstreamRequests;
    long upstreamTimeSum;
    /** 200s from upstream to GET or HEAD, the methods a cache serves. */
    long upstream200;
    /** Requests whose status was logged (the 5xx share is over these). */
    long statusLogged;
    long minBytes200 = Long.MAX_VALUE;
    long maxBytes200 = Long.MIN_VALUE;

    void add(Request r) {
        requests++;
        int s = r.logs(Logged.STATUS) ? r.status() : -1;
        if (s >= 0) {
            statusLogged++;
        }
        if (s >= 500) {
            errors5xx++;
        } else if (s >= 400) {
            errors4xx++;
        }
        if (r.bytesSent() > 0) {
            bytes += r.bytesSent();
        }
        requestTime.record(r.logs(Logged.REQUEST_TIME) ? r.requestTimeMicros() : -1);
        if (r.tier() == Tier.UPSTREAM) {
            upstreamRequests++;
            upstreamTimeSum += Math.max(0, r.upstreamTimeMicros());
            if (s == 200 && isCacheable(r.method())) {
                upstream200++;
                minBytes200 = Math.min(minBytes200, r.bytesSent());
                maxBytes200 = Math.max(maxBytes200, r.bytesSent());
            }
        }
    }

    /** GET and HEAD: the methods nginx's cache serves by default. */
    static boolean isCacheable(String method) {
        return "GET".equals(method) || "HEAD".equals(method);
    }

    void merge(RouteStats o) {
        requests += o.requests;
        statusLogged += o.statusLogged;
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

    /** Requests whose status was logged. */
    public long statusLogged() {
        return statusLogged;
    }

    /** The share of 5xx among the requests whose status was logged; empty when none was. */
    public java.util.OptionalDouble errorRate() {
        return statusLogged == 0 ? java.util.OptionalDouble.empty() : java.util.OptionalDouble.of((double) errors5xx / statusLogged);
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

    /** 200s answered by upstream to GET or HEAD requests. */
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
