/**
 * Live tail: a sliding window of mergeable aggregations over a followed log, refreshed per interval.
 * Part of the facade: it may use every other package of the analyzer, and none of them uses it.
 */
package io.ngxtime.analyzer.live;
