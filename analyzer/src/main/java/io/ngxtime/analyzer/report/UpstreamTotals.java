package io.ngxtime.analyzer.report;

/**
 * Requests by what happened upstream, for a format that logs an upstream variable.
 *
 * @param requestsWithAttempts requests with at least one upstream attempt
 * @param retriedRequests      requests nginx sent to a second server of the same group ({@code ", "})
 * @param internalRedirects    requests that went on to another group ({@code " : "}: error_page, X-Accel-Redirect)
 * @param addressesApproximate whether more distinct upstream addresses came than the bounded table keeps
 *                             ({@code UpstreamAggregator.MAX_UPSTREAMS}): the kept rows' figures are then
 *                             upper bounds (they may include addresses the table let go)
 */
public record UpstreamTotals(long requestsWithAttempts, long retriedRequests, long internalRedirects,
                             boolean addressesApproximate) {
}
