package io.ngxtime.analyzer.aggregate;

import io.ngxtime.analyzer.record.Logged;
import io.ngxtime.analyzer.report.Latency;
import java.util.OptionalLong;

/** Per-attempt statistics of one entry of {@code $upstream_addr}. Mergeable. */
public final class UpstreamStats implements java.io.Serializable {
    long attempts;
    /** Attempts whose outcome is known (their format logs {@code $upstream_status}, or nginx named the group). */
    long outcomeKnown;
    long failed;
    long notConnected;
    long clientAborts;
    long retriesCaused;
    /** What the attempts' formats log ({@link Logged} bits). */
    int logged;
    final LatencyHistogram connect = new LatencyHistogram(LatencyHistogram.COMPACT);
    final LatencyHistogram header = new LatencyHistogram(LatencyHistogram.COMPACT);
    final LatencyHistogram response = new LatencyHistogram(LatencyHistogram.COMPACT);

    void merge(UpstreamStats o) {
        attempts += o.attempts;
        outcomeKnown += o.outcomeKnown;
        failed += o.failed;
        notConnected += o.notConnected;
        clientAborts += o.clientAborts;
        retriesCaused += o.retriesCaused;
        logged |= o.logged;
        connect.merge(o.connect);
        header.merge(o.header);
        response.merge(o.response);
    }

    public long attempts() {
        return attempts;
    }

    /**
     * Attempts that failed: a 5xx, no status (a timeout, a closed connection), or no connection at all;
     * empty when no attempt's outcome is known (the format does not log {@code $upstream_status}).
     */
    public OptionalLong failed() {
        return outcomeKnown == 0 ? OptionalLong.empty() : OptionalLong.of(failed);
    }

    /** Failed attempts without a connection (refused, no live server), left out of the latencies; empty as {@link #failed()}. */
    public OptionalLong notConnected() {
        return outcomeKnown == 0 ? OptionalLong.empty() : OptionalLong.of(notConnected);
    }

    /** Attempts the client abandoned (499 with upstream status {@code -}): not the backend's failure; empty as {@link #failed()}. */
    public OptionalLong clientAborts() {
        return outcomeKnown == 0 ? OptionalLong.empty() : OptionalLong.of(clientAborts);
    }

    /** Attempts after which nginx tried another server of the same group. */
    public long retriesCaused() {
        return retriesCaused;
    }

    /** Connect times of the attempts that reached the server. */
    public Latency connect() {
        return Latency.of(connect.percentiles(), Logged.UPSTREAM_CONNECT_TIME.in(logged));
    }

    public Latency header() {
        return Latency.of(header.percentiles(), Logged.UPSTREAM_HEADER_TIME.in(logged));
    }

    public Latency response() {
        return Latency.of(response.percentiles(), Logged.UPSTREAM_RESPONSE_TIME.in(logged));
    }
}
