package io.ngxtime.analyzer.report;

import java.util.List;

/**
 * Something an operator would want to act on.
 *
 * @param kind   cache_candidate, static_via_upstream, slow_backend or slow_clients
 * @param title  one line
 * @param detail why, with the figures
 * @param items  the routes, upstreams or networks concerned
 */
public record Finding(String kind, String title, String detail, List<String> items) {
}
