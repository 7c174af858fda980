package io.ngxtime.analyzer.aggregate;

import io.ngxtime.analyzer.record.Logged;
import io.ngxtime.analyzer.record.Request;
import io.ngxtime.analyzer.record.Tier;

/**
 * The statistics of one time bucket (a minute, or wider over long ranges): requests, status classes,
 * bytes, where the time went (summed, for means), and latency histograms overall, per tier and for
 * upstream time. Mergeable.
 */
public final class TimeBucket implements java.io.Serializable {
    long requests;
    /** The zone offset its first request was logged in (a log crossing a DST change keeps both). */
    int offsetSeconds;
    final long[] statusClass = new long[6];
    long bytes;
    long timedRequests;
    long requestTimeSum;
    long connectSum;
    long waitSum;
    long transferSum;
    /** Upstream response time after connecting whose split into wait and transfer is unknown (no header time). */
    long unsplitSum;
    long nginxSum;
    final LogHistogram requestTime = new LogHistogram();
    final LogHistogram upstreamTime = new LogHistogram();
    final LogHistogram[] tierTime = new LogHistogram[Tier.values().length];
    final long[] tierRequests = new long[Tier.values().length];

    TimeBucket() {
        for (int i = 0; i < tierTime.length; i++) {
            tierTime[i] = new LogHistogram();
        }
    }

    void add(Request r) {
        if (requests == 0) {
            offsetSeconds = r.offsetSeconds();
        }
        requests++;
        int s = r.status();
        statusClass[s >= 100 && s < 600 ? s / 100 : 0]++;
        if (r.bytesSent() > 0) {
            bytes += r.bytesSent();
        }
        Tier tier = r.tier();
        tierRequests[tier.ordinal()]++;
        long rt = r.logs(Logged.REQUEST_TIME) ? r.requestTimeMicros() : -1;
        if (rt >= 0) {
            timedRequests++;
            requestTimeSum += rt;
            requestTime.record(rt);
            tierTime[tier.ordinal()].record(rt);
            long upstream = 0;
            for (int i = 0; i < r.attemptCount(); i++) {
                long c = Math.max(0, r.attemptConnectMicros(i));
                long resp = r.attemptResponseMicros(i);
                if (resp < 0) {
                    continue;
                }
                long header = r.attemptHeaderMicros(i);
                connectSum += Math.min(c, resp);
                if (header < 0) {
                    // $upstream_header_time not logged: the time to the first byte is unknown, so the rest of
                    // the response is neither wait nor transfer, and counting it as either would claim a TTFB
                    unsplitSum += resp - Math.min(c, resp);
                } else {
                    waitSum += Math.max(0, Math.min(header, resp) - Math.min(c, resp));
                    transferSum += Math.max(0, resp - Math.min(header, resp));
                }
                upstream += resp;
            }
            nginxSum += Math.max(0, rt - upstream);
        }
        if (r.attemptCount() > 0) {
            upstreamTime.record(r.upstreamTimeMicros()); // -1, unknown, is not recorded
        }
    }

    void merge(TimeBucket o) {
        if (requests == 0) {
            offsetSeconds = o.offsetSeconds;
        }
        requests += o.requests;
        for (int i = 0; i < statusClass.length; i++) {
            statusClass[i] += o.statusClass[i];
        }
        bytes += o.bytes;
        timedRequests += o.timedRequests;
        requestTimeSum += o.requestTimeSum;
        connectSum += o.connectSum;
        waitSum += o.waitSum;
        transferSum += o.transferSum;
        unsplitSum += o.unsplitSum;
        nginxSum += o.nginxSum;
        requestTime.merge(o.requestTime);
        upstreamTime.merge(o.upstreamTime);
        for (int i = 0; i < tierTime.length; i++) {
            tierTime[i].merge(o.tierTime[i]);
            tierRequests[i] += o.tierRequests[i];
        }
    }

    public long requests() {
        return requests;
    }

    /** The zone offset the bucket's first request was logged in, in seconds east of UTC. */
    public int offsetSeconds() {
        return offsetSeconds;
    }

    /** Requests with status class {@code c} (1 to 5; 0 for anything else). */
    public long statusClass(int c) {
        return statusClass[c];
    }

    public long bytes() {
        return bytes;
    }

    public long tierRequests(Tier t) {
        return tierRequests[t.ordinal()];
    }

    public LogHistogram requestTime() {
        return requestTime;
    }

    public LogHistogram upstreamTime() {
        return upstreamTime;
    }

    public LogHistogram tierTime(Tier t) {
        return tierTime[t.ordinal()];
    }

    /** Mean microseconds per timed request spent connecting to upstreams. */
    public double meanConnectMicros() {
        return mean(connectSum);
    }

    /** ... waiting for the upstream's first byte (header time minus connect time). */
    public double meanWaitMicros() {
        return mean(waitSum);
    }

    /** ... receiving the upstream's response after its first byte. */
    public double meanTransferMicros() {
        return mean(transferSum);
    }

    /**
     * ... receiving the upstream's response after connecting, for attempts whose header time was not logged
     * ({@code $upstream_header_time} missing or {@code -}): neither wait nor transfer, as the first byte's
     * time is unknown.
     */
    public double meanUnsplitMicros() {
        return mean(unsplitSum);
    }

    /** ... in nginx and sending to the client (request time minus upstream time). */
    public double meanNginxMicros() {
        return mean(nginxSum);
    }

    public double meanRequestMicros() {
        return mean(requestTimeSum);
    }

    private double mean(long sum) {
        return timedRequests == 0 ? 0 : (double) sum / timedRequests;
    }
}
