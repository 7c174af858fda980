package io.ngxtime.analyzer.aggregate;

import io.ngxtime.analyzer.report.Percentiles;
/** Per-attempt statistics of one upstream address. Mergeable. */
public final class UpstreamStats {
    long attempts;
    long failed;
    long retriesCaused;
    final LatencyHistogram connect = new LatencyHistogram(LatencyHistogram.COMPACT);
    final LatencyHistogram header = new LatencyHistogram(LatencyHistogram.COMPACT);
    final LatencyHistogram response = new LatencyHistogram(LatencyHistogram.COMPACT);

    void merge(UpstreamStats o) {
        attempts += o.attempts;
        failed += o.failed;
        retriesCaused += o.retriesCaused;
        connect.merge(o.connect);
        header.merge(o.header);
        response.merge(o.response);
    }

    public long attempts() {
        return attempts;
    }

    /** Attempts answered with a 5xx, or with no status (connection failure, timeout). */
    public long failed() {
        return failed;
    }

    /** Attempts after which nginx tried another server of the same group. */
    public long retriesCaused() {
        return retriesCaused;
    }

    public Percentiles connect() {
        return connect.percentiles();
    }

    public Percentiles header() {
        return header.percentiles();
    }

    public Percentiles response() {
        return response.percentiles();
    }
}
