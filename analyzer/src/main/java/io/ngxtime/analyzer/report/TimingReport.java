package io.ngxtime.analyzer.report;

import io.ngxtime.analyzer.report.Percentiles;
import java.util.List;

/**
 * Where the time went, in microseconds. Upstream figures are over requests with at least one attempt;
 * connect and header are summed over a request's attempts.
 *
 * @param tiers                  nginx, cache, upstream
 * @param significantDigits      HdrHistogram precision of these percentiles (3: within 0.1%)
 * @param upstreamExceedsRequest requests whose logged upstream time exceeded request_time
 */
public record TimingReport(List<TierReport> tiers, Percentiles requestTime, Percentiles upstreamTime,
                           Percentiles upstreamConnect, Percentiles upstreamHeader, Percentiles nginxTime,
                           long upstreamExceedsRequest, long withoutRequestTime, int significantDigits) {
}
