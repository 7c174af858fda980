package io.ngxtime.analyzer.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Something an operator would want to act on, as data: what kind, the overall figures, and the items it
 * concerns (a route, a backend, a client network) with theirs. Renderers write the words.
 *
 * @param kind    what was found
 * @param figures the finding's totals, by name (see each {@link Kind})
 * @param items   the routes, upstreams or networks concerned, most important first
 */
public record Finding(Kind kind, Map<String, Double> figures, List<Item> items) {
    public Finding {
        figures = Map.copyOf(figures);
        items = List.copyOf(items);
    }

    /** One subject of a finding and its figures, by name. */
    public record Item(String subject, Map<String, Double> figures) {
        public Item {
            figures = Map.copyOf(figures);
        }

        /** A figure this item has (by the {@link Kind}'s contract). */
        public double figure(String name) {
            Double v = figures.get(name);
            if (v == null) {
                throw new IllegalArgumentException("no figure '" + name + "' in " + figures.keySet());
            }
            return v;
        }
    }

    /** What a finding is about, and the figures its items carry. */
    public enum Kind {
        /** Routes upstream answers with identical 200s to GET/HEAD. Items: {@code upstream_200s}, {@code bytes}, {@code share_of_upstream_time}. */
        CACHE_CANDIDATE,
        /** Static files that reach a backend. Items: {@code upstream_requests}; totals: {@code upstream_requests}. */
        STATIC_VIA_UPSTREAM,
        /** Servers well above their peers. Items (µs): {@code p50}, {@code peers_p50}, {@code p99}, {@code peers_p99}. */
        SLOW_BACKEND,
        /**
         * Servers (or groups without a live server) whose attempts mostly fail. Items: {@code attempts},
         * {@code failed}, {@code not_connected}, {@code retries_caused}, and {@code no_live_server} (1) for a group.
         */
        FAILING_BACKEND,
        /** Client networks slow to take their responses. Items: {@code slow_requests}; totals: {@code slow_requests}, {@code timed_requests}. */
        SLOW_CLIENTS,
        /**
         * Servers whose p99 climbed past a knee in the log, the one that saturates first leading (see
         * {@link Saturation}). Items: {@code rps} (the knee, attempts/s), {@code confidence} (0 to 1),
         * {@code busiest_minute_rps}, {@code headroom} (share of the knee, negative past it), and
         * {@code flat_p99}, {@code top_p99} (µs).
         */
        SATURATION,
        /**
         * A TTL cache on the cache candidates would have saved much of upstream's work ({@link CacheWhatIf}). Totals:
         * {@code ttl_seconds}, {@code saved_upstream_requests}, {@code upstream_requests}, and when the time is logged
         * {@code saved_upstream_time}, {@code upstream_time} (µs). Items (routes): {@code upstream_requests},
         * {@code saved_upstream_requests}, and {@code saved_upstream_time} (µs) when logged.
         */
        CACHE_WHAT_IF,
        /**
         * Static assets are a large share of the requests or bytes ({@link CdnOffload}). Totals: {@code static_requests},
         * {@code requests}, {@code static_upstream_requests} when an upstream variable is logged, and when bytes are
         * logged {@code static_bytes}, {@code bytes}. Items (extensions): {@code requests}, and {@code bytes} when logged.
         */
        CDN_OFFLOAD;

        /** The JSON name: {@code cache_candidate}, ... */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
