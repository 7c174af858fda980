package io.ngxtime.analyzer.aggregate;

import io.ngxtime.analyzer.record.AttemptOutcome;
import io.ngxtime.analyzer.record.Logged;
import io.ngxtime.analyzer.record.Request;
import io.ngxtime.analyzer.record.Tier;
import io.ngxtime.analyzer.report.PeakLoad;
import io.ngxtime.analyzer.report.UpstreamReport;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The requests of one side of a peak (its surge, or its baseline window) by tier, and their upstream
 * attempts by backend: what {@link PeakLoad} compares. Per tier: requests, 5xx over the requests whose status
 * is logged, request time; per backend (at most {@link #MAX_BACKENDS}, the busiest kept): attempts, failures
 * where the outcome is logged, response time of the attempts that got a response. Mergeable; not thread-safe.
 */
final class SurgeLoad implements java.io.Serializable {
    /** Backends counted per side; a peak's traffic reaches a handful, and the sketch bounds a flood of names. */
    static final int MAX_BACKENDS = 64;

    /** Per-attempt counts of one backend. */
    static final class Backend implements java.io.Serializable {
        long attempts;
        long outcomeKnown;
        long failed;
        final LogHistogram response = new LogHistogram();

        void merge(Backend o) {
            attempts += o.attempts;
            outcomeKnown += o.outcomeKnown;
            failed += o.failed;
            response.merge(o.response);
        }
    }

    private final long[] requests = new long[Tier.values().length];
    private final long[] errors5xx = new long[Tier.values().length];
    private final long[] statusLogged = new long[Tier.values().length];
    private final LogHistogram[] requestTime = new LogHistogram[Tier.values().length];
    private final TopK<Backend> backends = new TopK<>(MAX_BACKENDS, Backend::new, Backend::merge);

    SurgeLoad() {
        for (int i = 0; i < requestTime.length; i++) {
            requestTime[i] = new LogHistogram();
        }
    }

    void add(Request r) {
        int t = r.tier().ordinal();
        requests[t]++;
        if (r.logs(Logged.STATUS) && r.status() >= 0) {
            statusLogged[t]++;
            if (r.status() >= 500) {
                errors5xx[t]++;
            }
        }
        requestTime[t].record(r.logs(Logged.REQUEST_TIME) ? r.requestTimeMicros() : -1);
        for (int i = 0; i < r.attemptCount(); i++) {
            String address = r.attemptAddress(i);
            Backend b = backends.add(address == null ? UpstreamReport.NOT_LOGGED_KEY : address);
            b.attempts++;
            AttemptOutcome outcome = r.attemptOutcome(i);
            if (outcome != AttemptOutcome.UNKNOWN) {
                b.outcomeKnown++;
            }
            if (outcome.isFailure()) {
                b.failed++;
            }
            if (outcome.hasResponseTime()) {
                b.response.record(r.logs(Logged.UPSTREAM_RESPONSE_TIME) ? r.attemptResponseMicros(i) : -1);
            }
        }
    }

    void merge(SurgeLoad o) {
        for (int i = 0; i < requests.length; i++) {
            requests[i] += o.requests[i];
            errors5xx[i] += o.errors5xx[i];
            statusLogged[i] += o.statusLogged[i];
            requestTime[i].merge(o.requestTime[i]);
        }
        backends.merge(o.backends);
    }

    private long total() {
        long n = 0;
        for (long c : requests) {
            n += c;
        }
        return n;
    }

    /**
     * The surge against its baseline window, as {@link PeakLoad} defines it.
     *
     * @param expectedRequests the requests the baseline's rate predicts for the surge ({@code PeakWindow.expectedRequests()})
     */
    static PeakLoad compare(SurgeLoad during, SurgeLoad before, double expectedRequests) {
        long nDuring = during.total();
        long nBefore = before.total();
        if (nDuring == 0) {
            return PeakLoad.NOT_MEASURED;
        }
        List<PeakLoad.TierShift> tiers = new ArrayList<>();
        for (Tier tier : Tier.values()) {
            int t = tier.ordinal();
            if (during.requests[t] + before.requests[t] == 0) {
                continue;
            }
            OptionalDouble shareBefore = nBefore == 0 ? OptionalDouble.empty()
                    : OptionalDouble.of((double) before.requests[t] / nBefore);
            OptionalDouble excess = nBefore == 0 ? OptionalDouble.empty()
                    : OptionalDouble.of(during.requests[t] - shareBefore.getAsDouble() * expectedRequests);
            tiers.add(new PeakLoad.TierShift(tier.key(), during.requests[t], before.requests[t],
                    (double) during.requests[t] / nDuring, shareBefore, excess, p99(during.requestTime[t]),
                    p99(before.requestTime[t]), rate(during.errors5xx[t], during.statusLogged[t]),
                    rate(before.errors5xx[t], before.statusLogged[t])));
        }
        Map<String, Backend> beforeBackends = new HashMap<>();
        for (TopK.Entry<Backend> e : before.backends.sorted()) {
            beforeBackends.put(e.key(), e.value());
        }
        Map<String, Backend> duringBackends = new HashMap<>();
        for (TopK.Entry<Backend> e : during.backends.sorted()) {
            duringBackends.put(e.key(), e.value());
        }
        List<String> addresses = new ArrayList<>(duringBackends.keySet());
        beforeBackends.keySet().stream().filter(a -> !duringBackends.containsKey(a)).forEach(addresses::add);
        Backend none = new Backend();
        addresses.sort(Comparator.<String>comparingLong(a -> duringBackends.getOrDefault(a, none).attempts).reversed()
                .thenComparing(Comparator.naturalOrder()));
        List<PeakLoad.BackendShift> ups = new ArrayList<>();
        for (String a : addresses.subList(0, Math.min(PeakLoad.MAX_UPSTREAMS, addresses.size()))) {
            Backend d = duringBackends.getOrDefault(a, none);
            Backend b = beforeBackends.getOrDefault(a, none);
            OptionalDouble excess = nBefore == 0 ? OptionalDouble.empty()
                    : OptionalDouble.of(d.attempts - (double) b.attempts / nBefore * expectedRequests);
            ups.add(new PeakLoad.BackendShift(a, d.attempts, b.attempts, excess, p99(d.response), p99(b.response),
                    failedRate(d), failedRate(b)));
        }
        return new PeakLoad(tiers, ups);
    }

    private static OptionalLong p99(LogHistogram h) {
        return h.count() == 0 ? OptionalLong.empty() : OptionalLong.of(h.quantile(0.99));
    }

    private static OptionalDouble rate(long part, long whole) {
        return whole == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) part / whole);
    }

    private static OptionalDouble failedRate(Backend b) {
        // over all attempts, as the report's upstream table counts them, once any outcome is known
        return b.outcomeKnown == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) b.failed / b.attempts);
    }
}
