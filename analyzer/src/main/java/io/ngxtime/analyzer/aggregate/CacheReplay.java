package io.ngxtime.analyzer.aggregate;

import io.ngxtime.analyzer.record.Logged;
import io.ngxtime.analyzer.record.Request;
import io.ngxtime.analyzer.record.Tier;
import io.ngxtime.analyzer.report.CacheWhatIf;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.PriorityQueue;

/**
 * The log replayed through a cache with a fixed time to live on some routes (the cache candidates): which
 * upstream requests it would have answered. Not an {@link Aggregator}: a cache's answer depends on the order
 * of the requests, so one replay sees every request of the report, in one pass, after the first pass has named
 * the candidates.
 *
 * <p><b>The model.</b> Only requests with an upstream attempt are replayed (what nginx or its cache answered
 * cost upstream nothing, and is neither saved nor stored). A GET or HEAD request of a candidate route is looked
 * up by its key: {@code $host} (when logged) and the request target with its query, as logged
 * ({@code $request_uri}; nginx's default {@code proxy_cache_key} is {@code $scheme$proxy_host$request_uri}, and
 * GET and HEAD share it). A stored entry answers the requests whose time is before its expiry: a hit, whose
 * upstream request and upstream time (the sum of its attempts' response times) are saved. A miss whose
 * response was a 200 stores the entry until its time plus the TTL (a request exactly at the expiry is a miss).
 * Times are the log's ({@code $msec}, or the second of {@code $time_local}).
 *
 * <p><b>Order.</b> The replay needs the requests in time order, and a log is nearly so (nginx writes a line when
 * the request ends; several workers, or several files, interleave). Candidate requests wait in a reorder
 * buffer of {@value #REORDER_REQUESTS} and are replayed earliest first, the order read breaking ties: the
 * replay is exact when no request comes after more than that many candidate requests of a later time. One
 * that does is replayed when it comes and counted as late ({@link CacheWhatIf#lateRequests()}).
 *
 * <p><b>Bounds.</b> At most {@value #MAX_ENTRIES} live entries (an expired one is dropped first); a response
 * that finds the table full is not stored and counted ({@link CacheWhatIf#entriesNotStored()}: the savings
 * are then a lower bound). A key longer than {@value #MAX_KEY_CHARS} characters is kept as its SHA-256. The
 * minutes are {@link MinuteCounters}'.
 *
 * <p>Single-writer; {@link #result} once, after the last request.
 */
public final class CacheReplay {
    public static final int MAX_ENTRIES = 50_000;
    public static final int REORDER_REQUESTS = 32_768;
    static final int MAX_KEY_CHARS = 256;
    private static final int UPSTREAM = 0;
    private static final int SAVED = 1;
    private static final int SAVED_TIME = 2;

    private final Duration ttl;
    private final long ttlMillis;
    private final List<String> routes;
    private final Map<String, Integer> candidate = new HashMap<>();
    private final int maxEntries;
    private final int reorderRequests;
    private final DerivedStrings routeOf = DerivedStrings.routes();
    private final PriorityQueue<Event> pending = new PriorityQueue<>((a, b) -> a.timeMillis != b.timeMillis
            ? Long.compare(a.timeMillis, b.timeMillis) : Long.compare(a.order, b.order));
    /** Key to expiry (epoch ms), oldest stored first: the expired are dropped from the head. */
    private final LinkedHashMap<String, Long> entries = new LinkedHashMap<>();
    private final long[] candidateRequests;
    private final long[] candidateSaved;
    private final long[] candidateSavedMicros;
    private final MinuteCounters minutes = new MinuteCounters(3);
    private long upstreamRequests;
    private long upstreamTimeMicros;
    private boolean timeLogged;
    private long order;
    private long latestReplayed = Long.MIN_VALUE;
    private long late;
    private long notStored;

    /** One candidate request waiting to be replayed. */
    private record Event(long timeMillis, long order, String key, int candidate, boolean stores, long upstreamMicros) {
    }

    /**
     * @param ttl             the time to live, whole seconds, at least one
     * @param candidateRoutes the routes replayed ({@link Routes#of}), most important first
     */
    public CacheReplay(Duration ttl, List<String> candidateRoutes) {
        this(ttl, candidateRoutes, MAX_ENTRIES, REORDER_REQUESTS);
    }

