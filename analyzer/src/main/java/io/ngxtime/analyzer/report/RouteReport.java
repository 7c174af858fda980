package io.ngxtime.analyzer.report;

/** One route: requests, latency (±3.2%), error rate and bytes. */
public record RouteReport(String route, long requests, long p50Micros, long p99Micros, double errorRate,
                          long errors5xx, long bytes) {
}
