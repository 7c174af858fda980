package io.ngxtime.charts;

import io.ngxtime.analyzer.report.Finding;
import io.ngxtime.analyzer.report.Finding.Item;
import java.util.List;

/**
 * The words for a finding, written from its figures with {@link Figures}: one title, one sentence of why,
 * one line per item. Used by every renderer (terminal, HTML, JSON's text fields), so a finding reads the
 * same everywhere. Subjects come from log lines: callers escape them for their medium.
 */
public final class FindingText {
    private FindingText() {
    }

    public static String title(Finding f) {
        return switch (f.kind()) {
            case CACHE_CANDIDATE -> "Cache candidates: routes answered by upstream with identical 200s";
            case STATIC_VIA_UPSTREAM -> "Static assets still reaching upstream";
            case SLOW_BACKEND -> "A backend slower than its peers";
            case FAILING_BACKEND -> "Backends whose attempts mostly fail";
            case SLOW_CLIENTS -> "Slow clients";
            case SATURATION -> "Where backends saturate";
            case CACHE_WHAT_IF -> "A cache would take much of upstream's work";
            case CDN_OFFLOAD -> "Static assets: a CDN would take a large share off this server";
        };
    }

    public static String detail(Finding f) {
        return switch (f.kind()) {
            case CACHE_CANDIDATE -> "These routes always returned 200 with the same body size from upstream to GET and "
                    + "HEAD requests; caching them (proxy_cache) would take that load off the backends.";
            case STATIC_VIA_UPSTREAM -> Figures.count(count(f, "upstream_requests"), "request") + " for static files went "
                    + "to a backend; serving them from nginx (root/alias) or its cache would be cheaper.";
            case SLOW_BACKEND -> "Per-attempt response time of these upstreams is well above the median of the others "
                    + "(attempts that got no connection are left out).";
            case FAILING_BACKEND -> "At least half of these upstreams' attempts failed; nginx retried elsewhere where it could.";
            case SLOW_CLIENTS -> Figures.count(count(f, "slow_requests"), "request") + " ("
                    + Figures.percent(count(f, "slow_requests"), count(f, "timed_requests")) + ") spent at least 1 s in "
                    + "nginx or sending to the client after upstream had answered.";
            case SATURATION -> SaturationText.detail(f);
            case CACHE_WHAT_IF -> "A cache with a " + Figures.span(count(f, "ttl_seconds")) + " TTL on the cache candidates "
                    + "would have answered " + Figures.count(count(f, "saved_upstream_requests")) + " of "
                    + Figures.count(count(f, "upstream_requests"), "upstream request") + " ("
                    + Figures.percent(count(f, "saved_upstream_requests"), count(f, "upstream_requests")) + ")"
                    + (f.figures().containsKey("saved_upstream_time") ? " and " + Figures.duration(count(f, "saved_upstream_time"))
                    + " of " + Figures.duration(count(f, "upstream_time")) + " upstream time ("
                    + Figures.percent(count(f, "saved_upstream_time"), count(f, "upstream_time")) + ")" : "") + ".";
            case CDN_OFFLOAD -> Figures.count(count(f, "static_requests")) + " of " + Figures.count(count(f, "requests"), "request")
                    + " (" + Figures.percent(count(f, "static_requests"), count(f, "requests")) + ")"
                    + (f.figures().containsKey("bytes") ? " and " + Figures.count(count(f, "static_bytes")) + " of "
                    + Figures.count(count(f, "bytes"), "byte") + " (" + Figures.percent(count(f, "static_bytes"), count(f, "bytes"))
                    + ")" : "") + " were static assets; a CDN would serve them instead of this server"
                    + (f.figures().containsKey("static_upstream_requests") ? " (" + Figures.count(count(f, "static_upstream_requests"))
                    + " of them reached a backend)" : "") + ".";
        };
    }

    /** One line per item: its subject and figures. */
    public static List<String> items(Finding f) {
        return f.items().stream().map(i -> item(f.kind(), i)).toList();
    }

    public static String item(Finding.Kind kind, Item i) {
        return switch (kind) {
            case CACHE_CANDIDATE -> i.subject() + ": " + Figures.count(count(i, "upstream_200s"), "upstream 200")
                    + ", all " + Figures.count(count(i, "bytes"), "byte") + ", "
                    + Figures.percent(i.figure("share_of_upstream_time")) + " of upstream time";
            case STATIC_VIA_UPSTREAM -> i.subject() + ": " + Figures.count(count(i, "upstream_requests"), "request")
                    + " through upstream";
            case SLOW_BACKEND -> i.subject() + ": p50 " + Figures.duration(count(i, "p50")) + " vs peers "
                    + Figures.duration(count(i, "peers_p50")) + ", p99 " + Figures.duration(count(i, "p99")) + " vs peers "
                    + Figures.duration(count(i, "peers_p99"));
            case FAILING_BACKEND -> (i.figures().containsKey("no_live_server") ? "group " + i.subject() + " (no live server)"
                    : i.subject()) + ": " + Figures.count(count(i, "failed")) + " of "
                    + Figures.count(count(i, "attempts"), "attempt") + " failed (" + Figures.count(count(i, "not_connected"))
                    + " without a connection), causing " + Figures.count(count(i, "retries_caused"), "retry");
            case SLOW_CLIENTS -> i.subject() + ": " + Figures.count(count(i, "slow_requests"), "slow request");
            case SATURATION -> SaturationText.item(i);
            case CACHE_WHAT_IF -> i.subject() + ": " + Figures.count(count(i, "saved_upstream_requests")) + " of "
                    + Figures.count(count(i, "upstream_requests"), "upstream request") + " saved"
                    + (i.figures().containsKey("saved_upstream_time") ? ", " + Figures.duration(count(i, "saved_upstream_time"))
                    + " of upstream time" : "");
            case CDN_OFFLOAD -> "." + i.subject() + ": " + Figures.count(count(i, "requests"), "request")
                    + (i.figures().containsKey("bytes") ? ", " + Figures.count(count(i, "bytes"), "byte") : "");
        };
    }

    private static long count(Item i, String name) {
        return Math.round(i.figure(name));
    }

    private static long count(Finding f, String name) {
        Double v = f.figures().get(name);
        if (v == null) {
            throw new IllegalArgumentException("no figure '" + name + "' in " + f.kind());
        }
        return Math.round(v);
    }
}
