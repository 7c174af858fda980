package io.ngxtime.analyzer.report;

import io.ngxtime.analyzer.record.Tier;
import java.util.Arrays;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * One time bucket of the traffic series (a minute unless the range was long). Latencies and means are
 * empty where nothing behind them was timed (no request with a request time, or with an upstream time,
 * in the bucket): never a 0 that could be read as "instant". Percentiles are within 3.2%.
 */
public final class TimePoint {
    private final long startSecond;
    private final long requests;
    private final long maxPerSecond;
    private final long[] statusClasses;
    private final long bytes;
    private final long requestP50Micros;
    private final long requestP99Micros;
    private final long upstreamP99Micros;
    private final long[] tierP50Micros;
    private final long[] tierP99Micros;
    private final long[] tierTimedRequests;
    private final double meanConnectMicros;
    private final double meanWaitMicros;
    private final double meanTransferMicros;
    private final double meanNginxMicros;
    private final int offsetSeconds;
    private final double meanUnsplitMicros;
    private final long upstreamTimedRequests;

    /**
     * @param startSecond           epoch second the bucket starts at
     * @param requests              requests in the bucket
     * @param maxPerSecond          the busiest second within the bucket (the envelope charts draw); -1 when
     *                              none of its seconds was kept (a range of more than 120 days of distinct hours)
     * @param statusClasses         requests by status class: index 1 to 5 for 1xx..5xx, 0 for anything else
     * @param requestP50Micros      request time p50 (read only when a tier had a timed request)
     * @param upstreamP99Micros     upstream time p99 (read only when {@code upstreamTimedRequests > 0})
     * @param tierP50Micros         per {@link Tier} ordinal, p50 (read only where the tier's timed count is positive)
     * @param tierTimedRequests     per {@link Tier} ordinal, the requests with a request time
     * @param meanConnectMicros     mean per timed request spent connecting to upstreams (and wait, transfer,
     *                              nginx/client, unsplit likewise)
     * @param offsetSeconds         the zone offset the bucket's requests were logged in (its first request's)
     * @param meanUnsplitMicros     mean upstream response time after connecting whose first byte's time is unknown
     * @param upstreamTimedRequests requests with an upstream time: the count behind {@code upstreamP99Micros}
     */
    public TimePoint(long startSecond, long requests, long maxPerSecond, long[] statusClasses, long bytes,
                     long requestP50Micros, long requestP99Micros, long upstreamP99Micros, long[] tierP50Micros,
                     long[] tierP99Micros, long[] tierTimedRequests, double meanConnectMicros, double meanWaitMicros,
                     double meanTransferMicros, double meanNginxMicros, int offsetSeconds, double meanUnsplitMicros,
                     long upstreamTimedRequests) {
        this.startSecond = startSecond;
        this.requests = requests;
        this.maxPerSecond = maxPerSecond;
        this.statusClasses = statusClasses.clone();
        this.bytes = bytes;
        this.requestP50Micros = requestP50Micros;
        this.requestP99Micros = requestP99Micros;
        this.upstreamP99Micros = upstreamP99Micros;
        this.tierP50Micros = full(tierP50Micros);
        this.tierP99Micros = full(tierP99Micros);
        this.tierTimedRequests = full(tierTimedRequests);
        this.meanConnectMicros = meanConnectMicros;
        this.meanWaitMicros = meanWaitMicros;
        this.meanTransferMicros = meanTransferMicros;
        this.meanNginxMicros = meanNginxMicros;
        this.offsetSeconds = offsetSeconds;
        this.meanUnsplitMicros = meanUnsplitMicros;
        this.upstreamTimedRequests = upstreamTimedRequests;
    }

