package io.ngxtime.analyzer.aggregate;

import io.ngxtime.analyzer.record.Logged;
import io.ngxtime.analyzer.record.Request;
import io.ngxtime.analyzer.record.Tier;
import io.ngxtime.analyzer.report.CdnOffload;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Static assets: GET and HEAD requests whose target names a static file by its extension
 * ({@link Routes#staticExtension}), whichever part of the stack answered them, against every request; by
 * extension, per minute (for the busiest minute), and what of them reached upstream. The log does not carry
 * the response's content type ({@code $sent_http_content_type} is not a field of a request), so the extension
 * alone decides. Bounded: the extensions are a fixed list, the minutes {@link MinuteCounters}'. Single-writer;
 * mergeable.
 */
public final class CdnOffloadAggregator implements Aggregator<CdnOffloadAggregator>, java.io.Serializable {
    private static final int REQUESTS = 0;
    private static final int BYTES = 1;
    private static final int STATIC_REQUESTS = 2;
    private static final int STATIC_BYTES = 3;

    private long requests;
    private long bytes;
    private long staticRequests;
    private long staticBytes;
    private long staticUpstreamRequests;
    private long staticUpstreamTimeMicros;
    /** Whether any request's format logs a bytes variable (else every byte figure is unknown). */
    private boolean bytesLogged;
    /** Whether any request's format logs an upstream variable (else no request's tier is known). */
    private boolean upstreamLogged;
    /** Whether any request's format logs $upstream_response_time. */
    private boolean upstreamTimeLogged;
    /** Extension to {requests, bytes}; at most as many keys as {@link Routes} lists extensions. */
    private final TreeMap<String, long[]> byExtension = new TreeMap<>();
    private final MinuteCounters minutes = new MinuteCounters(4);

    /** The static extension of recent targets (null: not a static asset), remembered: paths repeat. */
    private final DerivedStrings extensions = new DerivedStrings(Routes::staticExtension, null);

    @Override
    public void add(Request r) {
        requests++;
        boolean logsBytes = r.logs(Logged.BYTES);
        bytesLogged |= logsBytes;
        upstreamTimeLogged |= r.logs(Logged.UPSTREAM_RESPONSE_TIME);
        upstreamLogged |= (r.logged() & Logged.ANY_UPSTREAM) != 0;
        long b = logsBytes && r.bytesSent() > 0 ? r.bytesSent() : 0;
        bytes += b;
        long[] minute = r.timeMillis() >= 0 ? minutes.at(r.timeMillis()) : null;
        if (minute != null) {
            minute[REQUESTS]++;
            minute[BYTES] += b;
        }
        if (!RouteStats.isCacheable(r.method())) {
            return;
        }
        String ext = extensions.of(r.path());
        if (ext == null) {
            return;
        }
        staticRequests++;
        staticBytes += b;
        long[] e = byExtension.computeIfAbsent(ext, k -> new long[2]);
        e[0]++;
        e[1] += b;
        if (minute != null) {
            minute[STATIC_REQUESTS]++;
            minute[STATIC_BYTES] += b;
        }
        if (r.tier() == Tier.UPSTREAM) {
            staticUpstreamRequests++;
            staticUpstreamTimeMicros += Math.max(0, r.upstreamTimeMicros());
        }
    }

    @Override
    public void merge(CdnOffloadAggregator o) {
        requests += o.requests;
        bytes += o.bytes;
        staticRequests += o.staticRequests;
        staticBytes += o.staticBytes;
        staticUpstreamRequests += o.staticUpstreamRequests;
        staticUpstreamTimeMicros += o.staticUpstreamTimeMicros;
        bytesLogged |= o.bytesLogged;
        upstreamTimeLogged |= o.upstreamTimeLogged;
        upstreamLogged |= o.upstreamLogged;
        for (Map.Entry<String, long[]> e : o.byExtension.entrySet()) {
            long[] mine = byExtension.computeIfAbsent(e.getKey(), k -> new long[2]);
            mine[0] += e.getValue()[0];
            mine[1] += e.getValue()[1];
        }
        minutes.merge(o.minutes);
    }

    /** The report's part. */
    public CdnOffload report() {
        List<CdnOffload.Extension> extensions = new ArrayList<>();
        byExtension.forEach((ext, v) -> extensions.add(new CdnOffload.Extension(ext, v[0], known(v[1], bytesLogged))));
        // most requests first; the extension's name breaks ties, so the order is the same in every run
        extensions.sort(Comparator.comparingLong(CdnOffload.Extension::requests).reversed()
                .thenComparing(CdnOffload.Extension::extension));
        Optional<CdnOffload.Minute> busiest = minutes.busiest(REQUESTS).stream().boxed().findFirst().map(start -> {
            long[] row = minutes.row(start);
            return new CdnOffload.Minute(start, row[REQUESTS], row[STATIC_REQUESTS], known(row[BYTES], bytesLogged),
                    known(row[STATIC_BYTES], bytesLogged));
        });
        return new CdnOffload(requests, staticRequests, known(bytes, bytesLogged), known(staticBytes, bytesLogged),
                known(staticUpstreamRequests, upstreamLogged), known(staticUpstreamTimeMicros, upstreamTimeLogged), extensions, busiest,
                minutes.approximate());
    }

    private static OptionalLong known(long value, boolean logged) {
        return logged ? OptionalLong.of(value) : OptionalLong.empty();
    }
}