    CacheReplay(Duration ttl, List<String> candidateRoutes, int maxEntries, int reorderRequests) {
        if (ttl.toSeconds() < 1 || ttl.toNanosPart() != 0) {
            throw new IllegalArgumentException("the TTL must be whole seconds, at least one, not " + ttl);
        }
        if (maxEntries < 1 || reorderRequests < 0) {
            throw new IllegalArgumentException("entries must be positive and the reorder buffer not negative, not "
                    + maxEntries + " and " + reorderRequests);
        }
        this.ttl = ttl;
        this.ttlMillis = ttl.toMillis();
        this.routes = List.copyOf(candidateRoutes);
        for (int i = 0; i < routes.size(); i++) {
            candidate.putIfAbsent(routes.get(i), i);
        }
        this.maxEntries = maxEntries;
        this.reorderRequests = reorderRequests;
        candidateRequests = new long[routes.size()];
        candidateSaved = new long[routes.size()];
        candidateSavedMicros = new long[routes.size()];
    }

    /** Replays a request of the report (the object is reused after the call); one without a time or an upstream attempt is left out. */
    public void add(Request r) {
        long t = r.timeMillis();
        if (t < 0 || r.tier() != Tier.UPSTREAM) {
            return;
        }
        long up = r.upstreamTimeMicros();
        upstreamRequests++;
        timeLogged |= r.logs(Logged.UPSTREAM_RESPONSE_TIME);
        upstreamTimeMicros += Math.max(0, up);
        long[] minute = minutes.at(t);
        if (minute != null) {
            minute[UPSTREAM]++;
        }
        if (candidate.isEmpty() || !RouteStats.isCacheable(r.method())) {
            return;
        }
        Integer c = candidate.get(routeOf.of(r.path()));
        if (c == null) {
            return;
        }
        boolean stores = r.logs(Logged.STATUS) && r.status() == 200;
        pending.add(new Event(t, order++, key(r), c, stores, up));
        if (pending.size() > reorderRequests) {
            replay(pending.poll());
        }
    }

    private static String key(Request r) {
        String host = r.host();
        String target = r.path() == null ? "" : r.path();
        String key = host == null ? target : host + '\u0000' + target;
        if (key.length() <= MAX_KEY_CHARS) {
            return key;
        }
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private void replay(Event e) {
        long t = e.timeMillis;
        if (t < latestReplayed) {
            late++;
        } else {
            latestReplayed = t;
        }
        candidateRequests[e.candidate]++;
        dropExpired(t);
        Long expiry = entries.get(e.key);
        if (expiry != null && t < expiry) {
            long saved = Math.max(0, e.upstreamMicros);
            candidateSaved[e.candidate]++;
            candidateSavedMicros[e.candidate] += saved;
            long[] minute = minutes.at(t);
            if (minute != null) {
                minute[SAVED]++;
                minute[SAVED_TIME] += saved;
            }
            return;
        }
        if (expiry != null) {
            entries.remove(e.key); // expired, but behind a later entry in the table (a late request stored it)
        }
        if (!e.stores) {
            return;
        }
        if (entries.size() >= maxEntries) {
            notStored++;
            return;
        }
        entries.put(e.key, t + ttlMillis);
    }

    /** Drops the entries at the head of the table that have expired by {@code nowMillis}. */
    private void dropExpired(long nowMillis) {
        Iterator<Long> it = entries.values().iterator();
        while (it.hasNext()) {
            if (it.next() > nowMillis) {
                return;
            }
            it.remove();
        }
    }

    /** Replays the requests still waiting, and what the cache would have saved. */
    public CacheWhatIf result() {
        while (!pending.isEmpty()) {
            replay(pending.poll());
        }
        List<CacheWhatIf.Candidate> out = new ArrayList<>();
        long saved = 0;
        long savedMicros = 0;
        for (int i = 0; i < routes.size(); i++) {
            out.add(new CacheWhatIf.Candidate(routes.get(i), candidateRequests[i], candidateSaved[i],
                    known(candidateSavedMicros[i])));
            saved += candidateSaved[i];
            savedMicros += candidateSavedMicros[i];
        }
        Optional<CacheWhatIf.Minute> busiest = minutes.busiest(UPSTREAM).stream().boxed().findFirst().map(start -> {
            long[] row = minutes.row(start);
            return new CacheWhatIf.Minute(start, row[UPSTREAM], row[SAVED], known(row[SAVED_TIME]));
        });
        return new CacheWhatIf(ttl.toSeconds(), out, OptionalLong.of(upstreamRequests), known(upstreamTimeMicros), saved,
                known(savedMicros), busiest, late, notStored);
    }

    private OptionalLong known(long micros) {
        return timeLogged ? OptionalLong.of(micros) : OptionalLong.empty();
    }
}
