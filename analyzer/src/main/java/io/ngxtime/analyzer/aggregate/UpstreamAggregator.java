package io.ngxtime.analyzer.aggregate;

import io.ngxtime.analyzer.record.Request;

/**
 * Per upstream address, counted per attempt: attempts, failed attempts, retries they caused, and
 * connect/header/response percentiles. At most {@link #MAX_UPSTREAMS} addresses are kept (the busiest).
 */
public final class UpstreamAggregator implements Aggregator<UpstreamAggregator> {
    public static final int MAX_UPSTREAMS = 256;
    private final TopK<UpstreamStats> byAddress = new TopK<>(MAX_UPSTREAMS, UpstreamStats::new, UpstreamStats::merge);

    @Override
    public void add(Request r) {
        int n = r.attemptCount();
        for (int i = 0; i < n; i++) {
            UpstreamStats s = byAddress.add(r.attemptAddress(i));
            s.attempts++;
            int status = r.attemptStatus(i);
            if (status < 0 || status >= 500) {
                s.failed++;
            }
            if (i + 1 < n && r.attemptGroup(i + 1) == r.attemptGroup(i)) {
                s.retriesCaused++;
            }
            s.connect.record(r.attemptConnectMicros(i));
            s.header.record(r.attemptHeaderMicros(i));
            s.response.record(r.attemptResponseMicros(i));
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
