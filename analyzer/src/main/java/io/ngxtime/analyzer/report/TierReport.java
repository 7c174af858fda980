package io.ngxtime.analyzer.report;

/**
 * One tier ({@code nginx}, {@code cache}, {@code upstream}, or, where the format cannot tell them apart,
 * {@code nginx_or_cache} or {@code unknown}): requests, share of all requests, and request time.
 */
public record TierReport(String tier, long requests, double share, Latency requestTime) {
}
