package io.ngxtime.analyzer.report;

import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Where a peak's load went: its surge's requests by tier and its upstream attempts by backend, each against
 * the peak's baseline window (the same "before" requests as {@link PeakReport.Measures}).
 *
 * <p>The excess of a tier is its requests in the surge less what its share of the baseline predicts for the
 * surge: {@code requestsDuring - shareBefore x expectedRequests}, where {@code expectedRequests} is
 * {@link PeakWindow#expectedRequests()} (the baseline's rate over the surge's length). Over all tiers the
 * excesses add up to the surge's requests less its expected requests. A backend's excess attempts are its
 * attempts in the surge less its attempts per baseline request times the expected requests. Every "before"
 * figure is empty (unknown, never 0) when the baseline window has no request.
 *
 * @param tiers     the tiers the surge or its baseline had requests in, in the order of {@code Tier}
 * @param upstreams the backends (entries of {@code $upstream_addr}) with attempts in the surge or its baseline,
 *                  most attempts in the surge first, at most {@link #MAX_UPSTREAMS}
 */
public record PeakLoad(List<TierShift> tiers, List<BackendShift> upstreams) {
    /** The most backends listed per peak. */
    public static final int MAX_UPSTREAMS = 10;
    /** Nothing measured (a report built without the per-tier pass): no tier, no backend. */
    public static final PeakLoad NOT_MEASURED = new PeakLoad(List.of(), List.of());

    public PeakLoad {
        tiers = List.copyOf(tiers);
        upstreams = List.copyOf(upstreams);
    }

    /** The tier called {@code key}, if listed. */
    public java.util.Optional<TierShift> tier(String key) {
        return tiers.stream().filter(t -> t.tier().equals(key)).findFirst();
    }

    /**
     * One tier in the surge and before it.
     *
     * @param tier            the tier's key ({@code nginx}, {@code cache}, {@code upstream}, {@code nginx_or_cache}, {@code unknown})
     * @param shareDuring     its share of the surge's requests
     * @param shareBefore     its share of the baseline's requests; empty without baseline requests
     * @param excessRequests  requests above what its baseline share predicts for the surge; empty as {@code shareBefore}
     * @param p99DuringMicros its request-time p99 in the surge (±3.2%); empty when none of its requests there was timed
     * @param errorRateDuring its 5xx share over its requests whose status is logged; empty when none is
     */
    public record TierShift(String tier, long requestsDuring, long requestsBefore, double shareDuring,
                            OptionalDouble shareBefore, OptionalDouble excessRequests, OptionalLong p99DuringMicros,
                            OptionalLong p99BeforeMicros, OptionalDouble errorRateDuring, OptionalDouble errorRateBefore) {
    }

    /**
     * One backend in the surge and before it, per attempt.
     *
     * @param excessAttempts          attempts above what its attempts per baseline request predict for the
     *                                surge; empty without baseline requests
     * @param responseP99DuringMicros response-time p99 of its attempts that got a response (±3.2%); empty when
     *                                none did or the format does not log it
     * @param failedRateDuring        failed attempts over attempts; empty when no attempt's outcome is known
     *                                (the format does not log {@code $upstream_status})
     */
    public record BackendShift(String address, long attemptsDuring, long attemptsBefore, OptionalDouble excessAttempts,
                               OptionalLong responseP99DuringMicros, OptionalLong responseP99BeforeMicros,
                               OptionalDouble failedRateDuring, OptionalDouble failedRateBefore) {
    }
}
