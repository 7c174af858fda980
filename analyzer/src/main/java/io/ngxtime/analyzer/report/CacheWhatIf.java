package io.ngxtime.analyzer.report;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * What a cache with a fixed time to live in front of upstream would have saved on the cache candidates
 * (the routes of the {@link Finding.Kind#CACHE_CANDIDATE} finding), from replaying the log through it in time
 * order: the first upstream 200 for a key is stored until its time plus the TTL, and an upstream request
 * for that key before then would have been a hit, its upstream request and upstream time saved. Requests
 * nginx's own cache served are neither savings nor stored: only what reached upstream is replayed. The key
 * is {@code $host} (when logged) and the request target with its query ({@code $request_uri}), as nginx's
 * default {@code proxy_cache_key} has it; GET and HEAD share it ({@code proxy_cache_convert_head}).
 *
 * <p>"Not measured" is empty, never 0: without candidates nothing is replayed, so the upstream totals and
 * the busiest minute are empty; without {@code $upstream_response_time} every time is empty.
 *
 * @param ttlSeconds              the modelled time to live
 * @param candidates              per candidate route, in the finding's order
 * @param upstreamRequests        every request with an upstream attempt in the report (all routes); empty without candidates
 * @param upstreamTimeMicros      their upstream time (sum of each one's attempts' response times); empty without
 *                                candidates or without {@code $upstream_response_time}
 * @param savedRequests           upstream requests the cache would have answered (over the candidates)
 * @param savedUpstreamTimeMicros the upstream time of those requests; empty when the time is not logged
 * @param busiestMinute           the minute with the most upstream requests (all routes; the earliest of equals)
 *                                and what the cache would have saved in it; empty without candidates or requests
 * @param lateRequests            candidate requests that came more than the reorder window after a later one:
 *                                replayed late, so the figures are approximate
 * @param entriesNotStored        responses not stored because the model held its maximum of live entries: the
 *                                savings are then a lower bound
 */
public record CacheWhatIf(long ttlSeconds, List<Candidate> candidates, OptionalLong upstreamRequests,
                          OptionalLong upstreamTimeMicros, long savedRequests, OptionalLong savedUpstreamTimeMicros,
                          Optional<Minute> busiestMinute, long lateRequests, long entriesNotStored) {
    public CacheWhatIf {
        candidates = List.copyOf(candidates);
        if (ttlSeconds <= 0) {
            throw new IllegalArgumentException("the TTL must be positive, not " + ttlSeconds + " s");
        }
    }

    /** No candidate to replay: nothing saved, and the upstream totals not counted. */
    public static CacheWhatIf withoutCandidates(long ttlSeconds) {
        return new CacheWhatIf(ttlSeconds, List.of(), OptionalLong.empty(), OptionalLong.empty(), 0, OptionalLong.of(0),
                Optional.empty(), 0, 0);
    }

    /**
     * One candidate route.
     *
     * @param route                   the route (as in the routes table)
     * @param upstreamRequests        its GET and HEAD requests that reached upstream (each one replayed)
     * @param savedRequests           those the cache would have answered
     * @param savedUpstreamTimeMicros their upstream time; empty when the time is not logged
     */
    public record Candidate(String route, long upstreamRequests, long savedRequests, OptionalLong savedUpstreamTimeMicros) {
    }

    /**
     * One minute of the replay.
     *
     * @param startSecond             the minute's start, epoch seconds
     * @param upstreamRequests        requests with an upstream attempt in it (all routes)
     * @param savedRequests           of those, the ones the cache would have answered
     * @param savedUpstreamTimeMicros their upstream time; empty when the time is not logged
     */
    public record Minute(long startSecond, long upstreamRequests, long savedRequests, OptionalLong savedUpstreamTimeMicros) {
    }

    /** Whether the figures are approximate: requests came too far out of order, or entries could not be stored. */
    public boolean approximate() {
        return lateRequests > 0 || entriesNotStored > 0;
    }

    /** The saved share of the upstream requests; empty when they were not counted or there were none. */
    public OptionalDouble savedShareOfRequests() {
        return upstreamRequests.isPresent() && upstreamRequests.getAsLong() > 0
                ? OptionalDouble.of((double) savedRequests / upstreamRequests.getAsLong()) : OptionalDouble.empty();
    }

    /** The saved share of the upstream time; empty when either is unknown or the time is 0. */
    public OptionalDouble savedShareOfTime() {
        return upstreamTimeMicros.isPresent() && upstreamTimeMicros.getAsLong() > 0 && savedUpstreamTimeMicros.isPresent()
                ? OptionalDouble.of((double) savedUpstreamTimeMicros.getAsLong() / upstreamTimeMicros.getAsLong())
                : OptionalDouble.empty();
    }
}
