package io.ngxtime.analyzer.report;

/**
 * The value named as what drove a peak: one of its attribution items and the dimension it belongs to.
 * See {@code io.ngxtime.analyzer.aggregate.PeakDrivers} for how it is chosen.
 *
 * @param dimension the attribution dimension's key ({@code referrer}, {@code route}, {@code client_network},
 *                  {@code user_agent}, {@code upstream})
 * @param item      the value, with its counts and excess requests
 */
public record PeakDriver(String dimension, AttributionItem item) {
}
