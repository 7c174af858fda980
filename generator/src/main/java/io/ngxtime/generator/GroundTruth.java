package io.ngxtime.generator;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * What a generated log contains, counted while it was written (never by parsing it): the exact
 * answers an analyzer should find. Immutable and thread-safe.
 *
 * <p>It describes what happened, not what a format shows: a {@code combined} log has the same tiers and
 * upstream attempts as a {@code timing} log of the same seed, although it does not log them. Times are
 * request (log) times with millisecond resolution, in the log's zone offset; formats that log only
 * whole seconds show the same seconds. Request times are nginx's logged milliseconds.
 *
 * <p>Write it with {@link #toJson()}: the keys {@code requests} (valid lines), {@code rejected}
 * (malformed lines), {@code status} and {@code time} are the ones analyzers compare against.
 */
public final class GroundTruth {

    /** One second and how many requests were logged in it. */
    public record BusySecond(OffsetDateTime time, int requests) {
    }

    /**
     * Request times over all valid requests, in milliseconds as logged; percentiles by nearest rank (the
     * smallest logged value with at least p% of requests at or below it). All zero without requests.
     */
    public record RequestTimes(long count, long sumMillis, long maxMillis, long p50Millis, long p90Millis,
                               long p99Millis) {
    }

    /**
     * A flash crowd as it came out.
     *
     * @param start              first second of the crowd
     * @param end                the second after its last one
     * @param peakMultiplier     planned rate multiplier at the plateau
     * @param route              the promoted path most crowd requests went to
     * @param referer            the partner page that sent the crowd
     * @param network            the crowd's client network, {@code a.b.c.0/24}
     * @param requests           all requests logged in the window, the crowd's and ordinary ones
     * @param crowdRequests      requests that came with the crowd
     * @param crowdTiers         the crowd's requests by the tier that served them ({@code nginx}, {@code cache},
     *                           {@code upstream}, as {@code tiers}): the tier that took most of them took the crowd
     * @param busiestSecond      the window's busiest second and its count
     * @param baselinePerSecond  mean requests per second in the 30 minutes on either side of the window
     */
    public record Peak(OffsetDateTime start, OffsetDateTime end, double peakMultiplier, String route, String referer,
                       String network, long requests, long crowdRequests, Map<String, Long> crowdTiers,
                       BusySecond busiestSecond, double baselinePerSecond) {
        public Peak {
            crowdTiers = Collections.unmodifiableMap(new java.util.LinkedHashMap<>(crowdTiers));
        }
    }

    /** The settings the log was generated with, as recorded in the JSON. */
    public record Settings(String formatName, String formatText, long seed, OffsetDateTime start, long durationSeconds,
                           double baseRatePerSecond, int plannedPeaks, int malformedPerMillion, int oddLinesPerMillion) {
    }

    private final Settings settings;
    private final long lines;
    private final long requests;
    private final Map<String, Long> malformedByKind;
    private final Map<String, Long> oddLinesByKind;
    private final SortedMap<Integer, Long> requestsByStatus;
    private final SortedMap<String, Long> requestsByMethod;
    private final Map<String, Long> requestsByTier;
    private final Map<String, Long> requestsByCacheStatus;
    private final SortedMap<String, Long> attemptsByAddress;
    private final long retriedRequests;
    private final long internalRedirects;
    private final long upstreamExceedsRequest;
    private final long firstMillis;
    private final long lastMillis;
    private final int[] perSecond;
    private final BusySecond busiestSecond;
    private final BusySecond spike;
    private final RequestTimes requestTimes;
    private final List<Peak> peaks;

    GroundTruth(Settings settings, long lines, long requests, Map<String, Long> malformedByKind,
                Map<String, Long> oddLinesByKind, SortedMap<Integer, Long> requestsByStatus,
                SortedMap<String, Long> requestsByMethod, Map<String, Long> requestsByTier,
                Map<String, Long> requestsByCacheStatus, SortedMap<String, Long> attemptsByAddress,
                long retriedRequests, long internalRedirects, long upstreamExceedsRequest, long firstMillis,
                long lastMillis, int[] perSecond, BusySecond busiestSecond, BusySecond spike,
                RequestTimes requestTimes, List<Peak> peaks) {
        this.settings = settings;
        this.lines = lines;
        this.requests = requests;
        this.malformedByKind = Collections.unmodifiableMap(malformedByKind);
        this.oddLinesByKind = Collections.unmodifiableMap(oddLinesByKind);
        this.requestsByStatus = Collections.unmodifiableSortedMap(requestsByStatus);
        this.requestsByMethod = Collections.unmodifiableSortedMap(requestsByMethod);
        this.requestsByTier = Collections.unmodifiableMap(requestsByTier);
        this.requestsByCacheStatus = Collections.unmodifiableMap(requestsByCacheStatus);
        this.attemptsByAddress = Collections.unmodifiableSortedMap(attemptsByAddress);
        this.retriedRequests = retriedRequests;
        this.internalRedirects = internalRedirects;
        this.upstreamExceedsRequest = upstreamExceedsRequest;
        this.firstMillis = firstMillis;
        this.lastMillis = lastMillis;
        this.perSecond = perSecond;
        this.busiestSecond = busiestSecond;
        this.spike = spike;
        this.requestTimes = requestTimes;
        this.peaks = List.copyOf(peaks);
    }

    /** The generator's settings. */
    public Settings settings() {
        return settings;
    }

    /** All lines written, valid or not. */
    public long lines() {
        return lines;
    }

    /** Valid request lines (including the odd but valid ones). */
    public long requests() {
        return requests;
    }

    /** Malformed lines: lines a parser must reject. */
    public long rejected() {
        return lines - requests;
    }

    /** Malformed lines by kind: {@code truncated}, {@code junk}, {@code errorLog}, {@code brokenTimestamp}. */
    public Map<String, Long> malformedByKind() {
        return malformedByKind;
    }

    /**
     * Odd but valid lines by kind: {@code emptyRequest}, {@code tlsHandshake}, {@code quotedUserAgent},
     * {@code encodedSpacePath}. They are included in {@link #requests()}.
     */
    public Map<String, Long> oddLinesByKind() {
        return oddLinesByKind;
    }

    /** Requests by {@code $status}, ascending. */
    public SortedMap<Integer, Long> requestsByStatus() {
        return requestsByStatus;
    }

    /** Requests with {@code $status} {@code status}. */
    public long requestsWithStatus(int status) {
        return requestsByStatus.getOrDefault(status, 0L);
    }

    /** Requests by method; lines without a method (empty or binary request) count under {@code -}. */
    public SortedMap<String, Long> requestsByMethod() {
        return requestsByMethod;
    }

    /** Requests by the tier that answered: {@code nginx}, {@code cache}, {@code upstream}. */
    public Map<String, Long> requestsByTier() {
        return requestsByTier;
    }

    /** Requests by {@code $upstream_cache_status} ({@code -} where the cache was not involved). */
    public Map<String, Long> requestsByCacheStatus() {
        return requestsByCacheStatus;
    }

    /** Upstream attempts by server address ({@code 10.0.1.1:8080}, ...). */
    public SortedMap<String, Long> attemptsByAddress() {
        return attemptsByAddress;
    }

    /** All upstream attempts. */
    public long upstreamAttempts() {
        return attemptsByAddress.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Requests that tried a second server of the same group. */
    public long retriedRequests() {
        return retriedRequests;
    }

    /** Requests that went on to a second upstream group (logged with {@code " : "}). */
    public long internalRedirects() {
        return internalRedirects;
    }

    /** Requests whose logged upstream response times add up to more than their {@code $request_time}. */
    public long upstreamExceedsRequest() {
        return upstreamExceedsRequest;
    }

    /** The first request's time, or null without requests. */
    public OffsetDateTime firstRequestTime() {
        return requests == 0 ? null : at(firstMillis);
    }

    /** The last request's time, or null without requests. */
    public OffsetDateTime lastRequestTime() {
        return requests == 0 ? null : at(lastMillis);
    }

    /** Requests logged in each second from the start ({@code [i]} is second {@code i}); a copy. */
    public int[] requestsPerSecond() {
        return perSecond.clone();
    }

    /** Requests logged in second {@code index} counted from the start. */
    public int requestsInSecond(int index) {
        return perSecond[index];
    }

    /** Requests per minute from the start (the last minute may be partial). */
    public long[] requestsPerMinute() {
        long[] m = new long[(perSecond.length + 59) / 60];
        for (int i = 0; i < perSecond.length; i++) {
            m[i / 60] += perSecond[i];
        }
        return m;
    }

    /** The busiest second (the earliest of equals). */
    public BusySecond busiestSecond() {
        return busiestSecond;
    }

    /** The planned single-second spike as it came out, or null when there was none. */
    public BusySecond spike() {
        return spike;
    }

    public RequestTimes requestTimes() {
        return requestTimes;
    }

    /** The flash crowds, in time order. */
    public List<Peak> peaks() {
        return peaks;
    }

    /** {@code epochMillis} in the log's zone offset. */
    private OffsetDateTime at(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).atOffset(settings.start().getOffset());
    }

    /** The ground truth as pretty-printed JSON with a final newline; the same truth gives the same text. */
    public String toJson() {
        return GroundTruthJson.write(this);
    }

    /** Writes {@link #toJson()} to {@code out}. */
    public void writeJson(Writer out) throws IOException {
        out.write(toJson());
    }

    /** Writes {@link #toJson()} to {@code file} as UTF-8. */
    public void writeJson(Path file) throws IOException {
        Files.writeString(file, toJson(), StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GroundTruth g && toJson().equals(g.toJson()) && Arrays.equals(perSecond, g.perSecond);
    }

    @Override
    public int hashCode() {
        return toJson().hashCode();
    }

    @Override
    public String toString() {
        return "GroundTruth[" + lines + " lines, " + requests + " requests, " + rejected() + " rejected]";
    }
}
