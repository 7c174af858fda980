package io.ngxtime.analyzer.report;

import io.ngxtime.analyzer.report.Percentiles;

/** One upstream address, per attempt (µs, 2 significant digits). */
public record UpstreamReport(String address, long attempts, long failed, long retriesCaused, Percentiles connect,
                             Percentiles header, Percentiles response) {
}
