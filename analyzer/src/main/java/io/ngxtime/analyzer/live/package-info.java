/**
 * Live tail: a sliding window over a followed log on the log's own time ({@code LiveWindow}: buckets of
 * mergeable aggregations and per-interval counts keyed by the requests' timestamps, "log now" from the latest
 * timestamp and the wall time since it was read, rates over the span really covered), what it shows at a
 * refresh ({@code LiveView}, several logs' views merged by {@code LiveWindow.merge}), and the surge rule
 * ({@code Surge}). Part of the facade: it may use every other package of the analyzer, and none of them uses it.
 */
package io.ngxtime.analyzer.live;
