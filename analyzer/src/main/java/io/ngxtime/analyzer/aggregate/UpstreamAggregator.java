package io.ngxtime.analyzer.aggregate;

import io.ngxtime.analyzer.record.AttemptOutcome;
import io.ngxtime.analyzer.record.Logged;
import io.ngxtime.analyzer.record.Request;
import io.ngxtime.analyzer.report.UpstreamReport;

/**
 * Per entry of {@code $upstream_addr} (a server, or a group's name when nginx found no live server),
 * counted per attempt: attempts, failures (when the outcome is logged), attempts without a connection,
 * client aborts, the retries they caused, and connect/header/response percentiles over the attempts
 * that reached the server. Attempts whose address the format does not log are one entry,
 * {@link UpstreamReport#NOT_LOGGED_KEY}. At most {@link #MAX_UPSTREAMS} entries are kept (the busiest).
 */
public final class UpstreamAggregator implements Aggregator<UpstreamAggregator>, java.io.Serializable {
    public static final int MAX_UPSTREAMS = 256;
    private final TopK<UpstreamStats> byAddress = new TopK<>(MAX_UPSTREAMS, UpstreamStats::new, UpstreamStats::merge);

    @Override
    public void add(Request r) {
        int n = r.attemptCount();
        for (int i = 0; i < n; i++) {
            int symbol = r.attemptAddressSymbol(i);
            UpstreamStats s;
            if (symbol > 0) {
                s = byAddress.add(r.symbols(), symbol, null);
            } else {
                String address = r.attemptAddress(i);
                s = byAddress.add(address == null ? UpstreamReport.NOT_LOGGED_KEY : address);
            }
            s.attempts++;
            s.logged |= r.logged();
            AttemptOutcome outcome = r.attemptOutcome(i);
            if (outcome != AttemptOutcome.UNKNOWN) {
                s.outcomeKnown++;
            }
            if (outcome.isFailure()) {
                s.failed++;
            }
            if (outcome == AttemptOutcome.NOT_CONNECTED) {
                s.notConnected++;
            } else if (outcome == AttemptOutcome.CLIENT_ABORT) {
                s.clientAborts++;
            }
            if (i + 1 < n && r.attemptGroup(i + 1) == r.attemptGroup(i)) {
                s.retriesCaused++;
            }
            if (outcome.hasResponseTime()) {
                s.connect.record(r.logs(Logged.UPSTREAM_CONNECT_TIME) ? r.attemptConnectMicros(i) : -1);
                s.header.record(r.logs(Logged.UPSTREAM_HEADER_TIME) ? r.attemptHeaderMicros(i) : -1);
                s.response.record(r.logs(Logged.UPSTREAM_RESPONSE_TIME) ? r.attemptResponseMicros(i) : -1);
            }
        }
    }

    @Override
    public void merge(UpstreamAggregator o) {
        byAddress.merge(o.byAddress);
    }

    public TopK<UpstreamStats> byAddress() {
        return byAddress;
    }
}
