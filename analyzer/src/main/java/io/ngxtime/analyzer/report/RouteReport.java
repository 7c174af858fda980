package io.ngxtime.analyzer.report;

/** One route: requests, latency (±5%), error rate and bytes. */
public record RouteReport(String route, long requests, long p50Micros, long p99Micros, double errorRate,
                          long errors5xx, long bytes) {
}
