/**
 * Live tail: a sliding window over a followed log on the log's own time ({@code LiveWindow}: buckets of
 * mergeable aggregations and per-interval counts keyed by the requests' timestamps, "log now" from the latest
 * timestamp and the wall time since it was read, rates over the span really covered), what it shows at a
 * refresh ({@code LiveView}, several logs' views merged by {@code LiveWindow.merge}), the surge rule
 * ({@code Surge}), and the alerts judged on it.
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
