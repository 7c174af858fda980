/**
 * Live tail: a sliding window of mergeable aggregations over a followed log, refreshed per interval, and the
 * alerts judged on it.
 *
 * <p>Alerts: {@link io.ngxtime.analyzer.live.AlertRule#parse} reads a rule ({@code p99>800ms},
 * {@code upstream:10.0.1.3:8080 failed>5%}); one {@link io.ngxtime.analyzer.live.AlertEvaluator} per tail judges
 * every rule at each frame ({@link io.ngxtime.analyzer.live.AlertInput}) and returns the firing alerts, the
 * rules whose figure the frame does not give (unknown, never compared as 0) and the transitions (fired, cleared,
 * unknown) that a command runs once for. The texts of an {@link io.ngxtime.analyzer.live.Alert} are made here so
 * that the dashboard, {@code --json} and {@code --on-alert} say the same.
 *
 * <p>Part of the facade: it may use every other package of the analyzer, and none of them uses it.
 */
package io.ngxtime.analyzer.live;
