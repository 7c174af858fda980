package io.ngxtime.analyzer.report;

import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * One route: requests, latency (±3.2%; empty when none of its requests had a request time), the 5xx share
 * (empty when the status is not logged) and bytes.
 */
public record RouteReport(String route, long requests, OptionalLong p50Micros, OptionalLong p99Micros,
                          OptionalDouble errorRate, long errors5xx, long bytes) {
}
