package io.ngxtime.analyzer.aggregate;

import io.ngxtime.analyzer.report.CacheWhatIf;
import io.ngxtime.analyzer.report.CdnOffload;
import io.ngxtime.analyzer.report.Finding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * When the what-ifs are worth a finding: a CDN that would take a large share of the requests or bytes off
 * this nginx, and a TTL cache that would take a large share of upstream's requests or time. The figures are
 * data; the words are the renderers'.
 */
public final class WhatIfFindings {
    /** Static assets make a CDN worth a finding from this share of the requests or of the bytes... */
    public static final double CDN_SHARE = 0.30;
    /** ...with at least this many static requests (a handful of lines says nothing). */
    public static final long CDN_MIN_REQUESTS = 50;
    /** A TTL cache is worth a finding when it saves this share of the upstream requests or of the upstream time. */
    public static final double CACHE_SAVED_SHARE = 0.05;
    /** Extensions listed in the CDN finding. */
    static final int CDN_ITEMS = 5;

    private WhatIfFindings() {
    }

    /** The {@link Finding.Kind#CDN_OFFLOAD} finding, when static assets are a large share. */
    public static Optional<Finding> cdnOffload(CdnOffload c) {
        boolean large = c.shareOfRequests().orElse(0) >= CDN_SHARE || c.shareOfBytes().orElse(0) >= CDN_SHARE;
        if (!large || c.staticRequests() < CDN_MIN_REQUESTS) {
            return Optional.empty();
        }
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("static_requests", (double) c.staticRequests());
        figures.put("requests", (double) c.requests());
        c.staticUpstreamRequests().ifPresent(n -> figures.put("static_upstream_requests", (double) n));
        if (c.bytes().isPresent()) {
            figures.put("static_bytes", (double) c.staticBytes().orElseThrow());
            figures.put("bytes", (double) c.bytes().getAsLong());
        }
        List<Finding.Item> items = new ArrayList<>();
        for (CdnOffload.Extension e : c.extensions().subList(0, Math.min(CDN_ITEMS, c.extensions().size()))) {
            Map<String, Double> f = new LinkedHashMap<>();
            f.put("requests", (double) e.requests());
            e.bytes().ifPresent(b -> f.put("bytes", (double) b));
            items.add(new Finding.Item(e.extension(), f));
        }
        return Optional.of(new Finding(Finding.Kind.CDN_OFFLOAD, figures, items));
    }

    /** The {@link Finding.Kind#CACHE_WHAT_IF} finding, when the cache would save a large share of upstream's work. */
    public static Optional<Finding> cacheWhatIf(CacheWhatIf w) {
        boolean large = w.savedShareOfRequests().orElse(0) >= CACHE_SAVED_SHARE
                || w.savedShareOfTime().orElse(0) >= CACHE_SAVED_SHARE;
        if (!large || w.savedRequests() == 0) {
            return Optional.empty();
        }
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("ttl_seconds", (double) w.ttlSeconds());
        figures.put("saved_upstream_requests", (double) w.savedRequests());
        figures.put("upstream_requests", (double) w.upstreamRequests().orElseThrow());
        if (w.savedUpstreamTimeMicros().isPresent() && w.upstreamTimeMicros().isPresent()) {
            figures.put("saved_upstream_time", (double) w.savedUpstreamTimeMicros().getAsLong());
            figures.put("upstream_time", (double) w.upstreamTimeMicros().getAsLong());
        }
        List<Finding.Item> items = new ArrayList<>();
        for (CacheWhatIf.Candidate c : w.candidates()) {
            Map<String, Double> f = new LinkedHashMap<>();
            f.put("upstream_requests", (double) c.upstreamRequests());
            f.put("saved_upstream_requests", (double) c.savedRequests());
            c.savedUpstreamTimeMicros().ifPresent(t -> f.put("saved_upstream_time", (double) t));
            items.add(new Finding.Item(c.route(), f));
        }
        return Optional.of(new Finding(Finding.Kind.CACHE_WHAT_IF, figures, items));
    }
}