    /** A point whose upstream times, if any, were all split (every attempt had a header time). */
    public TimePoint(long startSecond, long requests, long maxPerSecond, long[] statusClasses, long bytes,
                     long requestP50Micros, long requestP99Micros, long upstreamP99Micros, long[] tierP50Micros,
                     long[] tierP99Micros, long[] tierTimedRequests, double meanConnectMicros, double meanWaitMicros,
                     double meanTransferMicros, double meanNginxMicros, int offsetSeconds) {
        this(startSecond, requests, maxPerSecond, statusClasses, bytes, requestP50Micros, requestP99Micros,
                upstreamP99Micros, tierP50Micros, tierP99Micros, tierTimedRequests, meanConnectMicros, meanWaitMicros,
                meanTransferMicros, meanNginxMicros, offsetSeconds, 0, full(tierTimedRequests)[Tier.UPSTREAM.ordinal()]);
    }

    /** Per-tier arrays sized for every tier (older callers give nginx, cache and upstream only). */
    private static long[] full(long[] perTier) {
        return Arrays.copyOf(perTier, Tier.values().length);
    }

    public long startSecond() {
        return startSecond;
    }

    public long requests() {
        return requests;
    }

    /** The busiest second within the bucket; empty when none of its seconds was kept. */
    public OptionalLong maxPerSecond() {
        return maxPerSecond < 0 ? OptionalLong.empty() : OptionalLong.of(maxPerSecond);
    }

    /** Requests by status class: index 1 to 5 for 1xx..5xx, 0 for anything else (a copy). */
    public long[] statusClasses() {
        return statusClasses.clone();
    }

    public long bytes() {
        return bytes;
    }

    public int offsetSeconds() {
        return offsetSeconds;
    }

    /** Requests with a request time in the bucket. */
    public long timedRequests() {
        long n = 0;
        for (long t : tierTimedRequests) {
            n += t;
        }
        return n;
    }

    public OptionalLong requestP50Micros() {
        return timedRequests() > 0 ? OptionalLong.of(requestP50Micros) : OptionalLong.empty();
    }

    public OptionalLong requestP99Micros() {
        return timedRequests() > 0 ? OptionalLong.of(requestP99Micros) : OptionalLong.empty();
    }

    /** Requests with an upstream time: the count behind {@link #upstreamP99Micros()}. */
    public long upstreamTimedRequests() {
        return upstreamTimedRequests;
    }

    public OptionalLong upstreamP99Micros() {
        return upstreamTimedRequests > 0 ? OptionalLong.of(upstreamP99Micros) : OptionalLong.empty();
    }

    /** The tier's requests with a request time in the bucket. */
    public long tierTimedRequests(Tier t) {
        return tierTimedRequests[t.ordinal()];
    }

    public OptionalLong tierP50Micros(Tier t) {
        return tierTimedRequests[t.ordinal()] > 0 ? OptionalLong.of(tierP50Micros[t.ordinal()]) : OptionalLong.empty();
    }

    public OptionalLong tierP99Micros(Tier t) {
        return tierTimedRequests[t.ordinal()] > 0 ? OptionalLong.of(tierP99Micros[t.ordinal()]) : OptionalLong.empty();
    }

    private OptionalDouble mean(double micros) {
        return timedRequests() > 0 ? OptionalDouble.of(micros) : OptionalDouble.empty();
    }

    /** Mean per timed request: connecting to upstreams. */
    public OptionalDouble meanConnectMicros() {
        return mean(meanConnectMicros);
    }

    /** ... waiting for the first byte after connecting. */
    public OptionalDouble meanWaitMicros() {
        return mean(meanWaitMicros);
    }

    /** ... receiving the rest of the upstream response. */
    public OptionalDouble meanTransferMicros() {
        return mean(meanTransferMicros);
    }

    /** ... in nginx and sending to the client. */
    public OptionalDouble meanNginxMicros() {
        return mean(meanNginxMicros);
    }

    /** ... receiving the upstream response after connecting, for attempts whose header time was not logged. */
    public OptionalDouble meanUnsplitMicros() {
        return mean(meanUnsplitMicros);
    }
}
