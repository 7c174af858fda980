package io.ngxtime.analyzer.report;

import io.ngxtime.analyzer.report.Percentiles;

/** One tier: requests, share of all requests, and request-time percentiles (µs). */
public record TierReport(String tier, long requests, double share, Percentiles requestTime) {
}
