package io.ngxtime.analyzer.report;

import java.util.List;

/**
 * Where the time went, in microseconds. Upstream figures are over requests with at least one attempt;
 * connect and header are summed over a request's attempts.
 *
 * @param tiers                  the tiers the log tells apart, with their requests (nginx, cache, upstream;
 *                               nginx_or_cache and unknown when some requests could only be placed there)
 * @param unknownTiers           the exact tiers the format cannot tell ({@code nginx} and {@code cache}
 *                               without {@code $upstream_cache_status}; all three without any upstream
 *                               variable): not zero, unknown
 * @param significantDigits      HdrHistogram precision of these percentiles (3: within 0.1%)
 * @param upstreamExceedsRequest requests whose logged upstream time exceeded request_time; empty when the format
 *                               does not log both {@code $request_time} and {@code $upstream_response_time}
 * @param withoutRequestTime     requests whose request_time was {@code -} or not logged
 */
public record TimingReport(List<TierReport> tiers, List<String> unknownTiers, Latency requestTime, Latency upstreamTime,
                           Latency upstreamConnect, Latency upstreamHeader, Latency nginxTime,
                           java.util.OptionalLong upstreamExceedsRequest, long withoutRequestTime, int significantDigits) {
    public TimingReport {
        tiers = List.copyOf(tiers);
        unknownTiers = List.copyOf(unknownTiers);
    }

    /** The tier called {@code key}, if the log tells it apart and it had requests or is exact. */
    public java.util.Optional<TierReport> tier(String key) {
        return tiers.stream().filter(t -> t.tier().equals(key)).findFirst();
    }
}
