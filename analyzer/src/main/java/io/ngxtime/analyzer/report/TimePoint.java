package io.ngxtime.analyzer.report;

/**
 * One time bucket of the traffic series (a minute unless the range was long).
 *
 * @param startSecond       epoch second the bucket starts at
 * @param requests          requests in the bucket
 * @param maxPerSecond      the busiest second within the bucket (the envelope charts draw)
 * @param statusClasses     requests by status class: index 1 to 5 for 1xx..5xx, 0 for anything else
 * @param requestP50Micros  request time p50 (±3.2%)
 * @param requestP99Micros  request time p99 (±3.2%)
 * @param upstreamP99Micros upstream time p99 over requests with an attempt (±3.2%), 0 when none
 * @param tierP50Micros     per tier (nginx, cache, upstream) p50; 0 both when the tier had no timed request
 *                          and when its requests took under a microsecond (nginx logs whole milliseconds, so
 *                          cache hits are often 0): tell them apart with {@code tierTimedRequests}
 * @param tierP99Micros     per tier p99 (the same)
 * @param tierTimedRequests per tier, the requests with a request time: the count behind its percentiles
 * @param meanConnectMicros mean per timed request: connecting to upstreams
 * @param meanWaitMicros    ... waiting for the first byte after connecting
 * @param meanTransferMicros ... receiving the rest of the upstream response
 * @param meanNginxMicros   ... in nginx and sending to the client
 * @param offsetSeconds     the zone offset the bucket's requests were logged in (its first request's),
 *                          so a series across a DST change keeps each time as logged
 * @param meanUnsplitMicros ... receiving the upstream response after connecting, for attempts whose header
 *                          time was not logged: neither wait nor transfer, as the first byte's time is unknown
 * @param upstreamTimedRequests requests with an upstream time: the count behind {@code upstreamP99Micros}
 */
public record TimePoint(long startSecond, long requests, long maxPerSecond, long[] statusClasses, long bytes,
                        long requestP50Micros, long requestP99Micros, long upstreamP99Micros, long[] tierP50Micros,
                        long[] tierP99Micros, long[] tierTimedRequests, double meanConnectMicros, double meanWaitMicros,
                        double meanTransferMicros, double meanNginxMicros, int offsetSeconds, double meanUnsplitMicros,
                        long upstreamTimedRequests) {

    /** A point whose upstream times, if any, were all split (every attempt had a header time). */
    public TimePoint(long startSecond, long requests, long maxPerSecond, long[] statusClasses, long bytes,
                     long requestP50Micros, long requestP99Micros, long upstreamP99Micros, long[] tierP50Micros,
                     long[] tierP99Micros, long[] tierTimedRequests, double meanConnectMicros, double meanWaitMicros,
                     double meanTransferMicros, double meanNginxMicros, int offsetSeconds) {
        this(startSecond, requests, maxPerSecond, statusClasses, bytes, requestP50Micros, requestP99Micros,
                upstreamP99Micros, tierP50Micros, tierP99Micros, tierTimedRequests, meanConnectMicros, meanWaitMicros,
                meanTransferMicros, meanNginxMicros, offsetSeconds, 0, tierTimedRequests[2]);
    }
}
